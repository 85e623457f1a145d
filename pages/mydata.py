"""Your data: the province's own figures for years the public record lacks, uploaded or typed in,
checked by the engine's validator, marked as the planner's own everywhere, and reset in one click."""

import streamlit as st

from qn_model.data.dataset import load_dataset
from qn_model.data.validate import template_bytes
from qn_model.i18n.formats import t
from qn_model.views import user_data as model
from qn_model.views.session import mydata as sm
from qn_model.views.session.keys import mydata_key
from qn_ui import user_data as ud
from qn_ui.guard import route_through_app
from qn_ui.state import get_state

route_through_app()
state = get_state()
lang, ds = state.lang, state.ds

st.title(t("mydata_title", lang))
st.caption(t("mydata_intro", lang))

st.header(t("mydata_upload_header", lang))
st.markdown(t("mydata_template_help", lang))
st.download_button(
    t("mydata_template_button", lang),
    data=template_bytes(),
    file_name=model.template_filename(lang),
    mime="text/csv",
    icon=":material/download:",
    key="mydata_template",
)
with st.expander(t("mydata_codebook", lang), icon=":material/list:"):
    st.dataframe(model.codebook_table(ds, lang), hide_index=True, width="stretch", key="mydata_codebook")
uploaded = st.file_uploader(
    t("mydata_uploader", lang), type=["csv", "xlsx"], key=mydata_key(st.session_state, ud.UPLOAD)
)
if uploaded is not None:
    ud.upload(uploaded.getvalue(), uploaded.name)
ud.show_outcome(lang, ud.UPLOAD)

st.header(t("mydata_editor_header", lang))
st.caption(t("mydata_editor_help", lang))
edited = ud.editor(ds, lang)
apply_col, reset_col = st.columns(2)
apply_col.button(
    t("mydata_apply", lang),
    type="primary",
    key="mydata_apply",
    icon=":material/check:",
    on_click=sm.request,
    args=(st.session_state, ud.APPLY),
)
reset_col.button(
    t("mydata_reset", lang),
    key="mydata_reset",
    icon=":material/restart_alt:",
    disabled=not sm.has_user_data(st.session_state),
    on_click=sm.request,
    args=(st.session_state, ud.RESET),
)
ud.handle_request(edited)
ud.show_outcome(lang, ud.TABLE)

st.header(t("mydata_changes_header", lang))
if sm.has_user_data(st.session_state):
    st.dataframe(
        model.changes_table(load_dataset(), ds, lang), hide_index=True, width="stretch", key="mydata_changes"
    )
    st.caption(t("mydata_version_user", lang, version=ds.version))
else:
    st.info(t("mydata_no_changes", lang), icon=":material/info:")
    st.caption(t("mydata_version_shipped", lang, version=ds.version))
