"""What the AppTest modules share: the app's entry point, a session opened by a shared link,
and the checks every run of a page must pass."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")  # AppTest resolves relative paths
# against the calling file, not the cwd
OVERVIEW = "pages/overview.py"  # the page app.py opens when the link names none
SCENARIO = "pages/scenario.py"


def new_app(params: dict[str, str | list[str]] | None = None, page: str | None = None) -> AppTest:
    """An app whose FIRST run sees ``params`` (as a shared link would), then switched to
    ``page`` when one other than the overview is given."""
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None and page != OVERVIEW:
        at.switch_page(page).run()
    return at


def assert_clean(at: AppTest) -> None:
    """No exception and no error element on the page."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def shown_metrics(at: AppTest) -> dict[str, str]:
    """Label -> value of every metric on the page."""
    return {m.label: m.value for m in at.metric}
