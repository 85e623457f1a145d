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
