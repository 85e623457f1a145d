"""The app's own addresses under a base path (qn_model.core.urls)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qn_model.core.urls import app_link, is_absolute, norm_base_path, origin, page_address

SEGMENT = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=8)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        (None, ""),
        ("/", ""),
        ("ktso", "/ktso"),
        ("/ktso", "/ktso"),
        ("ktso/", "/ktso"),
        ("/ktso/", "/ktso"),
        ("//so//ktso//", "/so/ktso"),
    ],
)
def test_base_path_forms(raw, expected):
    assert norm_base_path(raw) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://portal.example.vn/ktso/scenario?gd2=40#x", "https://portal.example.vn"),
        ("http://127.0.0.1:8080/ktso", "http://127.0.0.1:8080"),
        ("HTTP://Host:81/", "http://Host:81"),
        (None, ""),
        ("", ""),
        ("/ktso/scenario", ""),
        ("?gd2=40", ""),
        ("javascript:alert(1)", ""),
        ("ftp://host/x", ""),
        ("http://[::1/", ""),  # not a URL at all: no exception
    ],
)
def test_origin(url, expected):
    assert origin(url) == expected


@pytest.mark.parametrize(
    ("query", "base", "page", "org", "expected"),
    [
        ("gd2=40", "ktso", "scenario", "https://p.vn", "https://p.vn/ktso/scenario?gd2=40"),
        ("gd2=40", "/ktso/", "", "https://p.vn", "https://p.vn/ktso/?gd2=40"),
        ("", "ktso", "", "https://p.vn", "https://p.vn/ktso/"),
        ("gd2=40", "", "scenario", "http://127.0.0.1:8501", "http://127.0.0.1:8501/scenario?gd2=40"),
        ("gd2=40", "", "", "", "/?gd2=40"),
        ("gd2=40", "ktso", "/scenario/", "", "/ktso/scenario?gd2=40"),
        ("", "", "", "", "/"),
    ],
)
def test_app_link(query, base, page, org, expected):
    assert app_link(query, base_path=base, page=page, origin=org) == expected


@given(
    base=st.lists(SEGMENT, max_size=3),
    slashes=st.tuples(st.booleans(), st.booleans()),
    page=st.sampled_from(["", "scenario", "method"]),
    gd2=st.floats(-20, 250, allow_nan=False).map(lambda x: f"{x:g}"),
)
def test_link_carries_the_path_and_the_query_back(base, slashes, page, gd2):
    """Whatever form the base path is given in, the link's path is /base/page and its query
    is the scenario's, unchanged; the link opens where the app is served."""
    raw = ("/" if slashes[0] else "") + "/".join(base) + ("/" if slashes[1] else "")
    link = app_link(f"gd2={gd2}", base_path=raw, page=page, origin="https://portal.example.vn")
    parts = urlsplit(link)
    assert parts.path == "/" + "".join(f"{s}/" for s in base) + page
    assert parse_qsl(parts.query) == [("gd2", gd2)]
    assert is_absolute(link) and page_address(link) == f"https://portal.example.vn{parts.path}"


def test_page_address():
    assert page_address("https://p.vn/ktso/scenario?gd2=40#top") == "https://p.vn/ktso/scenario"
    assert page_address("https://p.vn") == "https://p.vn/"
    assert page_address("gd2=40") is None
    assert page_address("/ktso/scenario?gd2=40") is None
    assert page_address(None) is None
