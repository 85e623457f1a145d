"""The floor reference for ``benchmarks/ui.py``: what issue 3 asks the scenario page to offer and
show, and nothing else. No model, no data, no formatting, no navigation: the controls (language,
presets as one control, target set, base share, two targets, four growth sliders), one metric
per target and one seven-trace plotly chart (our headline chart's trace count), built without
validation and cached per value. What Streamlit alone costs for such a page, to read ours against."""

import functools

import plotly.graph_objects as go
import streamlit as st


@functools.cache
def figure(growth: float) -> go.Figure:
    years = list(range(2024, 2031))
    traces = [
        {"type": "scatter", "x": years, "y": [7.1 * (1 + growth / 100 + k / 50) ** i for i in range(7)]}
        for k in range(7)
    ]
    return go.Figure({"data": traces, "layout": {}}, _validate=False)


with st.sidebar:
    st.radio("Language", ["vi", "en"], key="w_lang", horizontal=True)
    st.segmented_control("Preset", ["trend", "plan", "cautious", "ambitious"], key="w_preset")
    st.selectbox("Target set", ["article", "resolution09", "national", "custom"], key="w_tset")
    st.slider("Base share (%)", 0.0, 100.0, 7.1, 0.1, key="w_s0")
    st.slider("Target 2025 (%)", 0.0, 100.0, 20.0, 0.1, key="w_t1")
    st.slider("Target 2030 (%)", 0.0, 100.0, 35.0, 0.1, key="w_t2")
growth = {
    key: st.slider(key, min_value=-20.0, max_value=100.0, value=60.0, step=0.1, key=f"w_{key}")
    for key in ("gy1", "gd1", "gy2", "gd2")
}
left, right = st.columns(2)
left.metric("2025", f"{growth['gd1']:.1f}%", "-1.0")
right.metric("2030", f"{growth['gd2']:.1f}%", "-1.0")
st.plotly_chart(figure(growth["gd2"]), key="floor_chart")
