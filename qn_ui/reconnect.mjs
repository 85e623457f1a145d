// The tab's watcher (qn_ui/reconnect.py says why): it asks the server's health endpoint about once
// a second. Failing probes: the banner says the connection is lost. The first answer after the
// server went away (a refused connection or an error status, not a slow answer: a busy server
// still holds the session), or an answer from another replica than the first one seen (nginx's
// X-Qn-Replica): the page reloads from its URL, which holds the whole scenario.
const EVERY_MS = 1000;
const TIMEOUT_MS = 4000;
const LOST_AFTER = 2;  // failed probes in a row before the banner: one slow answer is not a loss

function say(g, text) {
  const box = g.root && g.root.querySelector('.qn-conn');
  if (!box) return;
  box.textContent = text || '';
  box.hidden = !text;
}

async function probe(g) {
  if (g.busy || g.reloading) return;
  g.busy = true;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  let answer = null;
  try {
    answer = await fetch(`${g.data.base}/_stcore/health`, { cache: 'no-store', signal: abort.signal });
  } catch {
    g.gone ||= !abort.signal.aborted;  // refused or cut (an abort is only a slow answer)
  } finally {
    clearTimeout(timer);
    g.busy = false;
  }
  if (!answer || !answer.ok) {
    g.gone ||= Boolean(answer);  // an error status: the server, or every replica, is not there
    g.failed += 1;
    if (g.failed >= LOST_AFTER) say(g, g.data.lost);
    return;
  }
  const replica = answer.headers.get('X-Qn-Replica');
  if (g.replica === undefined) g.replica = replica;
  if (g.gone || (replica && g.replica && replica !== g.replica)) {
    g.reloading = true;
    say(g, g.data.reopening);
    window.location.reload();
    return;
  }
  g.failed = 0;
  say(g, null);
}

export default function ({ data, parentElement }) {
  const g = (window.__qnReconnect ??= { failed: 0, gone: false, busy: false, reloading: false });
  g.data = data;
  g.root = parentElement;
  if (g.started) return;  // one watcher per page, however many reruns mount it
  g.started = true;
  setInterval(() => probe(g), EVERY_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') probe(g);
  });
  window.addEventListener('online', () => probe(g));
  probe(g);
}
