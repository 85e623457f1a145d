"""Quảng Ninh digital-economy planning engine: plain functions and small dataclasses, no Streamlit."""
