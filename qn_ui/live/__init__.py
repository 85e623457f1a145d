"""The live scenario: a custom component (Streamlit components v2) that answers the 2026–2030
growth controls in the browser, in the same frame (issue 21). ``component.py`` mounts it;
``model.mjs`` mirrors the engine's arithmetic, ``format.mjs`` its number formats, ``widget.mjs``
draws the controls, the 2030 verdict and the chart."""
