"""How the app adapts to the screen: one style sheet, sent once per run by ``app.py``.

Streamlit lays a page out in the browser and the server never learns the screen's size, so
what depends on the width is decided here, in CSS media queries, rather than in Python:

- laptops (≥ 1024 px): less side padding, so that the scenario page's verdicts and sliders
  fit beside its chart; short screens (≤ 800 px high): a smaller page title, so the first
  screen holds the verdict, the sliders and the chart's targets;
- phones (≤ 640 px, where Streamlit stacks columns into one): the charts' type scaled down.
  Plotly draws type at fixed pixel sizes chosen for a projector; on a 360 px chart they would
  crowd the plot. The figures leave every text's place to plotly's margins and automatic year
  ticks (``qn_model/views/chart_kit.py``), so smaller type only makes room;
- every slider: the thumb's number and the range's ends hidden, because Streamlit formats them
  with printf (``11.9%`` in Vietnamese too); the label shows the value in the language's
  format instead (``qn_ui/controls.py``).

Constants only, no user text.
"""

from __future__ import annotations

PHONE_MAX_PX = 640  # Streamlit stacks columns below this width

CSS = f"""<style>
[data-testid="stMainBlockContainer"] {{ padding-top: 2.5rem; }}
[data-testid="stSliderThumbValue"], [data-testid="stSliderTickBar"] {{ display: none; }}
/* The reconnection watcher (qn_ui/reconnect.py) draws nothing in the flow: no gap for it. */
.st-key-qn_reconnect {{ position: absolute; }}
@media (min-width: 1024px) {{
  [data-testid="stMainBlockContainer"] {{ padding-left: 2.5rem; padding-right: 2.5rem; }}
}}
@media (max-height: 800px) and (min-width: {PHONE_MAX_PX + 1}px) {{
  .stMain h1 {{ font-size: 2.1rem; padding-bottom: 0.5rem; }}
}}
/* The scenario page's verdicts beside its chart: compact cards, so that the sliders under them
   are on the first screen too. */
.st-key-scenario_verdicts_latest [data-testid="stMetric"], .st-key-scenario_verdicts_earlier [data-testid="stMetric"] {{ padding: 0.5rem 0.9rem; }}
.st-key-scenario_verdicts_latest [data-testid="stMarkdownContainer"] p, .st-key-scenario_verdicts_earlier [data-testid="stMarkdownContainer"] p {{ font-size: 0.95rem; line-height: 1.4; }}
/* After the rule above: a metric's value is a markdown paragraph too. */
.st-key-scenario_verdicts_latest [data-testid="stMetricValue"] p, .st-key-scenario_verdicts_earlier [data-testid="stMetricValue"] p {{ font-size: 2rem; line-height: 1.2; }}
@media (max-width: {PHONE_MAX_PX}px) {{
  .stMain h1 {{ font-size: 1.9rem; }}
  .js-plotly-plot .main-svg .gtitle {{ font-size: 15px !important; }}
  .js-plotly-plot .main-svg .xtick text, .js-plotly-plot .main-svg .ytick text,
  .js-plotly-plot .main-svg .g-xtitle text, .js-plotly-plot .main-svg .g-ytitle text,
  .js-plotly-plot .main-svg .textpoint text, .js-plotly-plot .main-svg .legendtext,
  .js-plotly-plot .main-svg .annotation-text, .js-plotly-plot .main-svg .colorbar text {{
    font-size: 12px !important; }}
}}
</style>"""
