"""Serve the app of another checkout beside ours, for A/B runs in one benchmark invocation
(``benchmarks/ui.py --variant``, ``benchmarks/profile_ui.py --variant``): two codes measured in
the same run see the same machine load, which on a shared machine moves more than most changes.

A variant is a directory holding the app (a ``git worktree`` or ``git archive`` of another
commit, or a copy with a change to try) and using the same venv.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path

from tests.e2e.helpers import streamlit_server


def add_variant_argument(ap: argparse.ArgumentParser, what: str) -> None:
    """``--variant NAME=DIR`` (repeatable): also measure ``what`` on another checkout's app."""
    ap.add_argument(
        "--variant",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help=f"also measure {what} of another checkout (e.g. a worktree at 856c1fe), in the same run",
    )


@contextlib.contextmanager
def variant_server(root: Path, home: Path, log: Path) -> Iterator[str]:
    """The app of another checkout (``root``), served as ours is, from that directory."""
    with streamlit_server("app.py", home, log, root=root) as url:
        yield url


def parse_variants(items: list[str]) -> dict[str, Path]:
    """``NAME=DIR`` arguments as a mapping."""
    return {name: Path(root).resolve() for name, root in (item.split("=", 1) for item in items)}
