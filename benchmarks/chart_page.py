"""The "bare page + our chart" control for ``benchmarks/ui.py`` and ``benchmarks/profile_ui.py``:
the bare page (one keyed slider, one text) drawing the scenario page's chart, built as that page
builds it (``headline_figure`` with the required path, the same height, margins, config and
``qn_ui.widgets.chart``), in a column as wide as the scenario page's. No app, no router, no
verdict cards, no CSS: what Streamlit and plotly.js cost to redraw *this* chart, to tell the
chart's own cost from the rest of our page's.

The slider is the 2026–2030 digital-economy growth (``gd2``), English, as in ``ui.py``'s link.
"""

import streamlit as st

from qn_model.data.dataset import load_dataset
from qn_model.engine.evaluate import evaluate_link
from qn_model.views.figures import headline_figure
from qn_ui.widgets import chart

# The scenario page's layout constants (pages/scenario.py; importing the page would run it).
CHART_HEIGHT, LAYOUT = 480, [0.36, 0.64]


@st.cache_resource
def dataset():
    return load_dataset()


left, right = st.columns(LAYOUT, gap="medium")
with left:
    value = st.slider("Growth (%/year)", min_value=-20.0, max_value=100.0, value=60.0, step=0.1, key="w_bare")
    st.markdown(f"Value: **{value:.1f}**")
ds = dataset()
ev = evaluate_link(f"gd2={value:g}&lang=en", ds)
fig = headline_figure(ev, ds, "en", with_required=True, height=CHART_HEIGHT, settled_margins=True)
with right:
    chart(fig, key="scenario_chart", with_data=False)
