"""Method & sources: formulas, definitions, caveats, every source and the data version."""

import streamlit as st

from qn_model.i18n.formats import t
from qn_model.views.markup import md_escape
from qn_model.views.method import LINK_DISPLAY_REGEX, sections
from qn_ui.guard import route_through_app
from qn_ui.state import get_state

route_through_app()
state = get_state()
lang = state.lang
st.title(t("meth_title", lang))
st.caption(t("meth_intro", lang))

for i, section in enumerate(sections(state.ds, lang)):
    st.header(section.title)
    for j, block in enumerate(section.blocks):
        if block.kind == "latex":
            st.latex(block.content)
        elif block.kind == "text":
            st.markdown(md_escape(block.content))
        elif block.kind == "caption":
            st.caption(md_escape(block.content))
        elif block.kind == "bullets":
            st.markdown("\n".join("- " + md_escape(line) for line in block.content))
        elif block.kind == "static":
            st.table(block.content.map(md_escape), hide_index=True)
        elif block.kind == "table":
            config = {}
            if block.link_column:
                config[block.link_column] = st.column_config.LinkColumn(display_text=LINK_DISPLAY_REGEX)
            st.dataframe(
                block.content, hide_index=True, width="stretch", column_config=config, key=f"method_{i}_{j}"
            )
