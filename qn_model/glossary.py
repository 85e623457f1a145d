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
    # --- charts ------------------------------------------------------------------------------------
    "band_95": {"vi": "Khoảng 95%", "en": "95% band"},
    "band_80": {"vi": "Khoảng 80%", "en": "80% band"},
    "series_national": {"vi": "Cả nước (TCTK)", "en": "Vietnam (GSO)"},
    "series_projection": {"vi": "Kịch bản", "en": "Scenario"},
    "series_required": {"vi": "Lộ trình đạt mục tiêu", "en": "Path that meets the targets"},
    "series_observed": {"vi": "Quảng Ninh – thực tế", "en": "Quảng Ninh – observed"},
    "series_user": {"vi": "Quảng Ninh – số liệu bạn nhập", "en": "Quảng Ninh – your data"},
    "series_this_scenario": {"vi": "Kịch bản hiện tại", "en": "This scenario"},
    "axis_share": {"vi": "Tỷ trọng kinh tế số (% GRDP)", "en": "Digital-economy share (% of GRDP)"},
    "sensitivity_title": {
        "vi": "Tỷ trọng năm {year} theo tốc độ tăng trưởng (đường đỏ: mục tiêu {target})",
        "en": "Share in {year} by growth rates (red line: the {target} target)",
    },
    "grdp_growth_axis": {"vi": "Tăng trưởng GRDP (%/năm)", "en": "GRDP growth (%/year)"},
    "de_growth_axis": {"vi": "Tăng trưởng kinh tế số (%/năm)", "en": "Digital-economy growth (%/year)"},
    "headline_chart_title": {
        "vi": "Tỷ trọng kinh tế số Quảng Ninh: thực tế, kịch bản và mục tiêu",
        "en": "Quảng Ninh digital-economy share: observed, scenario and targets",
    },
    "target_label": {"vi": "{year}: {value} ({source})", "en": "{year}: {value} ({source})"},
    "source_article": {"vi": "bài báo", "en": "article"},
    "source_resolution09": {"vi": "NQ 09", "en": "Res. 09"},
    "source_national": {"vi": "quốc gia", "en": "national"},
    "source_custom": {"vi": "tự chọn", "en": "custom"},
    # --- headline -----------------------------------------------------------------------------------
    "headline_met": {
        "vi": "Mục tiêu {year} ({target}): ĐẠT – {value} {basis}, vượt {margin}.",
        "en": "{year} target ({target}): MET – {value} {basis}, {margin} above.",
    },
    "headline_not_met": {
        "vi": "Mục tiêu {year} ({target}): KHÔNG ĐẠT – {value} {basis}, thiếu {margin}.",
        "en": "{year} target ({target}): NOT MET – {value} {basis}, {margin} short.",
    },
    "headline_unknown": {
        "vi": "Mục tiêu {year} ({target}): chưa đánh giá được – không có số liệu.",
        "en": "{year} target ({target}): cannot be judged – no data.",
    },
    "headline_required": {
        "vi": "Để đạt cần kinh tế số tăng {req}/năm ({period}); kịch bản đang giả định {gd}/năm. Xác suất đạt: {prob}.",
        "en": "Meeting it takes digital-economy growth of {req}/year ({period}); the scenario assumes {gd}/year. Probability: {prob}.",
    },
    "headline_past_year": {
        "vi": "Năm {year} đã qua nhưng chưa có số liệu thực tế của tỉnh: đánh giá theo dự báo từ năm {base}.",
        "en": "{year} is past but the province has no observed figure yet: judged on the projection from {base}.",
    },
    # --- pages -------------------------------------------------------------------------------------
    "page_overview": {"vi": "Tổng quan", "en": "Overview"},
    "page_scenario": {"vi": "Kịch bản", "en": "Scenario"},
    "page_history": {"vi": "Số liệu lịch sử", "en": "History"},
    "page_trends": {"vi": "Xu hướng", "en": "Trends"},
    "page_compare": {"vi": "So sánh", "en": "Compare"},
    "page_method": {"vi": "Phương pháp & nguồn", "en": "Method & sources"},
    # --- controls -----------------------------------------------------------------------------------
    "controls_title": {"vi": "Giả định kịch bản", "en": "Scenario assumptions"},
    "preset_trend_help": {
        "vi": "Tăng trưởng GRDP theo số liệu và xu hướng; kinh tế số tăng nhanh hơn GRDP đúng như xu hướng tỷ trọng cả nước.",
        "en": "GRDP growth from the data and its trend; the digital economy outgrows GRDP as the national share's trend does.",
    },
    "preset_plan_help": {
        "vi": "Tăng trưởng kinh tế số vừa đủ để đạt đúng cả hai mục tiêu đang chọn.",
        "en": "Digital-economy growth just enough to meet both selected targets exactly.",
    },
    "preset_cautious_help": {
        "vi": "GRDP thấp hơn xu hướng 2 điểm %; tỷ trọng tăng bằng một nửa xu hướng cả nước.",
        "en": "GRDP 2 pp below trend; the share rises half as fast as the national trend.",
    },
    "preset_ambitious_help": {
        "vi": "GRDP cao hơn xu hướng 1 điểm %; tỷ trọng tăng nhanh như chiến lược quốc gia đòi hỏi (30% GDP năm 2030).",
        "en": "GRDP 1 pp above trend; the share rises as fast as the national strategy asks (30% of GDP in 2030).",
    },
    "target_set": {"vi": "Bộ mục tiêu", "en": "Target set"},
    "target_set_custom": {"vi": "Tự chọn", "en": "Custom"},
    "target_set_help": {
        "vi": "Bài báo gốc nêu khoảng 35% năm 2030; Nghị quyết 09-NQ/TU của Tỉnh ủy (5/2/2022) nêu 30%. Chọn bộ mục tiêu để so.",
        "en": "The source article says about 35% by 2030; the provincial Resolution 09-NQ/TU (5 Feb 2022) says 30%. Pick the set to judge against.",
    },
    "period_1_title": {"vi": "Năm 2025", "en": "Year 2025"},
    "period_2_title": {"vi": "Giai đoạn 2026–2030 (mỗi năm)", "en": "2026–2030 (each year)"},
    "grdp_growth_pct": {"vi": "Tăng trưởng GRDP (%/năm)", "en": "GRDP growth (%/year)"},
    "de_growth_pct": {"vi": "Tăng trưởng kinh tế số (%/năm)", "en": "Digital-economy growth (%/year)"},
    "help_gy": {
        "vi": "Tổng sản phẩm trên địa bàn tỉnh tăng bao nhiêu phần trăm mỗi năm. Tỉnh đạt 8,4–12% mỗi năm trong 2016–2025.",
        "en": "How much the province's gross regional domestic product grows each year. It grew 8.4–12% a year in 2016–2025.",
    },
    "help_gd": {
        "vi": "Giá trị tăng thêm do kinh tế số tạo ra (công nghệ số lõi và phần số hóa của các ngành khác) tăng bao nhiêu phần trăm mỗi năm. Tỷ trọng chỉ tăng khi con số này lớn hơn tăng trưởng GRDP.",
        "en": "How much the value added by the digital economy (core digital sectors plus the digitalised part of other sectors) grows each year. The share rises only when this exceeds GRDP growth.",
    },
    "more_assumptions": {"vi": "Năm gốc, mục tiêu, độ bất định", "en": "Base year, targets, uncertainty"},
    "base_year": {"vi": "Năm gốc", "en": "Base year"},
    "help_base": {
        "vi": "Năm cuối cùng có tỷ trọng được coi là đã biết; dự báo bắt đầu từ năm sau. Số liệu thực tế duy nhất của tỉnh là năm 2024.",
        "en": "The last year whose share is taken as known; the projection starts the year after. The province's only observed share is for 2024.",
    },
    "base_share": {"vi": "Tỷ trọng năm gốc (% GRDP)", "en": "Base-year share (% of GRDP)"},
    "help_s0": {
        "vi": "Mặc định là số liệu thực tế của năm gốc (7,1% năm 2024).",
        "en": "Defaults to the observed value in the base year (7.1% in 2024).",
    },
    "target_2025": {"vi": "Mục tiêu 2025 (% GRDP)", "en": "2025 target (% of GRDP)"},
    "target_2030": {"vi": "Mục tiêu 2030 (% GRDP)", "en": "2030 target (% of GRDP)"},
    "help_target": {"vi": "Tỷ trọng kinh tế số cần đạt.", "en": "The digital-economy share to reach."},
    "spread_gy": {"vi": "Độ dao động GRDP (điểm %)", "en": "GRDP growth spread (pp)"},
    "spread_gd": {"vi": "Độ dao động kinh tế số (điểm %)", "en": "DE growth spread (pp)"},
    "help_spread": {
        "vi": "Mức dao động hằng năm quanh tốc độ giả định, dùng cho mô phỏng Monte Carlo. Mặc định lấy từ biến động lịch sử.",
        "en": "The year-to-year spread around the assumed rate, used by the Monte Carlo. Defaults to historical volatility.",
    },
    "link_caption": {
        "vi": "Đường dẫn này mở lại đúng kịch bản đang xem:",
        "en": "This link reopens exactly this scenario:",
    },
    # --- data basis --------------------------------------------------------------------------------
    "no_data": {"vi": "không có số liệu", "en": "no data"},
    "data_basis_title": {"vi": "Kết luận dựa trên số liệu nào", "en": "What the verdicts stand on"},
    "basis_line_qn_share": {
        "vi": "Tỷ trọng KTS của tỉnh: {n} giá trị thực tế ({years}), mới nhất {latest} – {publisher}, công bố {published}.",
        "en": "Provincial DE share: {n} observed value(s) ({years}), latest {latest} – {publisher}, published {published}.",
    },
    "basis_line_vn_share": {
        "vi": "Tỷ trọng KTS cả nước (TCTK): {years}, mới nhất {latest} – {publisher}, công bố {published}.",
        "en": "National DE share (GSO): {years}, latest {latest} – {publisher}, published {published}.",
    },
    "basis_line_growth": {
        "vi": "Tăng trưởng GRDP của tỉnh: {years} (năm thiếu để trống, không nội suy), mới nhất {latest} – {publisher}, công bố {published}.",
        "en": "Provincial GRDP growth: {years} (missing years left empty, never interpolated), latest {latest} – {publisher}, published {published}.",
    },
    "basis_line_level": {
        "vi": "GRDP giá hiện hành: {years}, mới nhất {latest} nghìn tỷ đồng – {publisher}, công bố {published}.",
        "en": "GRDP at current prices: {years}, latest VND {latest} trillion – {publisher}, published {published}.",
    },
    "basis_line_version": {"vi": "Phiên bản dữ liệu: {version}.", "en": "Data version: {version}."},
    # --- tables ------------------------------------------------------------------------------------
    "col_value": {"vi": "Giá trị", "en": "Value"},
    "col_verdict": {"vi": "Kết luận", "en": "Verdict"},
    "col_margin": {"vi": "Chênh lệch (điểm %)", "en": "Margin (pp)"},
    "col_basis": {"vi": "Căn cứ", "en": "Basis"},
    # --- scenario page ------------------------------------------------------------------------------
    "scenario_title": {
        "vi": "Kịch bản: tỷ trọng kinh tế số đến 2030",
        "en": "Scenario: the digital-economy share to 2030",
    },
    "scenario_chart_note": {
        "vi": "Đường xanh đứt: kịch bản; dải xanh: khoảng 80% và 95% của 10.000 mô phỏng; đường chấm xanh lá: lộ trình vừa đủ đạt mục tiêu.",
        "en": "Blue dashed: the scenario; blue bands: 80% and 95% of 10,000 simulations; green dotted: the path that just meets the targets.",
    },
    "sensitivity_header": {
        "vi": "Độ nhạy: cần tăng trưởng bao nhiêu?",
        "en": "Sensitivity: what growth would it take?",
    },
    "sensitivity_note": {
        "vi": "Mỗi ô là tỷ trọng năm mục tiêu nếu giai đoạn đó có tốc độ tăng trưởng tương ứng. Vùng bên phải đường đỏ là đạt mục tiêu. Dấu X là kịch bản hiện tại.",
        "en": "Each cell is the target year's share if that period grew at those rates. Right of the red line, the target is met. The X marks this scenario.",
    },
    "sensitivity_past": {
        "vi": "Năm {year} không nằm sau năm gốc nên không có bản đồ độ nhạy.",
        "en": "{year} is not after the base year, so there is no sensitivity map.",
    },
    "path_header": {"vi": "Số liệu từng năm", "en": "Year by year"},
    "verdicts_header": {"vi": "Kết luận và điều kiện cần", "en": "Verdicts and what they take"},
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
