"""The bare reference page for ``benchmarks/ui.py``: one keyed slider, one text showing its value,
one plotly chart whose data depends on it. Streamlit's own floor, to measure the app against."""

import plotly.graph_objects as go
import streamlit as st

value = st.slider("Growth (%/year)", min_value=-20.0, max_value=100.0, value=60.0, step=0.1, key="w_bare")
st.markdown(f"Value: **{value:.1f}**")
years = list(range(2024, 2031))
share = [7.1 * (1 + value / 100) ** i / 1.105**i for i in range(len(years))]
fig = go.Figure(go.Scatter(x=years, y=share, mode="lines+markers", name="share"))
st.plotly_chart(fig, key="bare_chart")
