"""The app's session: every key it holds, and how the controls' values change, as functions of a
mapping (Streamlit's ``st.session_state`` in the app, a dict in the tests). ``qn_ui`` passes the
session in and does what needs Streamlit: the address bar, the widgets, reruns."""
