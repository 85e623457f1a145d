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
    "preset_plan": {"vi": "Đạt mục tiêu", "en": "Meet targets"},
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
    "page_mydata": {"vi": "Số liệu của bạn", "en": "Your data"},
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
    "unexpected_error": {
        "vi": "Đã xảy ra lỗi khi vẽ trang này. Số liệu và kịch bản của bạn vẫn được giữ nguyên; hãy thử lại hoặc quay về kịch bản mặc định.",
        "en": "Something went wrong drawing this page. Your data and scenario are kept; try again or go back to the default scenario.",
    },
    # --- trends page ------------------------------------------------------------------------------
    "trends_title": {
        "vi": "Xu hướng: ước lượng và dự báo đến 2030",
        "en": "Trends: fits and forecasts to 2030",
    },
    "trends_intro": {
        "vi": "Chọn một chuỗi số liệu và các mô hình. Mỗi mô hình được ước lượng trên số liệu thực tế (năm thiếu để trống, không nội suy) rồi được thử bằng dự báo lùi; mô hình có sai số dự báo lùi thấp nhất được chọn tự động.",
        "en": "Pick a series and the models. Each model is fitted on the observed values (missing years stay empty, never interpolated) and tested by backtesting; the model with the lowest backtest error is chosen automatically.",
    },
    "trends_pick_series": {"vi": "Chuỗi số liệu", "en": "Series"},
    "trends_pick_models": {"vi": "Mô hình", "en": "Models"},
    "trends_models_help": {
        "vi": "Tuyến tính: đường thẳng. Log-tuyến tính: tăng đều theo %. Logit: đường chữ S, chỉ cho tỷ trọng. Holt tắt dần: theo xu hướng gần đây, chậm dần; cần 5 năm liên tiếp. ARIMA: mô hình chuỗi thời gian; cần ít nhất 8 giá trị.",
        "en": "Linear: a straight line. Log-linear: constant % growth. Logit: an S-curve, for shares only. Damped Holt: follows the recent trend, slowing down; needs 5 consecutive years. ARIMA: a time-series model; needs at least 8 values.",
    },
    "trend_series_qn_grdp_growth": {
        "vi": "Quảng Ninh – tăng trưởng GRDP (%/năm)",
        "en": "Quảng Ninh – GRDP growth (%/year)",
    },
    "trend_series_vn_de_share": {
        "vi": "Cả nước – tỷ trọng kinh tế số (% GDP, TCTK)",
        "en": "Vietnam – digital-economy share (% of GDP, GSO)",
    },
    "trend_series_qn_grdp_vnd_trn": {
        "vi": "Quảng Ninh – GRDP giá hiện hành (nghìn tỷ đồng)",
        "en": "Quảng Ninh – GRDP at current prices (VND trillion)",
    },
    "trend_series_vn_de_core_share": {
        "vi": "Cả nước – kinh tế số lõi (% GDP)",
        "en": "Vietnam – core digital economy (% of GDP)",
    },
    "trend_series_vn_de_digitalised_share": {
        "vi": "Cả nước – kinh tế số hóa các ngành (% GDP)",
        "en": "Vietnam – digitalised economy (% of GDP)",
    },
    "trend_series_qn_de_share": {
        "vi": "Quảng Ninh – tỷ trọng kinh tế số (% GRDP)",
        "en": "Quảng Ninh – digital-economy share (% of GRDP)",
    },
    "trend_axis_qn_grdp_growth": {"vi": "Tăng trưởng GRDP (%/năm)", "en": "GRDP growth (%/year)"},
    "trend_axis_vn_de_share": {"vi": "% GDP", "en": "% of GDP"},
    "trend_axis_qn_grdp_vnd_trn": {"vi": "Nghìn tỷ đồng", "en": "VND trillion"},
    "trend_axis_vn_de_core_share": {"vi": "% GDP", "en": "% of GDP"},
    "trend_axis_vn_de_digitalised_share": {"vi": "% GDP", "en": "% of GDP"},
    "trend_axis_qn_de_share": {"vi": "% GRDP", "en": "% of GRDP"},
    "trend_model_linear": {"vi": "Tuyến tính", "en": "Linear"},
    "trend_model_loglinear": {
        "vi": "Log-tuyến tính (tăng đều theo %)",
        "en": "Log-linear (constant % growth)",
    },
    "trend_model_logit": {"vi": "Logit (đường chữ S)", "en": "Logit (S-curve)"},
    "trend_model_holt_damped": {"vi": "Holt tắt dần", "en": "Damped Holt"},
    "trend_model_arima": {"vi": "ARIMA", "en": "ARIMA"},
    "trend_model_linear_text": {"vi": "tuyến tính", "en": "linear"},
    "trend_model_loglinear_text": {
        "vi": "log-tuyến tính (tăng đều theo %)",
        "en": "log-linear (constant % growth)",
    },
    "trend_model_logit_text": {"vi": "logit (đường chữ S)", "en": "logit (S-curve)"},
    "trend_model_holt_damped_text": {"vi": "Holt tắt dần", "en": "damped Holt"},
    "trend_model_arima_text": {"vi": "ARIMA", "en": "ARIMA"},
    "trend_last_year": {"vi": "1 năm cuối", "en": "the last year"},
    "trend_last_years": {"vi": "{n} năm cuối", "en": "the last {n} years"},
    "trend_choice_backtest": {
        "vi": "Chọn mô hình {model} vì sai số dự báo lùi (MAE) thấp nhất: {mae} {unit} trên {folds}.",
        "en": "The {model} model is chosen because its backtest error (MAE) is the lowest: {mae} {unit} over {folds}.",
    },
    "trend_choice_backtest_most": {
        "vi": "Chọn mô hình {model} vì sai số dự báo lùi (MAE) thấp nhất trong các mô hình thử được trên {folds}: {mae} {unit}.",
        "en": "The {model} model is chosen because its backtest error (MAE) is the lowest of the models tested over {folds}: {mae} {unit}.",
    },
    "trend_choice_aicc": {
        "vi": "Chuỗi chỉ có {n} giá trị, chưa đủ để dự báo lùi: chọn mô hình {model} vì có AICc thấp nhất ({aicc}).",
        "en": "With only {n} values the series is too short to backtest: the {model} model is chosen for its lowest AICc ({aicc}).",
    },
    "trend_choice_simplest": {
        "vi": "Chuỗi chỉ có {n} giá trị, chưa đủ để dự báo lùi hay so sánh các mô hình: dùng mô hình đơn giản nhất ({model}), chỉ nên xem như minh họa.",
        "en": "With only {n} values the series is too short to backtest or compare models: the simplest one ({model}) is used, as an illustration only.",
    },
    "trend_choice_one_value": {
        "vi": "Chuỗi chỉ có 1 giá trị: không đủ để ước lượng xu hướng (cần ít nhất {need}).",
        "en": "The series has only 1 value: not enough to estimate a trend (at least {need} are needed).",
    },
    "trend_choice_too_short": {
        "vi": "Chuỗi chỉ có {n} giá trị: không đủ để ước lượng xu hướng (cần ít nhất {need}).",
        "en": "The series has only {n} values: not enough to estimate a trend (at least {need} are needed).",
    },
    "trend_choice_no_data": {"vi": "Chuỗi này không có số liệu nào.", "en": "This series has no data."},
    "trend_choice_none_selected": {
        "vi": "Chưa chọn mô hình nào: hãy chọn ít nhất một mô hình.",
        "en": "No model is selected: pick at least one.",
    },
    "trend_choice_none_fit": {
        "vi": "Không mô hình nào đã chọn ước lượng được trên {n} giá trị này; lý do ở bảng bên dưới.",
        "en": "None of the selected models can be fitted on these {n} values; the table below says why.",
    },
    "trend_status_ok": {"vi": "Dùng được", "en": "Fitted"},
    "trend_status_not_enough_data": {"vi": "Không đủ dữ liệu: {reason}", "en": "Not enough data: {reason}"},
    "trend_status_failed": {"vi": "Không ước lượng được: {reason}", "en": "Fit failed: {reason}"},
    "trend_reason_too_short": {
        "vi": "cần ít nhất {need} giá trị",
        "en": "needs at least {need} values",
    },
    "trend_reason_not_contiguous": {
        "vi": "cần {need} năm liên tiếp gần nhất, chỉ có {n}",
        "en": "needs {need} consecutive recent years, has {n}",
    },
    "trend_reason_non_positive": {
        "vi": "có giá trị bằng 0 hoặc âm",
        "en": "some values are zero or negative",
    },
    "trend_reason_not_a_share": {"vi": "chỉ dùng cho tỷ trọng (0–100%)", "en": "only for shares (0–100%)"},
    "trend_reason_optimiser_failed": {
        "vi": "thuật toán ước lượng không hội tụ",
        "en": "the estimation did not converge",
    },
    "trend_reason_non_finite": {
        "vi": "kết quả không phải số hữu hạn",
        "en": "the result was not a finite number",
    },
    "trend_col_model": {"vi": "Mô hình", "en": "Model"},
    "trend_col_chosen": {"vi": "Được chọn", "en": "Chosen"},
    "trend_col_status": {"vi": "Trạng thái", "en": "Status"},
    "trend_col_n_obs": {"vi": "Số quan sát", "en": "Observations"},
    "trend_col_aicc": {"vi": "AICc", "en": "AICc"},
    "trend_col_mae": {"vi": "MAE dự báo lùi ({unit})", "en": "Backtest MAE ({unit})"},
    "trend_col_mape": {"vi": "MAPE dự báo lùi", "en": "Backtest MAPE"},
    "trend_col_folds": {"vi": "Số năm thử", "en": "Years tested"},
    "trend_chosen_mark": {"vi": "được chọn", "en": "chosen"},
    "trend_observed": {"vi": "Thực tế", "en": "Observed"},
    "trend_forecast_mark": {"vi": "Dự báo →", "en": "Forecast →"},
    "trend_chart_title": {
        "vi": "{series}: thực tế và xu hướng đến {end}",
        "en": "{series}: observed and trend to {end}",
    },
    "trend_rate": {"vi": "{value}/năm", "en": "{value}/year"},
    "trend_basis_observed": {"vi": "số liệu thực tế", "en": "observed data"},
    "trend_basis_forecast": {
        "vi": "trung bình dự báo của mô hình {model}",
        "en": "mean of the {model} forecast",
    },
    "trend_basis_mixed": {
        "vi": "số liệu thực tế và dự báo của mô hình {model}",
        "en": "observed data and the {model} forecast",
    },
    "trend_carry_part_gy": {"vi": "{period}: {rate} ({basis})", "en": "{period}: {rate} ({basis})"},
    "trend_carry_part_gd": {"vi": "{period}: {rate}", "en": "{period}: {rate}"},
    "trend_carry_preview_gy": {
        "vi": "Nút dưới đây đặt tăng trưởng GRDP của kịch bản – {parts}. Kịch bản hiện có – {now}.",
        "en": "The button below sets the scenario's GRDP growth – {parts}. The scenario now has – {now}.",
    },
    "trend_carry_preview_gd": {
        "vi": "Theo mô hình {model}, tỷ trọng cả nước tăng {rel} so với GDP đến 2030. Giữ tăng trưởng GRDP của kịch bản ({gy}), nút dưới đây đặt tăng trưởng kinh tế số – {parts}. Kịch bản hiện có – {now}.",
        "en": "On the {model} fit the national share grows {rel} relative to GDP to 2030. Keeping the scenario's GRDP growth ({gy}), the button below sets digital-economy growth – {parts}. The scenario now has – {now}.",
    },
    "trend_carry_button_gy": {"vi": "Dùng tốc độ này cho kịch bản", "en": "Use these rates in the scenario"},
    "trend_carry_button_gd": {
        "vi": "Dùng tốc độ kinh tế số này cho kịch bản",
        "en": "Use these digital-economy rates in the scenario",
    },
    "trend_carried_gy": {
        "vi": "Đã đặt tăng trưởng GRDP của kịch bản – {parts}. Đường dẫn đã được cập nhật.",
        "en": "The scenario's GRDP growth is now – {parts}. The link has been updated.",
    },
    "trend_carried_gd": {
        "vi": "Đã đặt tăng trưởng kinh tế số của kịch bản – {parts}. Đường dẫn đã được cập nhật.",
        "en": "The scenario's digital-economy growth is now – {parts}. The link has been updated.",
    },
    "trends_no_carry": {
        "vi": "Chuỗi này để tham khảo: chỉ tăng trưởng GRDP của tỉnh và tỷ trọng kinh tế số cả nước được đưa vào kịch bản.",
        "en": "This series is for reference: only the province's GRDP growth and the national digital-economy share feed the scenario.",
    },
    "trends_backtest_header": {
        "vi": "Các mô hình và kết quả dự báo lùi",
        "en": "Models and backtest results",
    },
    "trends_backtest_note": {
        "vi": "Dự báo lùi: ước lượng mô hình trên các năm trước, dự báo năm kế tiếp và so với số thực tế, lặp lại cho 3 năm cuối. MAE: sai số tuyệt đối trung bình; MAPE: sai số tương đối trung bình. AICc: độ phù hợp có phạt độ phức tạp (thấp hơn là tốt hơn), chỉ dùng khi không dự báo lùi được.",
        "en": "Backtest: fit the model on the earlier years, forecast the next year and compare with the observed value, for each of the last 3 years. MAE: mean absolute error; MAPE: mean absolute percentage error. AICc: goodness of fit penalised for complexity (lower is better), used only when no backtest is possible.",
    },
    # --- compare page -----------------------------------------------------------------------------
    "compare_title": {"vi": "So sánh kịch bản", "en": "Compare scenarios"},
    "compare_intro": {
        "vi": "Đặt hai đến bốn kịch bản cạnh nhau: kịch bản đang xem, các kịch bản mẫu (giữ năm gốc và mục tiêu hiện tại) và các đường dẫn được dán vào.",
        "en": "Put two to four scenarios side by side: the one you are viewing, the presets (keeping the current base year and targets) and pasted links.",
    },
    "cmp_sources_header": {"vi": "Chọn các kịch bản", "en": "Choose the scenarios"},
    "cmp_include_current": {
        "vi": "Kịch bản hiện tại (theo đường dẫn)",
        "en": "The current scenario (from the link)",
    },
    "cmp_pick_presets": {"vi": "Kịch bản mẫu", "en": "Presets"},
    "cmp_pick_presets_help": {
        "vi": "Mỗi kịch bản mẫu được áp dụng trên năm gốc, tỷ trọng năm gốc và mục tiêu của kịch bản hiện tại.",
        "en": "Each preset is applied to the current scenario's base year, base share and targets.",
    },
    "cmp_links": {
        "vi": "Dán đường dẫn kịch bản, mỗi dòng một đường dẫn",
        "en": "Paste scenario links, one per line",
    },
    "cmp_links_help": {
        "vi": "Đường dẫn chia sẻ của ứng dụng này, hoặc chỉ phần sau dấu ?. Giá trị không hợp lệ được thay bằng mặc định, kèm thông báo. Tối đa 4 kịch bản được so sánh.",
        "en": "A share link from this app, or just the part after the ?. Invalid values fall back to the defaults, with a notice. At most 4 scenarios are compared.",
    },
    "cmp_links_placeholder": {"vi": "https://…/?gy2=9&gd2=20", "en": "https://…/?gy2=9&gd2=20"},
    "cmp_current": {"vi": "Kịch bản hiện tại", "en": "Current scenario"},
    "cmp_link_label": {"vi": "Đường dẫn {n}", "en": "Link {n}"},
    "cmp_link_notice": {"vi": "{label}: {message}", "en": "{label}: {message}"},
    "cmp_too_many": {
        "vi": "Có {n} kịch bản; chỉ so sánh {max} kịch bản đầu tiên (bỏ qua: {dropped}).",
        "en": "{n} scenarios were given; only the first {max} are compared (left out: {dropped}).",
    },
    "cmp_too_few": {
        "vi": "Hãy chọn ít nhất {min} kịch bản để so sánh.",
        "en": "Pick at least {min} scenarios to compare.",
    },
    "cmp_identical": {
        "vi": "«{a}» và «{b}» giống hệt nhau: hai đường trùng nhau trên biểu đồ.",
        "en": "“{a}” and “{b}” are identical: their lines overlap on the chart.",
    },
    "cmp_chart_title": {
        "vi": "Tỷ trọng kinh tế số theo từng kịch bản",
        "en": "Digital-economy share by scenario",
    },
    "cmp_target_label": {"vi": "Mục tiêu {year}: {value}", "en": "{year} target: {value}"},
    "cmp_outcomes_header": {"vi": "Kết quả", "en": "Outcomes"},
    "cmp_outcomes_note": {
        "vi": "Năm 2025 được đánh giá theo dự báo khi tỉnh chưa có số liệu thực tế. Xác suất: tỷ lệ đạt trong 10.000 mô phỏng Monte Carlo. Tăng trưởng cần thiết: mức tăng trưởng kinh tế số mỗi năm của giai đoạn để vừa đạt mục tiêu.",
        "en": "2025 is judged on the projection while the province has no observed figure. Probability: the share of 10,000 Monte Carlo runs that meet the target. Needed growth: the yearly digital-economy growth over the period that just meets the target.",
    },
    "cmp_assumptions_header": {"vi": "Giả định", "en": "Assumptions"},
    "cmp_col_assumption": {"vi": "Giả định", "en": "Assumption"},
    "cmp_col_outcome": {"vi": "Chỉ tiêu", "en": "Measure"},
    "cmp_row_base": {"vi": "Năm gốc", "en": "Base year"},
    "cmp_row_s0": {"vi": "Tỷ trọng năm gốc (% GRDP)", "en": "Base-year share (% of GRDP)"},
    "cmp_row_gy1": {"vi": "Tăng trưởng GRDP đến 2025 (%/năm)", "en": "GRDP growth to 2025 (%/year)"},
    "cmp_row_gd1": {
        "vi": "Tăng trưởng kinh tế số đến 2025 (%/năm)",
        "en": "Digital-economy growth to 2025 (%/year)",
    },
    "cmp_row_gy2": {"vi": "Tăng trưởng GRDP 2026–2030 (%/năm)", "en": "GRDP growth 2026–2030 (%/year)"},
    "cmp_row_gd2": {
        "vi": "Tăng trưởng kinh tế số 2026–2030 (%/năm)",
        "en": "Digital-economy growth 2026–2030 (%/year)",
    },
    "cmp_row_t1": {"vi": "Mục tiêu 2025 (% GRDP)", "en": "2025 target (% of GRDP)"},
    "cmp_row_t2": {"vi": "Mục tiêu 2030 (% GRDP)", "en": "2030 target (% of GRDP)"},
    "cmp_row_value": {"vi": "Tỷ trọng KTS năm {year}", "en": "DE share in {year}"},
    "cmp_row_target": {"vi": "Mục tiêu {year}", "en": "{year} target"},
    "cmp_row_verdict": {"vi": "Kết luận {year}", "en": "{year} verdict"},
    "cmp_row_margin": {"vi": "Chênh lệch so với mục tiêu {year}", "en": "Margin over the {year} target"},
    "cmp_row_required": {"vi": "Tăng trưởng KTS cần thiết cho {year}", "en": "DE growth needed for {year}"},
    "cmp_row_probability": {"vi": "Xác suất đạt mục tiêu {year}", "en": "Probability of meeting {year}"},
    # --- history page ----------------------------------------------------------------------------
    "hist_title": {
        "vi": "Số liệu lịch sử: Quảng Ninh bên cạnh cả nước",
        "en": "History: Quảng Ninh beside the national series",
    },
    "hist_intro": {
        "vi": "Chỉ năm nào có nguồn mới có số liệu; năm thiếu để trống, đường bị ngắt, không nội suy. Chấm đặc: số chính thức; chấm rỗng: ước tính hoặc sơ bộ; ô vuông cam: số liệu bạn tải lên.",
        "en": "A year has a value only when a source gives one; missing years stay empty and break the line, never interpolated. Filled marker: official figure; hollow: estimate or preliminary; orange square: data you uploaded.",
    },
    "hist_share_title": {
        "vi": "Tỷ trọng kinh tế số: Quảng Ninh và cả nước (TCTK)",
        "en": "Digital-economy share: Quảng Ninh and Vietnam (GSO)",
    },
    "hist_axis_share": {
        "vi": "% GRDP (tỉnh) / % GDP (cả nước)",
        "en": "% of GRDP (province) / % of GDP (Vietnam)",
    },
    "hist_series_qn_share": {"vi": "Quảng Ninh (% GRDP)", "en": "Quảng Ninh (% of GRDP)"},
    "hist_series_vn_share": {"vi": "Cả nước – tổng (% GDP)", "en": "Vietnam – total (% of GDP)"},
    "hist_series_vn_core": {"vi": "Cả nước – kinh tế số lõi", "en": "Vietnam – core digital sectors"},
    "hist_series_vn_digitalised": {
        "vi": "Cả nước – số hóa các ngành khác",
        "en": "Vietnam – digitalisation of other sectors",
    },
    "hist_qn_label": {"vi": "Quảng Ninh {year}: {value}", "en": "Quảng Ninh {year}: {value}"},
    "hist_legend_official": {"vi": "Chấm đặc = số chính thức", "en": "Filled = official figure"},
    "hist_legend_estimate": {"vi": "Chấm rỗng = ước tính, sơ bộ", "en": "Hollow = estimate, preliminary"},
    "hist_legend_user": {"vi": "Ô vuông cam = số liệu bạn tải lên", "en": "Orange square = your data"},
    "hist_kind_official": {"vi": "Chính thức", "en": "Official"},
    "hist_kind_estimate": {"vi": "Ước tính / sơ bộ", "en": "Estimate / preliminary"},
    "hist_kind_user": {"vi": "Bạn tải lên", "en": "Your data"},
    "hist_geo_QN": {"vi": "Quảng Ninh", "en": "Quảng Ninh"},
    "hist_geo_VN": {"vi": "Cả nước", "en": "Vietnam"},
    "hist_share_note_one": {
        "vi": "Quảng Ninh chỉ có MỘT số liệu thực tế về tỷ trọng kinh tế số: {value} năm {year}. Không có chuỗi số của tỉnh; đường cả nước chỉ là bối cảnh. Số cả nước tính theo % GDP, số của tỉnh theo % GRDP. Số của Bộ TT&TT dùng phương pháp rộng hơn, không so sánh được nên không vẽ.",
        "en": "Quảng Ninh has ONE observed digital-economy share: {value} in {year}. There is no provincial series; the national lines are context only. The national share is % of GDP, the provincial one % of GRDP. The ministry's (MIC) figures use a broader method, are not comparable and are not drawn.",
    },
    "hist_share_note_many": {
        "vi": "Quảng Ninh có {n} số liệu tỷ trọng kinh tế số ({years}). Số cả nước tính theo % GDP, số của tỉnh theo % GRDP. Số của Bộ TT&TT dùng phương pháp rộng hơn, không so sánh được nên không vẽ.",
        "en": "Quảng Ninh has {n} digital-economy share values ({years}). The national share is % of GDP, the provincial one % of GRDP. The ministry's (MIC) figures use a broader method, are not comparable and are not drawn.",
    },
    "hist_share_note_none": {
        "vi": "Dữ liệu đang dùng không có số liệu tỷ trọng kinh tế số nào của Quảng Ninh.",
        "en": "The data in use has no digital-economy share for Quảng Ninh.",
    },
    "hist_growth_header": {
        "vi": "Tăng trưởng và quy mô kinh tế của tỉnh",
        "en": "The province's growth and size",
    },
    "hist_growth_title": {
        "vi": "Tăng trưởng GRDP Quảng Ninh (%/năm, giá so sánh)",
        "en": "Quảng Ninh GRDP growth (%/year, constant prices)",
    },
    "hist_gap_note": {"vi": "{years}: không có số liệu", "en": "{years}: no data"},
    "hist_structure_title": {
        "vi": "Cơ cấu kinh tế Quảng Ninh năm {year}",
        "en": "Quảng Ninh economic structure, {year}",
    },
    "hist_other_header": {"vi": "Xem một chỉ tiêu khác", "en": "Look at another indicator"},
    "hist_pick_series": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "hist_option": {"vi": "{name} – {geo} ({n} năm)", "en": "{name} – {geo} ({n} yr)"},
    "hist_single_point": {
        "vi": "Chỉ có một số liệu (năm {year}): đây là ảnh chụp một thời điểm, không phải xu hướng.",
        "en": "A single value ({year}): a snapshot, not a trend.",
    },
    "hist_society_header": {
        "vi": "Xã hội số: hiện trạng so với mục tiêu",
        "en": "Digital society: where it stands against the targets",
    },
    "hist_society_note": {
        "vi": "Mục tiêu 2025 của bài báo gốc và mục tiêu 2030 của Nghị quyết 09-NQ/TU. Chỉ tiêu nào tỉnh chưa có số liệu thì ghi rõ “chưa có số liệu”; không ước đoán.",
        "en": "The mission article's 2025 goals and Resolution 09-NQ/TU's 2030 goals. Where the province has no figure for the indicator, it says “no data”; nothing is guessed.",
    },
    "hist_related_header": {
        "vi": "Số liệu liên quan hiện có (không phải số đo của mục tiêu)",
        "en": "Related figures that do exist (not the targets' own measures)",
    },
    "hist_related_note": {
        "vi": "Đây là các ảnh chụp một thời điểm, mỗi số có nguồn. Chúng cho thấy bối cảnh nhưng không thay thế được chỉ tiêu của mục tiêu.",
        "en": "Single snapshots, each with its source. They give context but cannot stand in for the target's own indicator.",
    },
    "hist_group_public_services": {
        "vi": "Dịch vụ công trực tuyến (tham khảo)",
        "en": "Online public services (for reference)",
    },
    "hist_no_data": {"vi": "chưa có số liệu", "en": "no data"},
    "hist_status_no_data": {
        "vi": "Chưa có số liệu – không đánh giá được",
        "en": "No data – cannot be judged",
    },
    "hist_status_no_target_year": {
        "vi": "Chưa có số liệu năm {year} – chưa đánh giá được",
        "en": "No {year} figure – cannot be judged yet",
    },
    "hist_value_in_year": {"vi": "{value} (năm {year}, {kind})", "en": "{value} ({year}, {kind})"},
    "hist_target_in": {"vi": "{value} vào năm {year}", "en": "{value} by {year}"},
    "hist_table_header": {"vi": "Toàn bộ số liệu và nguồn", "en": "Every value with its source"},
    "hist_filter": {
        "vi": "Lọc theo chỉ tiêu (để trống: xem tất cả)",
        "en": "Filter by indicator (empty: show all)",
    },
    "hist_table_note": {
        "vi": "Ghi chú lấy nguyên văn từ tệp dữ liệu (tiếng Anh). Nguồn không có đường dẫn được ghi rõ.",
        "en": "Notes are quoted from the data file. Sources without a web address say so.",
    },
    "hist_user_source": {
        "vi": "Số liệu bạn tải lên (không có nguồn công bố)",
        "en": "Your uploaded data (no published source)",
    },
    "hist_no_link": {"vi": "(không có đường dẫn)", "en": "(no web address)"},
    "hist_col_indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "hist_col_geo": {"vi": "Địa bàn", "en": "Area"},
    "hist_col_year": {"vi": "Năm", "en": "Year"},
    "hist_col_value": {"vi": "Giá trị", "en": "Value"},
    "hist_col_unit": {"vi": "Đơn vị", "en": "Unit"},
    "hist_col_kind": {"vi": "Loại số liệu", "en": "Kind"},
    "hist_col_source": {"vi": "Nguồn (tiêu đề – nơi đăng)", "en": "Source (title – publisher)"},
    "hist_col_link": {"vi": "Liên kết", "en": "Link"},
    "hist_col_note": {"vi": "Ghi chú", "en": "Note"},
    "hist_col_target": {"vi": "Mục tiêu", "en": "Target"},
    "hist_col_target_set": {"vi": "Văn bản đặt mục tiêu", "en": "Set by"},
    "hist_col_qn_value": {"vi": "Số liệu của tỉnh", "en": "Province's figure"},
    "hist_col_status": {"vi": "Tình trạng", "en": "Status"},
    "hist_col_related_to": {"vi": "Liên quan tới", "en": "Related to"},
    "hist_unit_pct": {"vi": "%", "en": "%"},
    "hist_unit_pct_gdp": {"vi": "% GDP", "en": "% of GDP"},
    "hist_unit_pct_grdp": {"vi": "% GRDP", "en": "% of GRDP"},
    "hist_unit_pct_grdp_gdp": {
        "vi": "% GRDP (tỉnh) / % GDP (cả nước)",
        "en": "% of GRDP (QN) / % of GDP (VN)",
    },
    "hist_unit_pct_markets": {"vi": "% chợ", "en": "% of markets"},
    "hist_unit_pct_shops": {"vi": "% cửa hàng", "en": "% of outlets"},
    "hist_unit_pct_firms": {"vi": "% doanh nghiệp", "en": "% of firms"},
    "hist_unit_pct_population": {"vi": "% dân số", "en": "% of population"},
    "hist_unit_pct_services": {"vi": "% dịch vụ", "en": "% of services"},
    "hist_unit_pct_transactions": {"vi": "% giao dịch", "en": "% of transactions"},
    "hist_unit_pct_dossiers": {"vi": "% hồ sơ", "en": "% of dossiers"},
    "hist_unit_pct_households": {"vi": "% hộ", "en": "% of households"},
    "hist_unit_pct_traders": {"vi": "% hộ kinh doanh", "en": "% of traders"},
    "hist_unit_pct_beneficiaries": {"vi": "% người hưởng", "en": "% of beneficiaries"},
    "hist_unit_pct_adults": {"vi": "% người trưởng thành", "en": "% of adults"},
    "hist_unit_pct_ocop": {"vi": "% sản phẩm OCOP 3 sao trở lên", "en": "% of 3-star-plus OCOP products"},
    "hist_unit_usd": {"vi": "USD", "en": "USD"},
    "hist_unit_markets": {"vi": "chợ", "en": "markets"},
    "hist_unit_firms": {"vi": "doanh nghiệp", "en": "firms"},
    "hist_unit_firms_orgs": {"vi": "doanh nghiệp, tổ chức", "en": "firms and organisations"},
    "hist_unit_services": {"vi": "dịch vụ", "en": "services"},
    "hist_unit_vnd_trn": {"vi": "nghìn tỷ đồng", "en": "VND trillion"},
    "hist_unit_products": {"vi": "sản phẩm", "en": "products"},
    "hist_unit_subs_per100": {"vi": "thuê bao/100 dân", "en": "subscriptions per 100 people"},
    "hist_unit_subs_per_person": {"vi": "thuê bao/người", "en": "subscriptions per person"},
    "hist_unit_rank": {"vi": "thứ hạng / 63 tỉnh", "en": "rank of 63 provinces"},
    "hist_unit_stations": {"vi": "trạm", "en": "stations"},
    "hist_unit_accounts": {"vi": "tài khoản", "en": "accounts"},
    "hist_unit_accounts_per_adult": {"vi": "tài khoản/người", "en": "accounts per person"},
    "hist_unit_score": {"vi": "điểm (0–1)", "en": "score (0–1)"},
    # --- method page -----------------------------------------------------------------------------
    "meth_title": {
        "vi": "Phương pháp, định nghĩa và nguồn số liệu",
        "en": "Method, definitions and sources",
    },
    "meth_intro": {
        "vi": "Cách ứng dụng tính, các khái niệm, những điều cần lưu ý và toàn bộ nguồn. Mọi con số trên trang này được tính từ dữ liệu đang dùng.",
        "en": "How the app computes, what the terms mean, what to keep in mind, and every source. Every number on this page is computed from the data in use.",
    },
    "meth_projection_header": {"vi": "Công thức dự báo tỷ trọng", "en": "How the share is projected"},
    "meth_projection_text": {
        "vi": "Mỗi năm, tỷ trọng kinh tế số thay đổi theo tỷ lệ giữa hai tốc độ tăng trưởng: giá trị tăng thêm của kinh tế số và GRDP.",
        "en": "Each year the digital-economy share moves with the ratio of two growth rates: digital-economy value added and GRDP.",
    },
    "meth_projection_vars": {
        "vi": "s: tỷ trọng kinh tế số (% GRDP); g_d: tăng trưởng kinh tế số (%/năm); g_y: tăng trưởng GRDP (%/năm), cùng loại giá. Tỷ trọng chỉ tăng khi g_d lớn hơn g_y. Giai đoạn 1: từ năm sau năm gốc đến 2025; giai đoạn 2: 2026–2030; mỗi giai đoạn một cặp tốc độ không đổi.",
        "en": "s: digital-economy share (% of GRDP); g_d: digital-economy growth (%/year); g_y: GRDP growth (%/year), on the same price basis. The share rises only when g_d exceeds g_y. Period 1 runs from the year after the base year to 2025, period 2 is 2026–2030; each period has one constant pair of rates.",
    },
    "meth_required_header": {
        "vi": "Tăng trưởng cần thiết để đạt mục tiêu",
        "en": "The growth a target requires",
    },
    "meth_required_text": {
        "vi": "Tốc độ tăng trưởng kinh tế số không đổi trong giai đoạn của mục tiêu để tỷ trọng đạt đúng mục tiêu; các giai đoạn trước giữ như kịch bản.",
        "en": "The constant digital-economy growth over the target's period that lands exactly on the target; earlier periods stay as in the scenario.",
    },
    "meth_required_vars": {
        "vi": "T: mục tiêu (% GRDP); s_start: tỷ trọng đầu giai đoạn; n: số năm từ đầu giai đoạn đến năm mục tiêu; g_y: tăng trưởng GRDP của giai đoạn (các tốc độ viết dạng thập phân, 10% = 0,10).",
        "en": "T: the target (% of GRDP); s_start: the share at the start of the period; n: years from the start of the period to the target year; g_y: the period's GRDP growth (rates as fractions, 10% = 0.10).",
    },
    "meth_required_example_2025": {
        "vi": "Kịch bản mặc định, mục tiêu {target} năm 2025: cần kinh tế số tăng khoảng {req} trong một năm.",
        "en": "Default scenario, the {target} target for 2025: digital growth of about {req} in one year.",
    },
    "meth_required_example_2030": {
        "vi": "Kịch bản mặc định, mục tiêu {target} năm 2030 ({source}): cần kinh tế số tăng khoảng {req} mỗi năm trong 2026–2030.",
        "en": "Default scenario, the {target} target for 2030 ({source}): digital growth of about {req} a year over 2026–2030.",
    },
    "meth_mc_header": {"vi": "Độ bất định: mô phỏng Monte Carlo", "en": "Uncertainty: the Monte Carlo"},
    "meth_mc_text": {
        "vi": "{n} đường mô phỏng với hạt giống cố định ({seed}), nên cùng giả định luôn cho cùng kết quả. Mỗi năm, tăng trưởng GRDP và tăng trưởng kinh tế số được rút ngẫu nhiên từ phân phối chuẩn quanh tốc độ của kịch bản, với độ lệch chuẩn s_y và s_d (mặc định {sy} và {sd} điểm %). s_y là độ biến động lịch sử của tăng trưởng GRDP tỉnh; s_d cộng thêm (căn của tổng bình phương) độ biến động hằng năm s_r của tỷ trọng cả nước. Dải 80% và 95% là các phân vị của các đường; xác suất đạt là tỷ lệ đường đạt mục tiêu.",
        "en": "{n} simulated paths with a fixed seed ({seed}), so the same assumptions always give the same result. Each year, GRDP growth and digital-economy growth are drawn from normal distributions around the scenario's rates, with spreads s_y and s_d (by default {sy} and {sd} pp). s_y is the historical volatility of the province's GRDP growth; s_d adds in quadrature the year-to-year volatility s_r of the national share. The 80% and 95% bands are quantiles of the paths; the probability of meeting a target is the share of paths that do.",
    },
    "meth_mc_independence": {
        "vi": "Đơn giản hóa: hai tốc độ được rút độc lập với nhau. Thực tế chúng thường cùng tăng cùng giảm, khi đó dải dao động của tỷ trọng sẽ hẹp hơn.",
        "en": "A simplification: the two rates are drawn independently. In practice they tend to move together, which would make the share's fan narrower.",
    },
    "meth_sensitivity_header": {"vi": "Bản đồ độ nhạy", "en": "The sensitivity map"},
    "meth_sensitivity_text": {
        "vi": "Tỷ trọng ở năm mục tiêu được tính trên lưới {n} × {n} cặp tốc độ của giai đoạn đó: tăng trưởng GRDP trong khoảng ±8 điểm % quanh kịch bản, tăng trưởng kinh tế số từ {gd_lo} đến trên mức cần thiết; giai đoạn trước giữ như kịch bản. Đường đỏ nối các cặp tốc độ đạt đúng mục tiêu; dấu X là kịch bản đang xem.",
        "en": "The target year's share is computed on a {n} × {n} grid of that period's rates: GRDP growth within ±8 pp of the scenario, digital growth from {gd_lo} to beyond what the target needs; earlier periods stay as in the scenario. The red line joins the rate pairs that land exactly on the target; the X marks the scenario in view.",
    },
    "meth_trends_header": {"vi": "Đường xu hướng", "en": "Trend fits"},
    "meth_trends_text": {
        "vi": "Mỗi chuỗi năm được khớp bằng năm mô hình dưới đây (chỉ khi đủ số điểm). Năm thiếu để trống, không nội suy. Mô hình được chọn tự động theo sai số dự báo một bước (MAE) khi kiểm tra lùi trên các năm cuối (rolling-origin backtest); hòa nhau thì theo AICc, rồi theo mô hình đơn giản hơn.",
        "en": "Each annual series is fitted with the five models below (each only when it has enough points). Missing years stay missing, never interpolated. The model is chosen automatically by its one-step-ahead error (MAE) in a rolling-origin backtest over the last years; ties go to the lower AICc, then to the simpler model.",
    },
    "meth_trends_chosen": {
        "vi": "Trên dữ liệu đang dùng: tăng trưởng GRDP của tỉnh chọn “{gy_model}”; tỷ trọng kinh tế số cả nước chọn “{share_model}”.",
        "en": "On the data in use: the province's GRDP growth picks “{gy_model}”; the national digital-economy share picks “{share_model}”.",
    },
    "meth_model_linear": {"vi": "Tuyến tính", "en": "Linear"},
    "meth_model_linear_desc": {
        "vi": "Hồi quy giá trị theo năm (tăng đều một lượng mỗi năm).",
        "en": "Least squares of the value on the year (the same amount added each year).",
    },
    "meth_model_loglinear": {"vi": "Log-tuyến tính", "en": "Log-linear"},
    "meth_model_loglinear_desc": {
        "vi": "Hồi quy log của giá trị theo năm (tăng đều một tỷ lệ % mỗi năm).",
        "en": "Least squares of the log value on the year (the same percentage growth each year).",
    },
    "meth_model_logit": {"vi": "Logit (cho tỷ trọng)", "en": "Logit (for shares)"},
    "meth_model_logit_desc": {
        "vi": "Hồi quy logit của tỷ trọng (đường chữ S, luôn nằm trong 0–100%).",
        "en": "Least squares of the logit of the share (an S-curve that stays within 0–100%).",
    },
    "meth_model_holt_damped": {"vi": "Holt tắt dần", "en": "Holt, damped"},
    "meth_model_holt_damped_desc": {
        "vi": "San mũ với xu hướng tắt dần, khớp trên đoạn năm liên tục gần nhất.",
        "en": "Exponential smoothing with a damped trend, fitted on the latest run of consecutive years.",
    },
    "meth_model_arima": {"vi": "ARIMA", "en": "ARIMA"},
    "meth_model_arima_desc": {
        "vi": "ARIMA(p, d, q), mỗi bậc p, d, q là 0 hoặc 1, chọn theo AICc; năm thiếu để trống trong hàm hợp lý.",
        "en": "ARIMA(p, d, q), each of p, d, q 0 or 1, chosen by AICc; missing years are left out of the likelihood.",
    },
    "meth_presets_header": {"vi": "Các kịch bản dựng sẵn", "en": "The preset scenarios"},
    "meth_presets_text": {
        "vi": "Tỉnh chỉ có một số liệu tỷ trọng nên xu hướng tỷ trọng lấy từ cả nước: tỷ trọng cả nước tăng khoảng {rel}/năm so với GDP theo đường xu hướng được chọn (r). Tăng trưởng kinh tế số của tỉnh khi đó là:",
        "en": "The province has a single share value, so the share's trend comes from the national series: the national share grows about {rel}/year relative to GDP on its chosen trend (r). The province's digital growth is then:",
    },
    "meth_preset_trend": {
        "vi": "GRDP: số thực tế nếu có, sau đó theo đường xu hướng tốt nhất; kinh tế số: g_d = (1 + g_y)(1 + r) − 1 (mặc định).",
        "en": "GRDP: observed where there is data, then the best trend fit; digital: g_d = (1 + g_y)(1 + r) − 1 (the default).",
    },
    "meth_preset_plan": {
        "vi": "GRDP theo xu hướng; kinh tế số vừa đủ đạt đúng hai mục tiêu đang chọn (công thức tăng trưởng cần thiết).",
        "en": "Trend GRDP; digital growth that meets both selected targets exactly (the required-growth formula).",
    },
    "meth_preset_cautious": {
        "vi": "GRDP thấp hơn xu hướng 2 điểm %; r bằng một nửa xu hướng cả nước.",
        "en": "GRDP 2 pp below trend; r half the national trend.",
    },
    "meth_preset_ambitious": {
        "vi": "GRDP cao hơn xu hướng 1 điểm %; r bằng mức chiến lược quốc gia đòi hỏi (30% GDP năm 2030 từ số cả nước mới nhất).",
        "en": "GRDP 1 pp above trend; r as the national strategy asks (30% of GDP in 2030 from the latest national share).",
    },
    "meth_definitions_header": {"vi": "Định nghĩa", "en": "Definitions"},
    "meth_def_de": {
        "vi": "Kinh tế số (theo Tổng cục Thống kê, nay là Cục Thống kê): giá trị tăng thêm của các ngành kinh tế số lõi (công nghệ thông tin – viễn thông) cộng với phần giá trị tăng thêm nhờ số hóa của các ngành kinh tế khác.",
        "en": "Digital economy (General Statistics Office, GSO): value added of the core digital sectors (ICT and telecoms) plus the value added from digitalisation in the other sectors.",
    },
    "meth_def_mic": {
        "vi": "Bộ Thông tin và Truyền thông (Bộ TT&TT) dùng phương pháp rộng hơn nên cho số cao hơn (khoảng 14–18% GDP so với 13–14% của TCTK). Hai cách tính không so sánh được với nhau; ứng dụng dùng số của TCTK.",
        "en": "The Ministry of Information and Communications (MIC) uses a broader method and gets higher numbers (about 14–18% of GDP against the GSO's 13–14%). The two are not comparable; the app uses the GSO's.",
    },
    "meth_def_grdp": {
        "vi": "GRDP: tổng sản phẩm trên địa bàn tỉnh (GDP của tỉnh). Tăng trưởng tính theo giá so sánh; quy mô tính theo giá hiện hành, đơn vị nghìn tỷ đồng.",
        "en": "GRDP: gross regional domestic product (the province's GDP). Growth is at constant prices; the level at current prices, in VND trillion.",
    },
    "meth_def_share": {
        "vi": "Tỷ trọng kinh tế số: giá trị tăng thêm của kinh tế số chia cho GRDP (tỉnh) hoặc GDP (cả nước), tính bằng %.",
        "en": "Digital-economy share: digital-economy value added divided by GRDP (province) or GDP (country), in percent.",
    },
    "meth_caveats_header": {"vi": "Những điều cần lưu ý", "en": "Caveats"},
    "meth_cav_one_share": {
        "vi": "Quảng Ninh chỉ có MỘT số liệu thực tế về tỷ trọng kinh tế số: {value} năm {year}. Không có chuỗi số của tỉnh, không có phần lõi/số hóa; mọi lộ trình của tỉnh là kịch bản, không phải xu hướng.",
        "en": "Quảng Ninh has ONE observed digital-economy share: {value} in {year}. There is no provincial series and no core/digitalised split; any provincial path is a scenario, not a trend.",
    },
    "meth_cav_many_shares": {
        "vi": "Tỷ trọng kinh tế số của tỉnh có {n} số liệu ({years}), gồm cả số bạn tải lên nếu có.",
        "en": "The provincial digital-economy share has {n} values ({years}), including any you uploaded.",
    },
    "meth_cav_proxy": {
        "vi": "Chuỗi cả nước của TCTK ({years}: từ {first} lên {last} GDP) được dùng làm đại diện cho xu hướng; tỉnh có thể đi nhanh hơn hoặc chậm hơn.",
        "en": "The national GSO series ({years}: from {first} to {last} of GDP) stands in for the trend; the province may move faster or slower.",
    },
    "meth_cav_2025_reach": {
        "vi": "Từ {value} năm {year}, mục tiêu {target} năm 2025 là ngoài tầm với: cần kinh tế số tăng khoảng {req} chỉ trong một năm (với GRDP tăng {gy}).",
        "en": "From {value} in {year}, the {target} target for 2025 was out of reach: it would take digital growth of about {req} in a single year (with GRDP growth of {gy}).",
    },
    "meth_cav_2025_data": {
        "vi": "Năm 2025 có số liệu: {value} so với mục tiêu {target} – {verdict}. Năm mục tiêu có số liệu thì được đánh giá theo số liệu.",
        "en": "2025 has data: {value} against the {target} target – {verdict}. A target year with data is judged on the data.",
    },
    "meth_cav_2030_reach": {
        "vi": "Mục tiêu {target} năm 2030 ({source}): từ tỷ trọng năm 2025 theo kịch bản mặc định ({share2025}), cần kinh tế số tăng khoảng {req} mỗi năm trong 2026–2030 (GRDP tăng {gy}/năm).",
        "en": "The {target} target for 2030 ({source}): from the default scenario's 2025 share ({share2025}), it takes digital growth of about {req} a year over 2026–2030 (GRDP growing {gy} a year).",
    },
    "meth_cav_35_vs_30": {
        "vi": "Mục tiêu 2030 là {article} theo bài báo gốc, nhưng {resolution} theo Nghị quyết 09-NQ/TU của Ban Thường vụ Tỉnh ủy (5/2/2022) và Đại hội Đảng bộ tỉnh lần thứ XVI. Ứng dụng hiển thị cả hai, kèm nguồn (bảng dưới).",
        "en": "The 2030 target is {article} in the mission article but {resolution} in Resolution 09-NQ/TU of the provincial Party Standing Committee (5 Feb 2022) and at the 16th Provincial Party Congress. The app shows both, with their sources (table below).",
    },
    "meth_cav_past": {
        "vi": "Năm 2025 đã qua. Năm mục tiêu nào có số liệu thực tế thì được đánh giá theo số liệu; chưa có thì đánh giá theo dự báo và ghi rõ như vậy.",
        "en": "2025 is already past. A target year with observed data is judged on the data; without data it is judged on the projection, and the app says so.",
    },
    "meth_cav_methods": {
        "vi": "Số của TCTK và của Bộ TT&TT đo hai thứ khác nhau; chỉ so sánh số cùng phương pháp.",
        "en": "GSO and MIC figures measure different things; compare like with like.",
    },
    "meth_cav_gdp_grdp": {
        "vi": "Tỷ trọng cả nước tính theo % GDP, tỷ trọng tỉnh theo % GRDP.",
        "en": "The national share is % of GDP; the provincial share is % of GRDP.",
    },
    "meth_cav_bounds": {
        "vi": "Một số số liệu là cận dưới (nguồn ghi “hơn X”): giá trị thật cao hơn một chút.",
        "en": "Some figures are lower bounds (the source says “over X”): the true value is somewhat higher.",
    },
    "meth_cav_estimates": {
        "vi": "Nhiều số năm 2024–2025 là ước tính, sơ bộ và có thể được điều chỉnh.",
        "en": "Many 2024–2025 figures are estimates or preliminary and may be revised.",
    },
    "meth_targets_table_caption": {
        "vi": "Mục tiêu tỷ trọng kinh tế số theo từng văn bản, kèm nguồn:",
        "en": "Digital-economy share targets by source document:",
    },
    "meth_sources_header": {"vi": "Toàn bộ nguồn", "en": "Every source"},
    "meth_sources_text": {
        "vi": "{n} nguồn. Cột cuối cho biết mỗi nguồn là căn cứ của số liệu nào. Tiêu đề trong ngoặc vuông là mô tả (không ghi lại được tiêu đề gốc).",
        "en": "{n} sources. The last column says which figures each one backs. Titles in square brackets are descriptions (the page's headline was not recorded).",
    },
    "meth_backs_target": {"vi": "mục tiêu: {name} {year}", "en": "target: {name} {year}"},
    "meth_backs_nothing": {"vi": "–", "en": "–"},
    "meth_unknown": {"vi": "không rõ", "en": "unknown"},
    "meth_version_header": {"vi": "Phiên bản dữ liệu", "en": "Data version"},
    "meth_version_text": {
        "vi": "Phiên bản dữ liệu đang dùng: {version} (đổi khi bất kỳ số liệu hay mục tiêu nào thay đổi).",
        "en": "Data version in use: {version} (it changes whenever any value or target changes).",
    },
    "meth_changelog_caption": {
        "vi": "Nhật ký thay đổi của bộ dữ liệu kèm theo (data/README.md, tiếng Anh):",
        "en": "Changelog of the shipped data (data/README.md):",
    },
    "meth_changelog_none": {"vi": "Không có nhật ký thay đổi.", "en": "No changelog found."},
    "meth_col_set": {"vi": "Văn bản", "en": "Document"},
    "meth_col_title": {"vi": "Tiêu đề", "en": "Title"},
    "meth_col_publisher": {"vi": "Nơi đăng", "en": "Publisher"},
    "meth_col_published": {"vi": "Ngày đăng", "en": "Published"},
    "meth_col_accessed": {"vi": "Ngày truy cập", "en": "Accessed"},
    "meth_col_backs": {"vi": "Là căn cứ của", "en": "Backs"},
    "meth_col_id": {"vi": "Mã nguồn", "en": "Source id"},
    "meth_col_model": {"vi": "Mô hình", "en": "Model"},
    "meth_col_how": {"vi": "Cách làm", "en": "How"},
    "meth_col_min_obs": {"vi": "Số điểm tối thiểu", "en": "Minimum points"},
    "meth_col_preset": {"vi": "Kịch bản", "en": "Preset"},
    "meth_col_rule": {"vi": "Quy tắc", "en": "Rule"},
    "meth_col_gy1": {"vi": "GRDP 2025", "en": "GRDP 2025"},
    "meth_col_gd1": {"vi": "KTS 2025", "en": "DE 2025"},
    "meth_col_gy2": {"vi": "GRDP 2026–30", "en": "GRDP 2026–30"},
    "meth_col_gd2": {"vi": "KTS 2026–30", "en": "DE 2026–30"},
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
