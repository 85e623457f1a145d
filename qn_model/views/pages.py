"""The pages, declared once: file, URL path (the file name), title key and icon."""

from __future__ import annotations

from dataclasses import dataclass

from qn_model.core.messages import N_


@dataclass(frozen=True)
class PageSpec:
    file: str
    title_key: str
    icon: str
    default: bool = False

    @property
    def url_path(self) -> str:
        return self.file.removeprefix("pages/").removesuffix(".py")


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/overview.py", N_("page_overview"), ":material/dashboard:", default=True),
    PageSpec("pages/scenario.py", N_("page_scenario"), ":material/tune:"),
    PageSpec("pages/history.py", N_("page_history"), ":material/history:"),
    PageSpec("pages/peers.py", N_("page_peers"), ":material/groups:"),
    PageSpec("pages/trends.py", N_("page_trends"), ":material/trending_up:"),
    PageSpec("pages/compare.py", N_("page_compare"), ":material/compare_arrows:"),
    PageSpec("pages/mydata.py", N_("page_mydata"), ":material/upload_file:"),
    PageSpec("pages/method.py", N_("page_method"), ":material/menu_book:"),
    PageSpec("pages/present.py", N_("page_present"), ":material/co_present:"),
)

# The page whose growth sliders, verdicts and chart rerun alone (a fragment) when a slider moves.
LIVE_PAGE = "scenario"
# The page whose selection (presets, pasted scenarios) the link carries (``cmp``).
COMPARE_PAGE = "compare"
# The meeting view: ``present=1`` in a link opened on any page routes here.
PRESENT_PAGE = "present"


def page_file(url_path: str) -> str:
    """The file of the page at ``url_path`` (the default page's for an unknown one)."""
    default = next(p for p in PAGES if p.default)
    return next((p.file for p in PAGES if p.url_path == url_path), default.file)
