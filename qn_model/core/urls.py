"""The app's own addresses: where a scenario's link points when the app is served under a path.

The province serves the app from its portal under a path (``https://…/ktso/``), Streamlit's
``server.baseUrlPath``. Every link the app writes (the share link, the meeting view's QR code, the
link in the exports and the brief) must carry that path, or a colleague opening it lands on the
portal's page, not on the scenario. The caller (``qn_ui``, the command line) supplies the pieces;
nothing here reads Streamlit's options.
"""

from __future__ import annotations

from urllib.parse import urlsplit

HTTP_SCHEMES = ("http", "https")


def norm_base_path(value: str | None) -> str:
    """A base path as ``"/ktso"`` (one leading slash, none trailing), or ``""`` for the root.

    Streamlit accepts ``ktso``, ``/ktso/`` and ``ktso/`` alike (it strips the slashes); empty
    segments are dropped, so ``//a//b/`` is ``/a/b``.

    >>> norm_base_path("ktso/"), norm_base_path("/"), norm_base_path(None)
    ('/ktso', '', '')
    """
    parts = [p for p in str(value or "").split("/") if p]
    return "/" + "/".join(parts) if parts else ""


def origin(url: str | None) -> str:
    """``scheme://host[:port]`` of an http(s) address, ``""`` for anything else (``None``, a
    relative path, ``javascript:``…).

    >>> origin("https://portal.example/ktso/scenario?gd2=40")
    'https://portal.example'
    """
    if not url:
        return ""
    try:
        parts = urlsplit(str(url).strip())
    except ValueError:  # e.g. an invalid IPv6 literal
        return ""
    if parts.scheme.lower() not in HTTP_SCHEMES or not parts.netloc:
        return ""
    return f"{parts.scheme.lower()}://{parts.netloc}"


def app_link(query: str, *, base_path: str = "", page: str = "", origin: str = "") -> str:
    """The address of a page of the app with a scenario's query string.

    Parameters
    ----------
    query : str
        The scenario's query string without ``?`` (``links.serialize``); may be empty.
    base_path : str
        Where the app is served (``server.baseUrlPath``), in any of the forms
        :func:`norm_base_path` accepts.
    page : str
        The page's URL path (``"scenario"``), ``""`` for the default page.
    origin : str
        ``scheme://host[:port]`` as the browser sees the app (:func:`origin` of
        ``st.context.url``); ``""`` gives a link relative to the host, ``/ktso/scenario?…``.

    Returns
    -------
    str
        ``https://host/ktso/scenario?gd2=40``; the default page ends in a slash
        (``https://host/ktso/?gd2=40``), as the path the proxy serves.

    >>> app_link("gd2=40", base_path="ktso", page="scenario", origin="https://portal.example")
    'https://portal.example/ktso/scenario?gd2=40'
    >>> app_link("", base_path="/ktso/")
    '/ktso/'
    """
    page = page.strip("/")
    path = f"{norm_base_path(base_path)}/{page}"
    return f"{origin.rstrip('/')}{path}" + (f"?{query}" if query else "")


def is_absolute(link: str) -> bool:
    """Whether ``link`` is an http(s) address a phone or another machine can open."""
    return bool(origin(link))


def page_address(url: str | None) -> str | None:
    """An http(s) link's address without its query and fragment (``https://host/ktso/scenario``),
    ``None`` for anything else: where a link copied from the app points, path included."""
    if not is_absolute(url or ""):
        return None
    parts = urlsplit(str(url).strip())
    return f"{origin(url)}{parts.path or '/'}"
