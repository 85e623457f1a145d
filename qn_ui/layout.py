"""How the app adapts to the screen: one style sheet, sent once per run by ``app.py``.

Streamlit lays a page out in the browser and the server never learns the screen's size, so
what depends on the width is decided here, in CSS media queries, rather than in Python:

- laptops (≥ 1024 px): less side padding, so that the scenario page's verdicts and sliders
  fit beside its chart; short screens (≤ 800 px high): a smaller page title, so the first
  screen holds the verdict, the sliders and the chart's targets;
- phones (≤ 640 px, where Streamlit stacks columns into one): the charts' type scaled down.
  Plotly draws type at fixed pixel sizes chosen for a projector; on a 360 px chart they would
  crowd the plot. The figures leave every text's place to plotly's margins and automatic year
  ticks (``qn_model/views/chart_kit.py``), so smaller type only makes room;
- every slider: the thumb's number and the range's ends hidden, because Streamlit formats them
  with printf (``11.9%`` in Vietnamese too); the label shows the value in the language's
  format instead (``qn_ui/controls.py``).

And what accessibility asks of every page (issue 22, WCAG 2.1 AA; ``tests/e2e/test_a11y.py``):

- captions and other faded text in a grey of 4.5:1 or more, opaque (Streamlit fades a caption's
  grey further with opacity: 3.9:1 on white);
- a focus ring on whatever has the keyboard's focus, whatever Streamlit draws;
- the skip links (``qn_ui/a11y.py``) out of sight until focused, charts' descriptions out of
  sight always (read by screen readers only), the component that sets them up out of the layout;
- heading levels that do not skip, at the sizes the design had: the verdicts and the sidebar's
  title are ``h2`` (after the page's one ``h1``), drawn at the size of the ``h4``/``h3`` they were;
  so is a page's lead sentence in a container keyed ``qn_lead…``; the meeting view's slide title
  is its ``h1``.

Constants only, no user text.
"""

from __future__ import annotations

from qn_model.views import palette as pal

PHONE_MAX_PX = 640  # Streamlit stacks columns below this width
FADED_TEXT = "#5A5A66"  # 6.7:1 on white, 5.9:1 on the sidebar's grey (Streamlit's: 3.9:1)
FOCUS = "#005A8C"  # the theme's primary colour (.streamlit/config.toml): 7.4:1 on white

