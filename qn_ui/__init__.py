"""Streamlit glue: URL state, shared controls and small rendering helpers. The numbers come
from ``qn_model``; nothing here computes them."""
