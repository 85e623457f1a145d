const SKIP_ID = "qn-skip";

function deepQuery(root, selector) {
  const hit = root.querySelector(selector);
  if (hit) return hit;
  for (const el of root.querySelectorAll("*")) {
    if (el.shadowRoot) {
      const inner = deepQuery(el.shadowRoot, selector);
      if (inner) return inner;
    }
  }
  return null;
}

function growthControl() {
  // The live component's (issue 21) on /scenario; the sidebar's slider on other pages.
  const box =
    document.querySelector('[class*="st-key-w_live_gd2"]') || document.querySelector('[class*="st-key-w_gd2"]');
  return box ? deepQuery(box, '[role="slider"], input[type="range"]') : null;
}

function focusMain() {
  const main = document.querySelector('[data-testid="stMain"]');
  const target = (main && main.querySelector("h1")) || main;
  if (!target) return;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus();
}

function jump(where) {
  const control = where === "growth" ? growthControl() : null;
  if (control) control.focus();
  else focusMain();
}

function skipLinks(links, label) {
  let nav = document.getElementById(SKIP_ID);
  if (!nav) {
    nav = document.createElement("nav");
    nav.id = SKIP_ID;
    document.body.insertBefore(nav, document.body.firstChild);
  }
  nav.setAttribute("aria-label", label);
  const wanted = JSON.stringify(links);
  if (nav.dataset.links === wanted) return;
  nav.dataset.links = wanted;
  nav.replaceChildren(
    ...links.map(({ text, target }) => {
      const a = document.createElement("a");
      a.href = "#stMain";
      a.className = "qn-skip";
      a.textContent = text;
      a.dataset.target = target;
      a.addEventListener("click", (e) => {
        e.preventDefault();
        jump(target);
      });
      return a;
    })
  );
}

function semantics(data) {
  for (const box of document.querySelectorAll('[class*="st-key-qn_verdicts"]')) {
    const row = box.querySelector(':scope > [data-testid="stHorizontalBlock"]');
    const list = row || box;
    if (list.getAttribute("role") !== "list") {
      list.setAttribute("role", "list");
      list.setAttribute("aria-label", data.verdicts);
    }
    for (const item of list.children) {
      if (item.getAttribute("role") !== "listitem") item.setAttribute("role", "listitem");
    }
  }
  // The 2030 verdict speaks when it changes: issue 21's control carries its own live region
  // (searched in the custom components only: this runs after every rerun).
  const latest = document.querySelector(".st-key-scenario_verdicts_latest");
  if (!latest) return;
  const mark = '[data-testid="qn-verdict-2030"]';
  const own =
    document.querySelector(mark) ||
    [...document.querySelectorAll(".stBidiComponent")].some((c) => deepQuery(c, mark));
  if (own) latest.removeAttribute("aria-live");
  else if (latest.getAttribute("aria-live") !== "polite") latest.setAttribute("aria-live", "polite");
}

// Streamlit's file drop zone is a focusable section with role "presentation", a contradiction.
function fixRoles() {
  for (const zone of document.querySelectorAll('[data-testid="stFileUploaderDropzone"][role="presentation"]')) {
    zone.setAttribute("role", "group");
  }
}

// A region that scrolls sideways (a wide table on a phone) must take the keyboard's focus, or
// its hidden part cannot be reached without a mouse. Checked once the page is still (and on a
// resize), not on every mutation: a slider move must not pay for a scan of the page.
function scrollables() {
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main) return;
  for (const el of main.querySelectorAll("div, table, pre, .katex-display")) {
    if (el.scrollWidth <= el.clientWidth + 1) continue;
    const s = getComputedStyle(el);
    if ((s.overflowX === "auto" || s.overflowX === "scroll") && !el.hasAttribute("tabindex")) {
      el.setAttribute("tabindex", "0");
    }
  }
}

export default function ({ data }) {
  document.documentElement.lang = data.lang;
  skipLinks(data.skip, data.skipLabel);
  semantics(data);
  fixRoles();
  const w = window;
  w.__qnA11y = data;
  if (!w.__qnA11yObserver) {
    let queued = false;
    let still = null;
    const later = () => {
      clearTimeout(still);
      still = setTimeout(scrollables, 150);
    };
    w.addEventListener("resize", () => requestAnimationFrame(() => requestAnimationFrame(scrollables)));
    w.__qnA11yObserver = new MutationObserver(() => {
      later();
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        semantics(w.__qnA11y);
        fixRoles();
        if (document.documentElement.lang !== w.__qnA11y.lang) document.documentElement.lang = w.__qnA11y.lang;
      });
    });
    w.__qnA11yObserver.observe(document.body, { childList: true, subtree: true });
  }
}
