"""Every user-facing text, in Vietnamese and English, in one place (the glossary).

Keys are stable; pages and the command line look texts up with ``i18n.t(key, lang)``.
"""

from __future__ import annotations

GLOSSARY: dict[str, dict[str, str]] = {
    # --- terms ---------------------------------------------------------------------------
    "app_title": {
        "vi": "Kinh tế số Quảng Ninh – kịch bản 2025–2030",
        "en": "Quảng Ninh digital economy – scenarios 2025–2030",
    },
    "de_share": {"vi": "Tỷ trọng kinh tế số trong GRDP", "en": "Digital-economy share of GRDP"},
    "de_share_short": {"vi": "Tỷ trọng KTS", "en": "DE share"},
    "de_share_vn": {
        "vi": "Tỷ trọng kinh tế số trong GDP cả nước (TCTK)",
        "en": "National digital-economy share of GDP (GSO)",
    },
    "grdp_growth": {"vi": "Tăng trưởng GRDP", "en": "GRDP growth"},
    "de_growth": {
        "vi": "Tăng trưởng giá trị tăng thêm kinh tế số",
        "en": "Digital-economy value-added growth",
    },
    "grdp_level": {"vi": "GRDP (nghìn tỷ đồng)", "en": "GRDP (VND trillion)"},
    "de_level": {"vi": "Giá trị kinh tế số (nghìn tỷ đồng)", "en": "Digital economy (VND trillion)"},
    "year": {"vi": "Năm", "en": "Year"},
    "target": {"vi": "Mục tiêu", "en": "Target"},
    "unit_pp": {"vi": "điểm %", "en": "pp"},
    "unit_pct_per_year": {"vi": "%/năm", "en": "%/year"},
    "unit_vnd_trn": {"vi": "nghìn tỷ đồng", "en": "VND trillion"},
    "period_1": {"vi": "đến 2025", "en": "to 2025"},
    "period_2": {"vi": "2026–2030", "en": "2026–2030"},
    # --- verdicts --------------------------------------------------------------------------
    "verdict_met": {"vi": "Đạt", "en": "Met"},
    "verdict_not_met": {"vi": "Không đạt", "en": "Not met"},
    "verdict_unknown": {"vi": "Chưa đánh giá được", "en": "Cannot be judged"},
    "basis_observed": {"vi": "theo số liệu thực tế", "en": "on observed data"},
    "basis_projected": {"vi": "theo dự báo của kịch bản", "en": "on the scenario's projection"},
    "basis_assumed": {"vi": "theo tỷ trọng năm gốc đã nhập", "en": "on the base-year share you set"},
    "basis_unavailable": {"vi": "không có số liệu", "en": "no data"},
    "required_growth": {"vi": "Tăng trưởng KTS cần thiết", "en": "Required DE growth"},
    "probability": {"vi": "Xác suất đạt", "en": "Probability of meeting it"},
    "target_in_year": {"vi": "Mục tiêu {year}: {target}", "en": "{year} target: {target}"},
    "share_in_year": {"vi": "Tỷ trọng KTS năm {year}", "en": "DE share in {year}"},
    # --- target sets -------------------------------------------------------------------------
    "target_set_article": {"vi": "Bài báo (20% / khoảng 35%)", "en": "Article (20% / about 35%)"},
    "target_set_resolution09": {
        "vi": "Nghị quyết 09-NQ/TU (20% / 30%)",
        "en": "Resolution 09-NQ/TU (20% / 30%)",
    },
    "target_set_national": {"vi": "Chiến lược quốc gia (20% / 30%)", "en": "National strategy (20% / 30%)"},
    # --- presets -------------------------------------------------------------------------------
    "preset_trend": {"vi": "Xu hướng", "en": "Trend"},
    "preset_plan": {"vi": "Đạt mục tiêu", "en": "Meet the targets"},
    "preset_cautious": {"vi": "Thận trọng", "en": "Cautious"},
    "preset_ambitious": {"vi": "Tham vọng", "en": "Ambitious"},
    # --- command-line summary ---------------------------------------------------------------------
    "cli_scenario": {"vi": "Kịch bản", "en": "Scenario"},
    "cli_base": {"vi": "Năm gốc {year}: tỷ trọng {share}", "en": "Base year {year}: share {share}"},
    "cli_rates": {
        "vi": "{period}: GRDP {gy}, kinh tế số {gd}",
        "en": "{period}: GRDP {gy}, digital economy {gd}",
    },
    "cli_verdict": {
        "vi": "{year} – mục tiêu {target}: {verdict} ({value}, {margin}; {basis})",
        "en": "{year} – target {target}: {verdict} ({value}, {margin}; {basis})",
    },
    "cli_required": {
        "vi": "   cần tăng trưởng KTS {req}/năm; xác suất đạt {prob}",
        "en": "   needs DE growth of {req}/year; probability {prob}",
    },
    "cli_path": {"vi": "Lộ trình", "en": "Path"},
    "cli_warnings": {"vi": "Lưu ý", "en": "Notes"},
}