CSS = f"""<style>
[data-testid="stMainBlockContainer"] {{ padding-top: 2.5rem; }}
[data-testid="stSliderThumbValue"], [data-testid="stSliderTickBar"] {{ display: none; }}
/* The reconnection watcher (qn_ui/reconnect.py) draws nothing in the flow: no gap for it. */
.st-key-qn_reconnect {{ position: absolute; }}
@media (min-width: 1024px) {{
  [data-testid="stMainBlockContainer"] {{ padding-left: 2.5rem; padding-right: 2.5rem; }}
}}
@media (max-height: 800px) and (min-width: {PHONE_MAX_PX + 1}px) {{
  .stMain h1 {{ font-size: 2.1rem; padding-bottom: 0.5rem; }}
}}
/* The scenario page's 2025 card under the live component: compact, as the component's verdict. */
.st-key-scenario_verdicts_earlier [data-testid="stMetric"] {{ padding: 0.5rem 0.9rem; }}
.st-key-scenario_verdicts_earlier [data-testid="stMarkdownContainer"] p {{ font-size: 0.95rem; line-height: 1.4; }}
/* After the rule above: a metric's value is a markdown paragraph too. */
.st-key-scenario_verdicts_earlier [data-testid="stMetricValue"] p {{ font-size: 2rem; line-height: 1.2; }}
@media (max-width: {PHONE_MAX_PX}px) {{
  .stMain h1 {{ font-size: 1.9rem; }}
  .js-plotly-plot .main-svg .gtitle {{ font-size: 15px !important; }}
  .js-plotly-plot .main-svg .xtick text, .js-plotly-plot .main-svg .ytick text,
  .js-plotly-plot .main-svg .g-xtitle text, .js-plotly-plot .main-svg .g-ytitle text,
  .js-plotly-plot .main-svg .textpoint text, .js-plotly-plot .main-svg .legendtext,
  .js-plotly-plot .main-svg .annotation-text, .js-plotly-plot .main-svg .colorbar text {{
    font-size: 12px !important; }}
}}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
[data-testid="stWidgetLabel"] [data-testid="stCaptionContainer"], .stTooltipIcon,
[data-testid="stMetricLabel"] [data-testid="stTooltipHoverTarget"] {{ color: {FADED_TEXT}; opacity: 1; }}
:focus-visible, [role="slider"]:focus, [data-testid="stMain"] h1:focus {{
  outline: 3px solid {FOCUS} !important; outline-offset: 2px !important; }}
.qn-skip {{ position: fixed; left: 0.5rem; top: -6rem; z-index: 1000100; background: #FFFFFF;
  color: #0B3D91; padding: 0.6rem 1rem; border: 3px solid {FOCUS}; border-radius: 0.4rem;
  font-size: 1.1rem; text-decoration: underline; }}
.qn-skip:focus {{ top: 0.5rem; }}
[data-testid="stSkipToContent"] {{ display: none; }}
[data-testid="stElementContainer"]:has(.qn-chart-desc),
[data-testid="stElementContainer"]:has(.qn-verdict-list) {{
  position: absolute !important; width: 1px !important; height: 1px !important; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; margin: -1px; padding: 0; border: 0; }}
.st-key-qn_a11y {{ display: none; }}
[class*="st-key-qn_verdicts"] h2, [class*="st-key-qn_lead"] h2 {{ font-size: 1.3rem; padding: 0.5rem 0 0.25rem; }}
[data-testid="stSidebar"] h2 {{ font-size: 1.35rem; }}
.stMain .st-key-present_title h1 {{ font-size: 2.5rem; font-weight: 700; line-height: 1.15; margin: 0;
  padding: 0; }}
</style>"""

# The meeting view's type and colours (pages/present.py), sent on that page only.
PRESENT_CSS = f"""<style>
.stMainBlockContainer {{ padding-top: 4.2rem; padding-bottom: 1rem; }}
.stMain [data-testid="stMarkdownContainer"] p, .stMain [data-testid="stMarkdownContainer"] li {{
  font-size: 1.3rem; line-height: 1.4; }}
.stMain [data-testid="stMetricValue"], .stMain [data-testid="stMetricValue"] p {{
  font-size: clamp(2.4rem, 3.1vw, 4.4rem); line-height: 1.05; font-weight: 700; }}
.stMain [data-testid="stMetricDelta"], .stMain [data-testid="stMetricDelta"] p {{ font-size: 1.5rem; }}
.stMain [data-testid="stMetricLabel"] p {{ font-size: 1.15rem; }}
.stMain button p {{ font-size: 1.25rem; }}
.stMain .st-key-present_title p {{ font-size: 2.5rem; font-weight: 700; line-height: 1.15; margin: 0; }}
.stMain .st-key-present_rates p {{ font-size: 1.3rem; color: {pal.GREY}; }}
.stMain [class*="st-key-pvword_"] p {{
  font-size: clamp(2rem, 2.4vw, 3.3rem); font-weight: 800; line-height: 1.05; margin: 0; }}
.stMain [class*="st-key-pvword_met"] p {{ color: {pal.MET}; }}
.stMain [class*="st-key-pvword_notmet"] p {{ color: {pal.NOT_MET}; }}
.stMain [class*="st-key-pvword_unknown"] p {{ color: {pal.GREY}; }}
.stMain [class*="st-key-pvtarget_"] p {{ font-size: 1.6rem; font-weight: 600; margin: 0; }}
.stMain [class*="st-key-pvrate_"] p {{
  font-size: clamp(1.6rem, 2.3vw, 2.4rem); font-weight: 700; margin: 0; white-space: nowrap; }}
.stMain [data-testid="stMetricValue"] div {{ white-space: nowrap; }}
.st-key-present_next_pagedown, .st-key-present_prev_pageup {{ display: none; }}
</style>"""
