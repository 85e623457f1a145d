"""The app's launcher: ``python -m qn_ui.serve [streamlit options]`` runs ``streamlit run app.py``
with the process warmed in the background (``qn_model.warmup``), so a cold server draws its
first page sooner. ``make run`` and the browser tests start the app this way."""

from __future__ import annotations

import sys
from pathlib import Path

from qn_model import warmup

APP = Path(__file__).resolve().parents[1] / "app.py"


def _server_started() -> bool:
    from streamlit.runtime import Runtime
    from streamlit.runtime.runtime import RuntimeState

    return Runtime.exists() and Runtime.instance().state != RuntimeState.INITIAL


def main(argv: list[str] | None = None) -> None:
    # Streamlit (with numpy and pandas) is imported here, before the warm-up thread exists:
    # libraries that peek into sys.modules (plotly looks for pandas there) must never find a
    # module half-imported by the other thread.
    from streamlit.web import cli

    warmup.start(ready=_server_started)
    cli.main(["run", str(APP), *(sys.argv[1:] if argv is None else argv)], prog_name="streamlit")


if __name__ == "__main__":
    main()
