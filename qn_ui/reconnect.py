"""An open tab that outlives its server: when the connection comes back to a server that does
not hold the tab's session (the replica died, or the session expired), the page reloads from
its URL, which holds the whole scenario; while it is cut, the page says so in the planner's
language.

Why a script in the page: Streamlit's frontend reconnects by itself, but to a new, empty
session, and only reruns the app if a run was under way. Until then the page shows the old
session's elements; a slider in a fragment (the scenario page's) sends a fragment rerun the new
session does not know ("fragment ... does not exist anymore" in the server's log) and nothing
happens, with no message. nginx is not the cause: it sends the new websocket to a live replica.

How it knows: every reconnection opens a new websocket, whose subprotocols carry the previous
session's id (Streamlit's own reconnect handshake). The script asks for one rerun (a trigger of
this component) and reads the session id in the first message of the answer (Streamlit's
``NewSession``): another id, or no answer within ``PROBE_TIMEOUT_MS``, means a new session, and
the page reloads. The same id means the server resumed the session: nothing to do.
"""

from __future__ import annotations

import streamlit as st

from qn_model.i18n.formats import t

PROBE_TIMEOUT_MS = 6000

_HTML = """<div class="qn-conn" role="status" aria-live="assertive" hidden></div>"""

_CSS = """
.qn-conn {
  position: fixed; top: 0.75rem; left: 1rem; right: 1rem; margin: 0 auto; z-index: 1000100;
  width: fit-content; max-width: 40rem; padding: 0.6rem 1rem; border-radius: 0.5rem;
  background: #7a2e00; color: #fff; font: 600 1rem/1.4 var(--st-font, sans-serif);
  box-shadow: 0 2px 10px rgba(0, 0, 0, 0.3); text-align: center;
}
.qn-conn[hidden] { display: none; }
"""

_JS = """
const STATUS = '[data-testid="stConnectionStatus"]';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

function say(g, text) {
  const box = g.root && g.root.querySelector('.qn-conn');
  if (!box) return;
  box.textContent = text || '';
  box.hidden = !text;
}

function reopen(g) {
  if (g.reloading) return;
  g.reloading = true;
  say(g, g.data.reopening);
  window.location.reload();  // the URL holds the scenario
}

function probe(g, socket, lastSession) {
  // A new stream socket: Streamlit is reconnecting. Once it is open, ask for a run: the run's
  // first message names the session. A socket that closes first is forgotten (Streamlit tries again).
  g.socket = socket;
  const mine = () => g.socket === socket;
  socket.addEventListener('open', () => {
    if (!mine()) return;
    clearTimeout(g.timer);
    g.timer = setTimeout(() => reopen(g), g.data.timeout_ms);
    setTimeout(() => g.send('probe', Date.now()), 50);
  });
  socket.addEventListener('close', () => {
    if (mine() && !g.reloading) {
      clearTimeout(g.timer);
      g.timer = null;
    }
  });
  socket.addEventListener('message', (event) => {
    if (!mine() || !g.timer || !(event.data instanceof ArrayBuffer)) return;
    const found = new TextDecoder('latin1').decode(event.data).match(UUID);
    if (!found) return;
    clearTimeout(g.timer);
    g.timer = null;
    if (lastSession && found[0] === lastSession) say(g, null);  // resumed: all is well
    else reopen(g);
  });
}

function watch(g) {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      if (String(url).includes('/_stcore/stream')) {
        const last = Array.isArray(protocols) ? protocols.find((p) => UUID.test(p)) : undefined;
        probe(g, this, last);
      }
    }
  };
  // Streamlit shows its (English) connection status while it is not connected: say it in ours.
  const check = () => {
    if (document.querySelector(STATUS)) say(g, g.data.lost);
    else if (!g.timer && !g.reloading) say(g, null);
  };
  let queued = false;  // one look per 100 ms, however many mutations a rerun makes
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    setTimeout(() => { queued = false; check(); }, 100);
  }).observe(document.body, { childList: true, subtree: true });
}

export default function ({ data, parentElement, setTriggerValue }) {
  const g = (window.__qnReconnect ??= { timer: null, reloading: false });
  g.data = data;
  g.root = parentElement;
  g.send = setTriggerValue;
  if (!g.watching) {
    g.watching = true;
    watch(g);
  }
}
"""

_COMPONENT = st.components.v2.component("qn_reconnect", html=_HTML, css=_CSS, js=_JS)


def _ignore() -> None:
    """The probe's trigger needs a callback to be a trigger; the rerun is all it is for."""


def reconnect_guard(lang: str) -> None:
    """Mount the watcher (once per run of the router, on every page)."""
    _COMPONENT(
        key="qn_reconnect",  # read by nobody: its trigger only asks for the probing rerun
        data={
            "lost": t("conn_lost", lang),
            "reopening": t("conn_reopening", lang),
            "timeout_ms": PROBE_TIMEOUT_MS,
        },
        on_probe_change=_ignore,
        height=0,
    )
