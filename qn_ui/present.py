"""Presentation mode (present=1): being written; falls back to the overview until then."""

import streamlit as st

from qn_ui.state import AppState


def present_view(state: AppState) -> None:
    st.switch_page("pages/overview.py")
