"""The app's launcher: ``python -m qn_ui.serve [streamlit options]`` runs ``streamlit run app.py``
(Streamlit's own command line) with the process warmed in the background (``qn_model.warmup``),
so a cold server draws its first page sooner. ``make run`` and the browser tests start the app
this way."""

from __future__ import annotations

import runpy
import socket
import sys
from pathlib import Path

from qn_model import warmup

APP = Path(__file__).resolve().parents[1] / "app.py"


def _server_started() -> bool:
    """Whether the server answers on its address and port (options read from the command line
    by the time the warm-up asks; an optimisation only, so a wrong answer costs nothing more)."""
    from streamlit import config

    host = config.get_option("server.address") or "127.0.0.1"
    try:
        with socket.create_connection((host, int(config.get_option("server.port"))), timeout=0.1):
            return True
    except OSError:
        return False


def main(argv: list[str] | None = None) -> None:
    # Streamlit, numpy and pandas are imported here, before the warm-up thread exists:
    # libraries that peek into sys.modules (plotly looks for pandas there) must never find a
    # module half-imported by the other thread.
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import streamlit  # noqa: F401

    warmup.start(ready=_server_started)
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    runpy.run_module("streamlit", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
