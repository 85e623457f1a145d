"""Build the shipped data files in ``data/`` from a curated, hand-checked selection.

Every value below was copied from ``/work/shared/data/quangninh_indicators.csv`` (the
research table) or from the mission article, and every choice between conflicting
values follows the research README. Nothing is interpolated: a year with no source
simply has no row.

Run from the repository root::

    .venv/bin/python scripts/build_data.py            # write data/*.csv
    .venv/bin/python scripts/build_data.py --check    # also cross-check values against the research CSV

The ``--check`` mode needs the read-only research folder (``/work/shared/data``); it
confirms that every shipped non-article row has a research row with the same source
URL, year and value, so that a typo in this file cannot slip into the shipped data.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
sys.path.insert(0, str(ROOT))

from qn_model.data.codebook import CODEBOOK_COLUMNS  # noqa: E402  (the loader's own header)

RESEARCH_CSV = Path("/work/shared/data/quangninh_indicators.csv")
ACCESSED = ""  # the research recorded no access dates: left empty ("not recorded"), never invented

# --------------------------------------------------------------------------------------
# Sources: source_id -> (title, publisher, url, published)
# Titles in brackets are descriptive: the exact headline was not recorded by the research.
# --------------------------------------------------------------------------------------
SOURCES: dict[str, tuple[str, str, str, str]] = {
    "article_mission": (
        "Quảng Ninh thần tốc trong chuyển đổi số [a copy of the mission article, whose file is headed "
        "'Quảng Ninh đạt nhiều thành tựu trong phát triển kinh tế số']",
        "tracuuquyhoach.com (press copy; byline of the article file: Trương Quốc Cường)",
        "https://tracuuquyhoach.com/tin-tuc/quang-ninh-than-toc-trong-chuyen-doi-so-50816510",
        "2024-11 (approx.)",
    ),
    "qtv_2016_growth": (
        "Quảng Ninh có tốc độ tăng trưởng kinh tế cao so với cả nước",
        "Quảng Ninh TV (QTV)",
        "http://quangninhtv.vn/channel/5986/201612/quang-ninh-co-toc-do-tang-truong-kinh-te-cao-so-voi-ca-nuoc-2530402/",
        "2016-12-22",
    ),
    "qtv_2017_growth": (
        "2017: Quảng Ninh giữ vững mức tăng trưởng 2 con số",
        "Quảng Ninh TV (QTV)",
        "http://quangninhtv.vn/channel/5986/201712/2017-quang-ninh-giu-vung-muc-tang-truong-2-con-so-2583465/",
        "2017-12-23",
    ),
    "danviet_2020_qn_growth": (
        "[Retrospective on Quảng Ninh's growth record, 2011-2019]",
        "Dân Việt",
        "https://danviet.vn/don-to-don-dai-bang-tuy-lanh-dao-dia-phuong-rot-rao-hay-i-ach-20200921071944188.htm",
        "2020-09-21",
    ),
    "vietnamplus_2020_qn_industry": (
        "Quang Ninh's industrial sector posts expansion of 11.98 percent",
        "Vietnam+ (VNA)",
        "https://en.vietnamplus.vn/quang-ninhs-industrial-sector-posts-expansion-of-1198-percent/194007.vnp",
        "2020-12-30",
    ),
    "investinqn_2021_stats": (
        "Họp báo công bố số liệu kinh tế - xã hội tỉnh năm 2021",
        "Invest in Quảng Ninh (provincial investment portal)",
        "https://investinquangninh.vn/vi/news/hop-bao-cong-bo-so-lieu-kinh-te-xa-hoi-tinh-nam-2021.html",
        "2021-12-28",
    ),
    "einpresswire_2022_qn": (
        "Quảng Ninh gained impressive economic results in 2022",
        "Viet Nam News via EIN Presswire",
        "https://www.einpresswire.com/article/605605342/qu-ng-ninh-gained-impressive-economic-results-in-2022",
        "2022-12-10",
    ),
    "sggp_2023_mongcai": (
        "PM calls for more investments in Mong Cai port in Quang Ninh",
        "SGGP News",
        "https://www.sggpnews.org.vn/pm-calls-for-more-investments-in-mong-cai-port-in-quang-ninh-post100209.html",
        "2023-02-13",
    ),
    "baohaiduong_2023_qn": (
        "Quảng Ninh lập kỳ tích 9 năm liên tiếp tăng trưởng GRDP hai con số",
        "Báo Hải Dương (from Vietnam+)",
        "https://baohaiduong.vn/quang-ninh-lap-ky-tich-9-nam-lien-tiep-tang-truong-grdp-hai-con-so-364640.html",
        "2023-11-24",
    ),
    "cafef_2024_qn_2023": (
        "[Quảng Ninh: 2023 GRDP, growth and structure from the provincial statistics office]",
        "CafeF",
        "https://cafef.vn/dia-phuong-duoc-han-quoc-de-xuat-rot-1-2-ty-usd-xay-to-hop-giai-tri-lon-nhat-chau-a-grdp-lien-tuc-tang-truong-2-chu-so-se-len-thanh-pho-truc-thuoc-tw-188240719145335802.chn",
        "2024-07-19",
    ),
    "cafef_2025_qn_2024": (
        "GRDP bình quân đầu người một tỉnh miền Bắc vượt mốc 10.000 USD",
        "CafeF",
        "https://cafef.vn/grdp-binh-quan-dau-nguoi-mot-tinh-mien-bac-vuot-moc-10000-usd-cao-hon-ba-ria-vung-tau-neu-khong-tinh-dau-khi-188250207111255042.chn",
        "2025-02-07",
    ),
    "doanhnhan_2025_yagi": (
        "Bão Yagi khiến GRDP Quảng Ninh mất chuỗi tăng trưởng hai con số từng duy trì suốt 9 năm",
        "Doanh nhân Việt Nam (doanhnhanvn.vn)",
        "https://doanhnghiepkinhdoanh.doanhnhanvn.vn/bao-yagi-khien-grdp-quang-ninh-mat-chuoi-tang-truong-hai-con-so-tung-duy-tri-suot-9-nam-42202511016638618.htm",
        "2025 (approx.)",
    ),
    "tbtc_2026_qn_2025": (
        "Quảng Ninh tăng trưởng kinh tế ấn tượng trong năm 2025",
        "Thời báo Tài chính Việt Nam",
        "https://thoibaotaichinhvietnam.vn/quang-ninh-tang-truong-kinh-te-an-tuong-trong-nam-2025-190171.html",
        "2026-01-08",
    ),
    "baomoi_2025_qn_dx": (
        "Quảng Ninh bứt phá trong hành trình chuyển đổi số toàn diện",
        "Báo Mới (news aggregator)",
        "https://baomoi.net.vn/quang-ninh-but-pha-trong-hanh-trinh-chuyen-doi-so-toan-dien-c52233573.epi",
        "2025",
    ),
    "baomoi_2025_gso_de": (
        "Kinh tế số năm 2024 góp 1,5 triệu tỷ đồng, chiếm 13,17% GDP",
        "Báo Mới (news aggregator), reporting the GSO release of 6/1/2025",
        "https://baomoi.net.vn/kinh-te-so-nam-2024-gop-1-5-trieu-ty-dong-chiem-13-17-gdp-c51176088.epi",
        "2025-01-06",
    ),
    "tbtc_2026_vn_de": (
        "Kinh tế số là động lực tăng trưởng quan trọng trong năm 2025",
        "Thời báo Tài chính Việt Nam",
        "https://thoibaotaichinhvietnam.vn/kinh-te-so-la-dong-luc-tang-truong-quan-trong-trong-nam-2025-190019.html",
        "2026-01-05",
    ),
    "diendandn_2023_mic_report": (
        "[MIC annual digital-economy report 2022]",
        "Diễn đàn Doanh nghiệp",
        "https://diendandoanhnghiep.vn/print/10091488.html",
        "2023-09-17",
    ),
    "vietnamnews_2024_mic_de": (
        "Digital economy expected to reach 18.6 per cent of Việt Nam's GDP",
        "Việt Nam News",
        "https://vietnamnews.vn/economy/1667080/digital-economy-expected-to-reach-18-6-per-cent-of-viet-nam-s-gdp.html",
        "2024-11-15",
    ),
    "vietnamnet_2025_de_policy": (
        "Kinh tế số - động lực phát triển xã hội toàn diện và bền vững",
        "VietNamNet",
        "https://vietnamnet.vn/kinh-te-so-dong-luc-phat-trien-xa-hoi-toan-dien-va-ben-vung-2446462.html",
        "2025-11-26",
    ),
    "congthuong_2024_qn_de": (
        "Tỉnh Quảng Ninh phấn đấu đến năm 2025 kinh tế số chiếm 25% GRDP",
        "Báo Công Thương",
        "https://congthuong.vn/tinh-quang-ninh-phan-dau-den-nam-2025-kinh-te-so-chiem-25-grdp-364222.html",
        "2024-10 (approx.)",
    ),
    "vov_2024_qn_cashless": (
        "Tăng tỷ lệ quét mã mua sắm, đưa nông sản lên sàn thương mại điện tử",
        "VOV",
        "https://vov.vn/kinh-te/tang-ty-le-quet-ma-mua-sam-dua-nong-san-len-san-thuong-mai-dien-tu-post1132799.vov",
        "2024-10 (approx.)",
    ),
    "chuyendoiso_2024_cho40": (
        "Mở rộng triển khai mô hình Chợ 4.0 thanh toán không dùng tiền mặt",
        "Báo Quảng Ninh (Chuyển đổi số)",
        "https://chuyendoiso.baoquangninh.vn/mo-rong-trien-khai-mo-hinh-cho-4-0-thanh-toan-khong-dung-tien-mat-3302557.html",
        "2024 (approx.)",
    ),
    "chuyendoiso_2025_dx": (
        "Động lực phát triển mới từ chuyển đổi số",
        "Báo Quảng Ninh (Chuyển đổi số)",
        "https://chuyendoiso.baoquangninh.vn/dong-luc-phat-trien-moi-tu-chuyen-doi-so-3344179.html",
        "2025-01 (approx.)",
    ),
    "chuyendoiso_2023_de": (
        "Bước tiến mới trong phát triển kinh tế số",
        "Báo Quảng Ninh (Chuyển đổi số)",
        "https://chuyendoiso.baoquangninh.vn/buoc-tien-moi-trong-phat-trien-kinh-te-so-3252615.html",
        "2023-08 (approx.)",
    ),
    "qeza_2023_cashless": (
        "Đẩy mạnh hoạt động thanh toán không dùng tiền mặt",
        "Ban Quản lý Khu kinh tế Quảng Ninh (QEZA)",
        "https://qeza.gov.vn/Day-manh-hoat-dong-thanh-toan-khong-dung-tien-mat/dta/vi/2488/",
        "2023 (approx.)",
    ),
    "investinqn_2022_de": (
        "Promoting the development of the digital economy",
        "Invest in Quảng Ninh (provincial investment portal)",
        "https://investinquangninh.vn/en/news/promoting-the-development-of-the-digital-economy.html",
        "2022-07 (approx.)",
    ),
    "vietnamnet_2026_qn_rural": (
        "Quảng Ninh thúc đẩy chuyển đổi số trong xây dựng nông thôn thông minh",
        "VietNamNet",
        "https://vietnamnet.vn/quang-ninh-thuc-day-chuyen-doi-so-trong-xay-dung-nong-thon-thong-minh-2477863.html",
        "2026-01-05",
    ),
    "vietnamvn_2024_cashless": (
        "Đa dạng giải pháp đẩy mạnh thanh toán không dùng tiền mặt",
        "Vietnam.vn",
        "https://www.vietnam.vn/en/da-dang-giai-phap-day-manh-thanh-toan-khong-dung-tien-mat",
        "2024-07 (approx.)",
    ),
    "tbtc_2025_qn_ecommerce": (
        "Quảng Ninh bứt phá với thương mại điện tử, tạo đà phát triển kinh tế số",
        "Thời báo Tài chính Việt Nam",
        "https://thoibaotaichinhvietnam.vn/quang-ninh-but-pha-voi-thuong-mai-dien-tu-tao-da-phat-trien-kinh-te-so-183555.html",
        "2025-09-19",
    ),
    "vietnamplus_2022_qn_admin": (
        "Quang Ninh works hard on digital transformation in administrative reform",
        "Vietnam+ (VNA)",
        "https://en.vietnamplus.vn/quang-ninh-works-hard-on-digital-transformation-in-administrative-reform/233404.vnp",
        "2022-06 (approx.)",
    ),
    "vietnamvn_2025_admin": (
        "Hiện đại hóa nền hành chính",
        "Vietnam.vn",
        "https://www.vietnam.vn/en/hien-dai-hoa-nen-hanh-chinh",
        "2025 (approx.)",
    ),
    "uongbi_2021_dti2020": (
        "Quảng Ninh đứng thứ 4 bảng xếp hạng chuyển đổi số năm 2020",
        "Cổng thông tin điện tử thành phố Uông Bí",
        "http://uongbi.gov.vn/quang-ninh-dung-thu-4-bang-xep-hang-chuyen-doi-so-nam-2020-p13n54951.html",
        "2021 (approx.)",
    ),
    "dti_2022_ranking": (
        "Xếp hạng DTI 2022",
        "Bộ Thông tin và Truyền thông (dti.gov.vn)",
        "https://dti.gov.vn/xep-hang-2022",
        "2023-07",
    ),
    "honggai_nq09": (
        "Những nhiệm vụ, giải pháp trọng tâm của Nghị quyết số 09-NQ/TU về chuyển đổi số toàn diện "
        "tỉnh Quảng Ninh đến năm 2025, định hướng đến năm 2030",
        "Cổng thông tin điện tử phường Hồng Gai (TP Hạ Long)",
        "http://honggai.halongcity.gov.vn/nhung-nhiem-vu-giai-phap-trong-tam-cua-nghi-quyet-so-09-nq-tu-ve-chuyen-doi-so-toan-dien-tinh-quang-ninh-den-nam-2025-dinh-huong-den-nam-2030-p13n53722.html",
        "2022 (approx.)",
    ),
    "vietnamplus_2022_nq09": (
        "Quảng Ninh đưa kinh tế số giữ vai trò chủ đạo trong tăng trưởng GRDP",
        "Vietnam+ (VNA)",
        "https://beta.vietnamplus.vn/quang-ninh-dua-kinh-te-so-giu-vai-tro-chu-dao-trong-tang-truong-grdp-post776102.amp",
        "2022-03",
    ),
    "doanhnghiephoinhap_2022_nq09": (
        "Quang Ninh province looks to become role model in digital transformation",
        "Doanh nghiệp Hội nhập (English edition)",
        "https://en.doanhnghiephoinhap.vn/quang-ninh-province-looks-to-become-role-model-in-digital-transformation.html",
        "2022-03-04",
    ),
    "dantri_2025_congress": (
        "Quảng Ninh phấn đấu thành thành phố trực thuộc Trung ương trước 2030",
        "Dân trí",
        "https://dantri.com.vn/thoi-su/quang-ninh-phan-dau-thanh-thanh-pho-truc-thuoc-trung-uong-truoc-2030-20250927102745361.htm",
        "2025-09-27",
    ),
    # ---- Peers (data/peers.csv); titles rebuilt from the page address where not recorded ----
    "baomoi_2023_mic_provinces": (
        "Hà Nội, TP.HCM không nằm trong top 5 địa phương đang dẫn đầu cả nước về tỷ trọng kinh tế số "
        "trên GRDP",
        "Báo Mới (news aggregator), reporting the Vietnam digital economy annual report 2022 (Central "
        "Economic Commission and Ministry of Information and Communications)",
        "https://baomoi.net.vn/ha-noi-tp-hcm-khong-nam-trong-top-5-dia-phuong-dang-dan-dau-ca-nuoc-ve-ty-trong-kinh-te-so-tren-grdp-c46933429.epi",
        "2023-09",
    ),
    "vietnamvn_2026_de_72bn": (
        "Kinh tế số vượt mốc 72 tỉ USD",
        "Vietnam.vn (English edition)",
        "https://www.vietnam.vn/en/kinh-te-so-vuot-moc-72-ti-usd",
        "2026-01 (approx.)",
    ),
    "vietstock_2025_hcm_de": (
        "TP.HCM: kinh tế số không chỉ 25% GRDP",
        "Vietstock",
        "https://vietstock.vn/2025/02/tphcm-kinh-te-so-khong-chi-25-grdp-1272942.htm",
        "2025-02-19",
    ),
    "baomoi_2024_hcm_de": (
        "TP.HCM nỗ lực phát triển kinh tế số đạt 25% GRDP vào năm 2025",
        "Báo Mới (news aggregator)",
        "https://baomoi.net.vn/tp-hcm-no-luc-phat-trien-kinh-te-so-dat-25-grdp-vao-nam-2025-c49634862.epi",
        "2024-07-10",
    ),
    "vietnamnews_2025_bn_target": (
        "Digital economy to contribute to 45 per cent of Bắc Ninh's GRDP",
        "Việt Nam News",
        "https://vietnamnews.vn/society/1732712/digital-economy-to-contribute-to-45-per-cent-of-bac-ninh-s-grdp.html",
        "2025-12-26",
    ),
    "vneconomy_2022_hcm_target": (
        "HCMC targets digital economy contributing 40% of GRDP by 2030",
        "VnEconomy",
        "https://vneconomy.vn/hcmc-targets-digital-economy-contributing-40-of-grdp-by-2030.htm",
        "2022-04-19",
    ),
    "dntt_2025_hp_target": (
        "Hải Phòng hướng tới mục tiêu kinh tế số chiếm 35% GRDP trong năm 2025",
        "Doanh nghiệp & Tiếp thị",
        "https://doanhnghieptiepthi.vn/hai-phong-huong-toi-muc-tieu-kinh-te-so-chiem-35-grdp-trong-nam-2025-16125050612522674.htm",
        "2025-05 (approx.)",
    ),
    "znews_2026_growth": (
        "6 địa phương tăng trưởng kinh tế trên 10% năm 2025",
        "Znews, reporting the statistics office (Cục Thống kê)",
        "https://znews.vn/6-dia-phuong-tang-truong-kinh-te-tren-10-nam-2025-post1617118.html",
        "2026-01-05",
    ),
    "soha_2026_growth": (
        "Lộ diện 5 đầu tàu kinh tế lớn nhất cả nước đóng góp hơn 50% vào tăng trưởng GDP Việt Nam năm 2025",
        "Soha",
        "https://soha.vn/lo-dien-5-dau-tau-kinh-te-lon-nhat-ca-nuoc-dong-gop-hon-50-vao-tang-truong-gdp-viet-nam-nam-2025-198260108103008126.htm",
        "2026-01-08",
    ),
    "thanhnien_2022_qd411": (
        "Phát triển kinh tế số đạt 20% GDP vào năm 2025",
        "Thanh Niên",
        "https://m.thanhnien.vn/phat-trien-kinh-te-so-dat-20-gdp-vao-nam-2025-post1445066.html",
        "2022-04 (approx.)",
    ),
}

# --------------------------------------------------------------------------------------
# Indicator rows: (indicator_id, geo, year, value, kind, source_id, note, research_id)
# research_id names the row in the research CSV the value was copied from ("notes" when
# the value is stated in research_notes.md next to the source URL, None for figures
# taken from the mission article); it is used only by --check.
# --------------------------------------------------------------------------------------
A = "article_mission"
ARTICLE_SNAPSHOT = (
    "PRESS-REPORTED: mission article (copy dated c. 2024-11); snapshot year 2024 as dated by the research."
)

# fmt: off
INDICATORS: list[tuple[str, str, int, str, str, str, str, str | None]] = [
    # ---- Macro: GRDP growth (constant prices). 2018 has no source: no row. ----
    ("grdp_growth", "QN", 2016, "10.1", "estimate", "qtv_2016_growth",
     "Year-end estimate at 2010 constant prices, published before the year closed.", "grdp_growth"),
    ("grdp_growth", "QN", 2017, "10.2", "estimate", "qtv_2017_growth",
     "Year-end estimate reported by provincial TV.", "grdp_growth"),
    ("grdp_growth", "QN", 2019, "12.01", "official", "danviet_2020_qn_growth",
     "Reported in 2020 as the fastest growth in a decade.", "grdp_growth"),
    ("grdp_growth", "QN", 2020, "10.05", "estimate", "vietnamplus_2020_qn_industry",
     "Provincial statistics office estimate of late December 2020.", "grdp_growth"),
    ("grdp_growth", "QN", 2021, "10.28", "estimate", "investinqn_2021_stats",
     "Year-end statistics briefing; a later soha.vn article prints 10.285 (consistent).", "grdp_growth"),
    ("grdp_growth", "QN", 2022, "10.28", "estimate", "einpresswire_2022_qn",
     "Stated at the December 2022 People's Council session.", "grdp_growth"),
    ("grdp_growth", "QN", 2023, "11.03", "estimate", "cafef_2024_qn_2023",
     "Provincial Statistics Office figure, stated as an estimate ('ước đạt 11,03%'); english.baoquangninh.vn "
     "gave 11.03 as a November 2023 estimate too. CONFLICT: the November 2023 estimate was 11.02 (VTV, "
     "Vietnam+); the later 11.03 is kept.", "grdp_growth"),
    ("grdp_growth", "QN", 2024, "8.42", "estimate", "cafef_2025_qn_2024",
     "Preliminary figure; Typhoon Yagi hit farming and fisheries and ended the double-digit run.",
     "grdp_growth"),
    ("grdp_growth", "QN", 2025, "11.89", "estimate", "tbtc_2026_qn_2025",
     "Year-end estimate from the provincial statistics briefing of 7 January 2026.", "grdp_growth"),
    # ---- Macro: GRDP at current prices, VND trillion ----
    ("grdp_vnd_trn", "QN", 2020, "220", "estimate", "vietnamplus_2020_qn_industry",
     "Year-end estimate, rounded by the source.", "grdp_current"),
    ("grdp_vnd_trn", "QN", 2022, "269", "estimate", "sggp_2023_mongcai",
     "APPROXIMATE: source says about VND 269,000 billion.", "grdp_current"),
    ("grdp_vnd_trn", "QN", 2023, "315.8", "official", "cafef_2024_qn_2023",
     "Provincial Statistics Office. CONFLICT: the November 2023 estimate said 'over 312'; the later "
     "official figure is kept.", "grdp_current"),
    ("grdp_vnd_trn", "QN", 2024, "347.5", "estimate", "doanhnhan_2025_yagi",
     "Other outlets round to 347 or 'nearly 350'.", "grdp_current"),
    ("grdp_vnd_trn", "QN", 2025, "368.445", "estimate", "tbtc_2026_qn_2025",
     "Year-end estimate (January 2026). CONFLICT: a September 2025 projection said 395 (Vietnam+); the "
     "later estimate is kept.", "grdp_current"),
    # ---- Macro: GRDP per capita, USD ----
    ("grdp_pc_usd", "QN", 2022, "8200", "estimate", "sggp_2023_mongcai",
     "LOWER BOUND: source says 'over USD 8,200'.", "grdp_pc_usd"),
    ("grdp_pc_usd", "QN", 2023, "9400", "estimate", "baohaiduong_2023_qn",
     "LOWER BOUND: source says 'over USD 9,400' (November 2023 estimate).", "grdp_pc_usd"),
    ("grdp_pc_usd", "QN", 2024, "10272", "estimate", "cafef_2025_qn_2024",
     "Up 7.7% on 2023 according to the source.", "grdp_pc_usd"),
    ("grdp_pc_usd", "QN", 2025, "10402", "estimate", "tbtc_2026_qn_2025",
     "Year-end estimate. CONFLICT: a September 2025 projection said 'over USD 11,000'; the later estimate "
     "is kept.", "grdp_pc_usd"),
    # ---- Structure of GRDP, 2024 (the only year with the full four-way split) ----
    ("share_agri", "QN", 2024, "4.5", "estimate", "doanhnhan_2025_yagi",
     "Part of the 2024 split 4.5 / 50.8 / 33.4 / 11.3 (sums to 100).", "share_agri"),
    ("share_indcon", "QN", 2024, "50.8", "estimate", "doanhnhan_2025_yagi",
     "Part of the 2024 split 4.5 / 50.8 / 33.4 / 11.3 (sums to 100).", "share_indcon"),
    ("share_services", "QN", 2024, "33.4", "estimate", "doanhnhan_2025_yagi",
     "Part of the 2024 split 4.5 / 50.8 / 33.4 / 11.3. Older services shares (2010-2020) use another basis "
     "and are not shipped.", "share_services"),
    ("share_taxes", "QN", 2024, "11.3", "estimate", "doanhnhan_2025_yagi",
     "Product taxes less subsidies; part of the 2024 split (sums to 100).", "share_taxes"),
    # ---- Digital economy share ----
    ("de_share", "QN", 2024, "7.1", "press", "baomoi_2025_qn_dx",
     "PRESS-REPORTED, compiler not named: a news aggregator says 'theo thống kê' (according to statistics) "
     "without naming who compiled it. The ONLY observed provincial value: no earlier year, no 2025 value and "
     "no breakdown were found.", "de_share_grdp_qn"),
    ("de_share", "VN", 2020, "12.66", "official", "baomoi_2025_gso_de",
     "GSO release of 6 January 2025 (revised series); the first release (29 December 2023) gave the same "
     "value.", "notes"),
    ("de_share", "VN", 2021, "12.87", "official", "baomoi_2025_gso_de",
     "GSO release of 6 January 2025; the first release (29 December 2023) gave the same value (one copy "
     "prints 12.88).", "notes"),
    ("de_share", "VN", 2022, "12.83", "official", "baomoi_2025_gso_de",
     "GSO release of 6 January 2025 (revision). EARLIER VINTAGE: the first release (29 December 2023) gave "
     "12.63; the 2023 pilots 12.67 and 12.86.",
     "de_share_gdp_vn_gso"),
    ("de_share", "VN", 2023, "12.87", "official", "baomoi_2025_gso_de",
     "GSO release of 6 January 2025 (revision). EARLIER VINTAGE: the first release (29 December 2023) "
     "estimated 12.33.", "de_share_gdp_vn_gso"),
    ("de_share", "VN", 2024, "13.17", "estimate", "baomoi_2025_gso_de",
     "GSO release of 6 January 2025, preliminary figure; about VND 1.5 quadrillion of value added.", "de_share_gdp_vn_gso"),
    ("de_share", "VN", 2025, "14.02", "estimate", "tbtc_2026_vn_de",
     "GSO release of January 2026 (estimate): core 8.42 + digitalisation 5.6.", "de_share_gdp_vn_gso"),
    ("de_core_share", "VN", 2025, "8.42", "estimate", "tbtc_2026_vn_de",
     "Core digital sectors, GSO estimate. Other years exist only as period averages or superseded first-"
     "release figures and are not shipped.", "de_core_share_gdp_vn_gso"),
    ("de_digitalised_share", "VN", 2020, "4.75", "official", "baomoi_2025_gso_de",
     "Digitalisation of the other sectors, GSO January 2025 release.", "de_digitalised_share_gdp_vn_gso"),
    ("de_digitalised_share", "VN", 2024, "5.01", "estimate", "baomoi_2025_gso_de",
     "GSO January 2025 release (preliminary year).", "de_digitalised_share_gdp_vn_gso"),
    ("de_digitalised_share", "VN", 2025, "5.6", "estimate", "tbtc_2026_vn_de",
     "GSO estimate of January 2026.", "de_digitalised_share_gdp_vn_gso"),
    ("de_share_mic", "VN", 2021, "11.91", "estimate", "diendandn_2023_mic_report",
     "DIFFERENT METHOD: ministry (MIC) estimate, broader than GSO; do not compare with de_share.",
     "de_share_gdp_vn_mic"),
    ("de_share_mic", "VN", 2022, "14.26", "estimate", "diendandn_2023_mic_report",
     "DIFFERENT METHOD: ministry (MIC) estimate, broader than GSO; do not compare with de_share.",
     "de_share_gdp_vn_mic"),
    ("de_share_mic", "VN", 2023, "16.5", "estimate", "vietnamnews_2024_mic_de",
     "DIFFERENT METHOD: ministry (MIC) estimate, broader than GSO; do not compare with de_share.",
     "de_share_gdp_vn_mic"),
    ("de_share_policy", "VN", 2024, "18.3", "estimate", "vietnamnet_2025_de_policy",
     "DIFFERENT METHOD: the source calls it a policy estimate and contrasts it with GSO's 13.17; it does not "
     "say who made it or by which method. The ministry projected 18.6 in November 2024 (de_share_mic is "
     "kept to the ministry's own figures).", "de_share_gdp_vn_mic"),
    # ---- Digital society snapshots from the mission article (snapshot year 2024) ----
    ("mobile_coverage_pct", "QN", 2024, "100", "press", A,
     ARTICLE_SNAPSHOT + " Population covered by mobile networks.", None),
    ("coverage_4g_pct", "QN", 2024, "99.8", "press", A,
     ARTICLE_SNAPSHOT + " 4G or better; diendandoanhnghiep.vn (Nov 2024) gives the same. CONFLICT: other "
     "2024 sources say 99.96 and 100.", None),
    ("mobile_subs_per_person", "QN", 2024, "1.3", "press", A,
     ARTICLE_SNAPSHOT + " Same figure in diendandoanhnghiep.vn (Nov 2024).", None),
    ("personal_payment_accounts", "QN", 2024, "3400000", "press", A,
     ARTICLE_SNAPSHOT + " LOWER BOUND ('over 3.4 million'); VOV and Công Thương give the same for September"
     " 2024.", None),
    ("business_payment_accounts", "QN", 2024, "60000", "press", A,
     ARTICLE_SNAPSHOT + " LOWER BOUND ('over 60,000'); Công Thương (Oct 2024) says nearly 62,000.", None),
    ("ewallet_accounts", "QN", 2024, "802000", "press", A,
     ARTICLE_SNAPSHOT + " APPROXIMATE ('nearly 802,000'); e-wallet accounts verified by the owner's phone "
     "number (Mobile Money).", None),
    ("iz_firms_digital_platform_pct", "QN", 2024, "60", "press", A,
     ARTICLE_SNAPSHOT + " Firms in industrial and export-processing zones; also in diendandoanhnghiep.vn "
     "('about 60%').", None),
    ("public_services_online_pct", "QN", 2024, "98.5", "press", A,
     ARTICLE_SNAPSHOT + " LOWER BOUND ('over 98.5%'). Share of public services offered online, not share of"
     " dossiers.", None),
    ("firms_einvoice_pct", "QN", 2024, "100", "press", A,
     ARTICLE_SNAPSHOT + " All enterprises use e-invoices.", None),
    ("utility_firms_econtract_pct", "QN", 2024, "100", "press", A,
     ARTICLE_SNAPSHOT + " Electricity, water and telecom firms.", None),
    ("petrol_retail_cashless_pct", "QN", 2024, "100", "press", A,
     ARTICLE_SNAPSHOT + " Outlets offering at least one cashless method.", None),
    ("central_markets_cashless_pct", "QN", 2024, "100", "press", A,
     ARTICLE_SNAPSHOT + " Central markets of every district, town and city.", None),
    # ---- Digital society snapshots from other sources ----
    ("admin_fees_cashless_pct", "QN", 2024, "100", "official", "chuyendoiso_2025_dx",
     "Administrative-procedure fees at public service centres; the mission article says the same.",
     "admin_fees_cashless_pct"),
    ("active_personal_accounts", "QN", 2024, "2500000", "official", "congthuong_2024_qn_de",
     "LOWER BOUND ('over 2.5 million'), September 2024.", "active_personal_accounts"),
    ("active_accounts_per_adult", "QN", 2024, "2.5", "official", "vov_2024_qn_cashless",
     "Active accounts per resident aged 15 or over, September 2024.", "active_accounts_per_adult"),
    ("ekyc_accounts", "QN", 2024, "595000", "official", "congthuong_2024_qn_de",
     "LOWER BOUND; accounts opened with electronic identity checks, September 2024.", "ekyc_accounts"),
    ("market_traders_cashless_pct", "QN", 2024, "83", "official", "chuyendoiso_2024_cho40",
     "Average share of market household businesses accepting cashless payment (Cẩm Phả central market "
     "89.58, Móng Cái central market 100).", "market_hh_cashless_pct"),
    ("cashless_markets_count", "QN", 2024, "43", "official", "chuyendoiso_2024_cho40",
     "DERIVED SUM of the source's 19 class-I, 11 class-II and 13 class-III 'Market 4.0' markets.",
     "markets_40_count"),
    ("pension_card_payment_pct", "QN", 2023, "47.5", "official", "qeza_2023_cashless",
     "68,478 of 144,173 pension and insurance beneficiaries paid through a bank card.",
     "pension_via_atm_pct"),
    ("einvoice_firms_count", "QN", 2022, "9327", "official", "investinqn_2022_de",
     "Firms and organisations registered for e-invoices (all eligible units).", "firms_einvoice_count"),
    ("ocop_ecommerce_products", "QN", 2022, "177", "official", "investinqn_2022_de",
     "177 of 267 three-star-plus OCOP products on Postmart/Voso, first half of 2022.", "ocop_on_ecommerce"),
    ("ocop_ecommerce_products", "QN", 2023, "198", "official", "chuyendoiso_2023_de",
     "198 of 336 products on the provincial OCOP platform (different platform from 2022).",
     "ocop_on_ecommerce"),
    ("ocop_ecommerce_pct", "QN", 2024, "70", "official", "congthuong_2024_qn_de",
     "Share of three-star-plus OCOP products promoted or sold on major platforms, September 2024.",
     "ocop_on_ecommerce"),
    ("coverage_4g_households_pct", "QN", 2025, "100", "official", "vietnamnet_2026_qn_rural",
     "Households covered by 4G.", "coverage_4g_households"),
    ("broadband_households_covered_pct", "QN", 2025, "100", "official", "baomoi_2025_qn_dx",
     "Households within reach of broadband, end of Q1 2025.", "broadband_households_covered"),
    ("mobile_broadband_subs_per100", "QN", 2024, "106.7", "official", "vietnamvn_2024_cashless",
     "As of June 2024.", "mobile_bb_subs_per100"),
    ("fibre_households_pct", "QN", 2024, "95.2", "official", "vietnamvn_2024_cashless",
     "As of June 2024.", "fibre_households_pct"),
    ("fibre_households_pct", "QN", 2025, "98", "official", "vietnamnet_2026_qn_rural",
     "APPROXIMATE ('nearly 98%').", "fibre_households_pct"),
    ("smartphone_users_pct", "QN", 2025, "94", "official", "vietnamnet_2026_qn_rural",
     "Share of the population using smartphones.", "smartphone_users_pct"),
    ("bts_4g_count", "QN", 2024, "3232", "official", "tbtc_2025_qn_ecommerce",
     "4G base stations at end-2024.", "bts_4g"),
    ("bts_5g_count", "QN", 2024, "165", "official", "tbtc_2025_qn_ecommerce",
     "5G base stations at end-2024; a January 2026 article says about 150 (different counting).", "bts_5g"),
    ("online_dossiers_pct", "QN", 2022, "62", "official", "vietnamplus_2022_qn_admin",
     "Administrative dossiers received and processed online, around mid-2022.", "online_dossiers_pct"),
    ("online_dossiers_pct", "QN", 2025, "98.4", "official", "vietnamvn_2025_admin",
     "Average share of applications handled online, after the 2025 administrative merger.",
     "online_dossiers_pct"),
    ("dossier_digitisation_pct", "QN", 2024, "99.1", "official", "chuyendoiso_2025_dx",
     "Provincial level (57,877 dossiers); district 99.3, commune 98.3.", "dossier_digitisation_pct"),
    ("online_services_level4_count", "QN", 2022, "1712", "official", "vietnamplus_2022_qn_admin",
     "Full (level-4) online public services, out of 1,832 procedures.", "level4_online_services"),
    # ---- Rankings (DTI, ministry index of provinces) ----
    ("dti_rank", "QN", 2020, "4", "official", "uongbi_2021_dti2020",
     "Rank of 63 provinces, first DTI edition.", "dti_rank"),
    ("dti_rank", "QN", 2022, "3", "official", "dti_2022_ranking",
     "Rank of 63 provinces. 2021 (derived) and 2023 (inferred) ranks are not shipped.", "dti_rank"),
    ("dti_score", "QN", 2020, "0.3897", "official", "uongbi_2021_dti2020",
     "Index 0-1; national provincial average 0.3026.", "dti_score"),
    ("dti_score", "QN", 2022, "0.7024", "official", "dti_2022_ranking", "Index 0-1.", "dti_score"),
]

# --------------------------------------------------------------------------------------
# Targets: (indicator_id, geo, year, value, target_set, source_id, note, research_id)
# --------------------------------------------------------------------------------------
TARGETS: list[tuple[str, str, int, str, str, str, str, str | None]] = [
    ("de_share", "QN", 2025, "20", "article", A,
     "STATED IN THE ARTICLE: at least 20% of GRDP by 2025 (Resolution 09-NQ/TU says the same).", None),
    ("de_share", "QN", 2030, "35", "article", A,
     "STATED IN THE ARTICLE: about 35% of GRDP by 2030. Only the mission article gives 35; Resolution "
     "09-NQ/TU and the 16th Provincial Party Congress say 30.", None),
    ("online_shoppers_pct", "QN", 2025, "55", "article", A,
     "STATED IN THE ARTICLE, not found in a provincial resolution: share of the population shopping online "
     "by 2025 (the national Decision 645/QĐ-TTg also says 55).", None),
    ("cashless_pct", "QN", 2025, "50", "article", A,
     "STATED IN THE ARTICLE, not found in a provincial resolution: share of businesses, households and "
     "individuals paying without cash by 2025.", None),
    ("firms_online_orders_pct", "QN", 2025, "80", "article", A,
     "STATED IN THE ARTICLE, not found in a provincial resolution: share of enterprises with a website or "
     "taking orders by electronic means by 2025.", None),
    ("einvoice_web_purchases_pct", "QN", 2025, "90", "article", A,
     "STATED IN THE ARTICLE, not found in a provincial resolution: share of website purchases with an "
     "e-invoice by 2025 (the national Decision 645/QĐ-TTg says 70).", None),
    ("de_share", "QN", 2025, "20", "resolution09", "honggai_nq09",
     "Resolution 09-NQ/TU of 5/2/2022 on comprehensive digital transformation.", "de_share_grdp_qn_target"),
    ("de_share", "QN", 2030, "30", "resolution09", "dantri_2025_congress",
     "Resolution of the 16th Provincial Party Congress (September 2025, term 2025-2030); first set by "
     "Resolution 09-NQ/TU of 5/2/2022 (source: honggai.halongcity.gov.vn).", "de_share_grdp_qn_target"),
    ("adult_epayment_account_pct", "QN", 2030, "99", "resolution09", "vietnamplus_2022_nq09",
     "Adults with an electronic payment account by 2030 (Resolution 09-NQ/TU).",
     "qn_target_adult_epayment_account"),
    ("digital_firms_count", "QN", 2030, "500", "resolution09", "doanhnghiephoinhap_2022_nq09",
     "LOWER BOUND: at least 500 digital-technology businesses by 2030 (Resolution 09-NQ/TU).",
     "qn_target_digital_firms"),
    ("de_share", "VN", 2025, "20", "national", "thanhnien_2022_qd411",
     "Decision 411/QĐ-TTg (31/3/2022); first set by Resolution 52-NQ/TW (27/9/2019) as about 20%.",
     "de_share_gdp_vn_target"),
    ("de_share", "VN", 2030, "30", "national", "thanhnien_2022_qd411",
     "Decision 411/QĐ-TTg; Resolution 52-NQ/TW says over 30% and Resolution 57-NQ/TW (2024) at least 30%.",
     "de_share_gdp_vn_target"),
]

# fmt: on

TARGET_SET_ORDER = ["article", "resolution09", "national"]

# --------------------------------------------------------------------------------------
# Peers: (geo, name_vi, name_en, year, value, kind, method, source_id, note)
# Copied from /work/shared/data/peers_research.csv (checked by --check). Rows whose `checked`
# column asks for a recheck that the research files cannot settle are left out (data/README.md
# names them). geo codes name the province as its source does: pre-2025 boundaries in the
# ministry's 2022 report, merged provinces in the GSO 2021-2025 figures.
# --------------------------------------------------------------------------------------
MIC22 = "baomoi_2023_mic_provinces"
MIC22_NOTE = (
    "Vietnam digital economy annual report 2022 (Central Economic Commission and the ministry, "
    "MIC method); pre-2025 province boundaries."
)
GSO2125 = "vietnamvn_2026_de_72bn"
GSO2125_NOTE = (
    "GSO figure reported in a paragraph on 2021-2025: the source does not say whether it is the "
    "2025 value or the period average; post-merger provinces."
)
GROWTH_NOTE = (
    "GSO (Cục Thống kê) 2025 GRDP growth estimates of the 34 provinces, which ranged "
    "5.84-11.89%; the six fastest."
)
PEERS: list[tuple[str, str, str, str, str, str, str, str, str]] = [
    (
        "BN",
        "Bắc Ninh",
        "Bắc Ninh",
        "2022",
        "56.83",
        "de_share",
        "mic_annual_report_2022",
        MIC22,
        MIC22_NOTE + " Highest in the country in that report.",
    ),
    (
        "TNg",
        "Thái Nguyên",
        "Thái Nguyên",
        "2022",
        "42.92",
        "de_share",
        "mic_annual_report_2022",
        MIC22,
        MIC22_NOTE,
    ),
    (
        "BG",
        "Bắc Giang",
        "Bắc Giang",
        "2022",
        "42.13",
        "de_share",
        "mic_annual_report_2022",
        MIC22,
        MIC22_NOTE + " Merged into Bắc Ninh in 2025.",
    ),
    (
        "HP",
        "Hải Phòng",
        "Hải Phòng",
        "2022",
        "29.48",
        "de_share",
        "mic_annual_report_2022",
        MIC22,
        MIC22_NOTE,
    ),
    (
        "VP",
        "Vĩnh Phúc",
        "Vĩnh Phúc",
        "2022",
        "22.87",
        "de_share",
        "mic_annual_report_2022",
        MIC22,
        MIC22_NOTE + " Merged into Phú Thọ in 2025.",
    ),
    ("DN", "Đà Nẵng", "Đà Nẵng", "2022", "19.76", "de_share", "mic_annual_report_2022", MIC22, MIC22_NOTE),
    (
        "HCM",
        "TP. Hồ Chí Minh",
        "Hồ Chí Minh City",
        "2022",
        "18.66",
        "de_share",
        "mic_annual_report_2022",
        MIC22,
        MIC22_NOTE + " CONFLICT: other texts give 18.86 for the city by the ministry's method (a PTIT "
        "measurement); the report's 18.66 is kept.",
    ),
    ("HN", "Hà Nội", "Hà Nội", "2022", "17.15", "de_share", "mic_annual_report_2022", MIC22, MIC22_NOTE),
    (
        "TNi",
        "Tây Ninh",
        "Tây Ninh",
        "2022",
        "5.78",
        "de_share",
        "mic_annual_report_2022",
        MIC22,
        MIC22_NOTE + " Among the five lowest.",
    ),
    (
        "TG",
        "Tiền Giang",
        "Tiền Giang",
        "2022",
        "5.73",
        "de_share",
        "mic_annual_report_2022",
        MIC22,
        MIC22_NOTE + " Among the five lowest.",
    ),
    (
        "BT",
        "Bình Thuận",
        "Bình Thuận",
        "2022",
        "5.16",
        "de_share",
        "mic_annual_report_2022",
        MIC22,
        MIC22_NOTE + " Among the five lowest.",
    ),
    (
        "BL",
        "Bạc Liêu",
        "Bạc Liêu",
        "2022",
        "4.87",
        "de_share",
        "mic_annual_report_2022",
        MIC22,
        MIC22_NOTE + " Among the five lowest.",
    ),
    (
        "QNg",
        "Quảng Ngãi",
        "Quảng Ngãi",
        "2022",
        "4.21",
        "de_share",
        "mic_annual_report_2022",
        MIC22,
        MIC22_NOTE + " The lowest.",
    ),
    (
        "VN",
        "Cả nước",
        "Vietnam",
        "2022",
        "14.26",
        "de_share",
        "mic_annual_report_2022",
        MIC22,
        "National figure of the same report (2021: 11.91). DIFFERENT METHOD from GSO, whose 2022 figure is "
        "12.63-12.83 by release.",
    ),
    (
        "BN",
        "Bắc Ninh",
        "Bắc Ninh",
        "2021-2025",
        "46.30",
        "de_share",
        "gso_reported_2021_2025",
        GSO2125,
        GSO2125_NOTE + " Includes the former Bắc Giang.",
    ),
    (
        "TNg",
        "Thái Nguyên",
        "Thái Nguyên",
        "2021-2025",
        "29.53",
        "de_share",
        "gso_reported_2021_2025",
        GSO2125,
        GSO2125_NOTE,
    ),
    (
        "PT",
        "Phú Thọ",
        "Phú Thọ",
        "2021-2025",
        "22.71",
        "de_share",
        "gso_reported_2021_2025",
        GSO2125,
        GSO2125_NOTE + " Includes the former Vĩnh Phúc.",
    ),
    (
        "HP",
        "Hải Phòng",
        "Hải Phòng",
        "2021-2025",
        "22.28",
        "de_share",
        "gso_reported_2021_2025",
        GSO2125,
        GSO2125_NOTE,
    ),
    (
        "HN",
        "Hà Nội",
        "Hà Nội",
        "2021-2025",
        "17.34",
        "de_share",
        "gso_reported_2021_2025",
        GSO2125,
        GSO2125_NOTE
        + " Another page of the same site reportedly calls it the 2025 estimate (not confirmed).",
    ),
    (
        "HCM",
        "TP. Hồ Chí Minh",
        "Hồ Chí Minh City",
        "2021-2025",
        "13.43",
        "de_share",
        "gso_reported_2021_2025",
        GSO2125,
        GSO2125_NOTE,
    ),
    (
        "VN",
        "Cả nước",
        "Vietnam",
        "2021-2025",
        "13.2",
        "de_share",
        "gso_reported_2021_2025",
        GSO2125,
        "National 2021-2025 average in the same article (core 8.13 + digitalisation 5.05); 2025 alone was "
        "14.02.",
    ),
    (
        "HCM",
        "TP. Hồ Chí Minh",
        "Hồ Chí Minh City",
        "2021",
        "13.84",
        "de_share",
        "gso",
        "vietstock_2025_hcm_de",
        "GSO method; confirmed by a second text (a copy of a 2024 city conference report). The 2020 (12.61 or "
        "12.62) and 2023 (14.65) values await a recheck and are not shipped.",
    ),
    (
        "HCM",
        "TP. Hồ Chí Minh",
        "Hồ Chí Minh City",
        "2022",
        "13.51",
        "de_share",
        "gso",
        "vietstock_2025_hcm_de",
        "GSO method, 7th in the country; confirmed by a second text. The ministry's method gives 18.66 for the "
        "same year.",
    ),
    (
        "HCM",
        "TP. Hồ Chí Minh",
        "Hồ Chí Minh City",
        "2023",
        "21.5",
        "de_share",
        "mic_assessment",
        "baomoi_2024_hcm_de",
        "The ministry's assessment for the city ('Đánh giá của Bộ TT&TT'); not comparable with GSO figures.",
    ),
    (
        "BN",
        "Bắc Ninh",
        "Bắc Ninh",
        "2030",
        "45",
        "target",
        "own_target",
        "vietnamnews_2025_bn_target",
        "The province aims for its digital economy to reach 45% of GRDP by 2030.",
    ),
    (
        "HCM",
        "TP. Hồ Chí Minh",
        "Hồ Chí Minh City",
        "2025",
        "25",
        "target",
        "own_target",
        "vneconomy_2022_hcm_target",
        "The city's target: 25% of GRDP by 2025.",
    ),
    (
        "HCM",
        "TP. Hồ Chí Minh",
        "Hồ Chí Minh City",
        "2030",
        "40",
        "target",
        "own_target",
        "vneconomy_2022_hcm_target",
        "The city's target: 40% of GRDP by 2030.",
    ),
    (
        "HP",
        "Hải Phòng",
        "Hải Phòng",
        "2025",
        "35",
        "target",
        "own_target",
        "dntt_2025_hp_target",
        "Plan 106/KH-UBND: 35% of GRDP by the end of 2025, at least 15% in each sector.",
    ),
    (
        "QN",
        "Quảng Ninh",
        "Quảng Ninh",
        "2025",
        "11.89",
        "grdp_growth",
        "gso",
        "znews_2026_growth",
        GROWTH_NOTE + " The fastest of the 34.",
    ),
    (
        "HP",
        "Hải Phòng",
        "Hải Phòng",
        "2025",
        "11.81",
        "grdp_growth",
        "gso",
        "znews_2026_growth",
        GROWTH_NOTE + " The city statistics office gives the same (cafef.vn, 2026-01-06).",
    ),
    ("NB", "Ninh Bình", "Ninh Bình", "2025", "10.65", "grdp_growth", "gso", "znews_2026_growth", GROWTH_NOTE),
    ("PT", "Phú Thọ", "Phú Thọ", "2025", "10.52", "grdp_growth", "gso", "znews_2026_growth", GROWTH_NOTE),
    ("BN", "Bắc Ninh", "Bắc Ninh", "2025", "10.27", "grdp_growth", "gso", "znews_2026_growth", GROWTH_NOTE),
    (
        "QNg",
        "Quảng Ngãi",
        "Quảng Ngãi",
        "2025",
        "10.02",
        "grdp_growth",
        "gso",
        "znews_2026_growth",
        GROWTH_NOTE,
    ),
    (
        "HN",
        "Hà Nội",
        "Hà Nội",
        "2025",
        "8.16",
        "grdp_growth",
        "gso",
        "soha_2026_growth",
        "GRDP growth 2025 of the capital, reported with the statistics office's provincial figures.",
    ),
    (
        "HCM",
        "TP. Hồ Chí Minh",
        "Hồ Chí Minh City",
        "2025",
        "7.53",
        "grdp_growth",
        "gso",
        "soha_2026_growth",
        "GRDP growth 2025 of the city, reported with the statistics office's provincial figures.",
    ),
]
PEER_COLUMNS = ["geo", "name_vi", "name_en", "year", "value", "kind", "method", "source_id", "note"]
PEERS_RESEARCH_CSV = RESEARCH_CSV.with_name("peers_research.csv")

# --------------------------------------------------------------------------------------
# Codebook: indicator_id -> (name_vi, name_en, unit, description_vi, description_en)
# --------------------------------------------------------------------------------------
CODEBOOK: dict[str, tuple[str, str, str, str, str]] = {
    "grdp_growth": (
        "Tốc độ tăng trưởng GRDP",
        "GRDP growth rate",
        "%",
        "Tăng trưởng tổng sản phẩm trên địa bàn so với năm trước, theo giá so sánh.",
        "Year-on-year growth of gross regional domestic product at constant prices.",
    ),
    "grdp_vnd_trn": (
        "Quy mô GRDP theo giá hiện hành",
        "GRDP at current prices",
        "nghìn tỷ đồng",
        "Tổng sản phẩm trên địa bàn tỉnh theo giá hiện hành, đơn vị nghìn tỷ đồng.",
        "Gross regional domestic product at current prices, in VND trillion.",
    ),
    "grdp_pc_usd": (
        "GRDP bình quân đầu người",
        "GRDP per capita",
        "USD",
        "GRDP theo giá hiện hành chia cho dân số, quy ra đô la Mỹ.",
        "GRDP at current prices per resident, in US dollars.",
    ),
    "share_agri": (
        "Tỷ trọng nông, lâm nghiệp và thủy sản",
        "Agriculture, forestry and fishery share",
        "% GRDP",
        "Phần trăm của khu vực nông, lâm nghiệp và thủy sản trong GRDP.",
        "Agriculture, forestry and fishery as a percentage of GRDP.",
    ),
    "share_indcon": (
        "Tỷ trọng công nghiệp - xây dựng",
        "Industry and construction share",
        "% GRDP",
        "Phần trăm của khu vực công nghiệp và xây dựng trong GRDP.",
        "Industry and construction as a percentage of GRDP.",
    ),
    "share_services": (
        "Tỷ trọng dịch vụ",
        "Services share",
        "% GRDP",
        "Phần trăm của khu vực dịch vụ trong GRDP.",
        "Services as a percentage of GRDP.",
    ),
    "share_taxes": (
        "Tỷ trọng thuế sản phẩm trừ trợ cấp sản phẩm",
        "Product taxes less subsidies share",
        "% GRDP",
        "Phần trăm của thuế sản phẩm trừ trợ cấp sản phẩm trong GRDP.",
        "Product taxes less subsidies on products as a percentage of GRDP.",
    ),
    "de_share": (
        "Tỷ trọng kinh tế số",
        "Digital economy share",
        "% GRDP (tỉnh) / % GDP (cả nước)",
        "Giá trị tăng thêm của kinh tế số so với GRDP của tỉnh (QN) hoặc GDP cả nước (VN), "
        "theo phương pháp của Tổng cục Thống kê.",
        "Digital-economy value added as a percentage of provincial GRDP (QN) or national GDP (VN), "
        "GSO method.",
    ),
    "de_core_share": (
        "Tỷ trọng kinh tế số lõi",
        "Core digital economy share",
        "% GDP",
        "Phần kinh tế số lõi (ngành công nghệ thông tin - viễn thông) trong GDP, theo Tổng cục Thống kê.",
        "Core digital sectors (ICT and telecoms) as a percentage of GDP, GSO method.",
    ),
    "de_digitalised_share": (
        "Tỷ trọng kinh tế số hóa các ngành",
        "Digitalised economy share",
        "% GDP",
        "Phần giá trị tăng thêm nhờ số hóa các ngành kinh tế khác trong GDP, theo Tổng cục Thống kê.",
        "Value added from digitalisation of the other sectors as a percentage of GDP, GSO method.",
    ),
    "de_share_mic": (
        "Tỷ trọng kinh tế số (phương pháp Bộ TT&TT)",
        "Digital economy share (MIC method)",
        "% GDP",
        "Ước tính của Bộ Thông tin và Truyền thông theo phương pháp rộng hơn; "
        "không so sánh được với số liệu của Tổng cục Thống kê.",
        "Ministry of Information and Communications estimate using a broader method; "
        "not comparable with the GSO series.",
    ),
    "de_share_policy": (
        "Tỷ trọng kinh tế số (ước tính chính sách, không rõ phương pháp)",
        "Digital economy share (policy estimate, method not stated)",
        "% GDP",
        "Con số được báo chí gọi là ước tính chính sách, không nêu cơ quan tính và phương pháp; "
        "không so sánh được với số liệu của Tổng cục Thống kê.",
        "A figure the press calls a policy estimate, without naming who made it or the method; "
        "not comparable with the GSO series.",
    ),
    "mobile_coverage_pct": (
        "Tỷ lệ dân số được phủ sóng di động",
        "Population covered by mobile networks",
        "% dân số",
        "Phần trăm dân số sống trong vùng có sóng thông tin di động.",
        "Percentage of the population covered by mobile networks.",
    ),
    "coverage_4g_pct": (
        "Tỷ lệ dân số được phủ sóng 4G trở lên",
        "Population covered by 4G or better",
        "% dân số",
        "Phần trăm dân số được phủ sóng di động 4G hoặc cao hơn.",
        "Percentage of the population covered by 4G or better mobile networks.",
    ),
    "coverage_4g_households_pct": (
        "Tỷ lệ hộ dân được phủ sóng 4G",
        "Households covered by 4G",
        "% hộ",
        "Phần trăm hộ gia đình được phủ sóng 4G.",
        "Percentage of households covered by 4G.",
    ),
    "mobile_subs_per_person": (
        "Số thuê bao di động trên mỗi người",
        "Mobile subscriptions per person",
        "thuê bao/người",
        "Tổng số thuê bao điện thoại di động chia cho dân số.",
        "Mobile phone subscriptions divided by population.",
    ),
    "mobile_broadband_subs_per100": (
        "Thuê bao băng rộng di động trên 100 dân",
        "Mobile broadband subscriptions per 100 people",
        "thuê bao/100 dân",
        "Số thuê bao băng rộng di động tính trên 100 người dân.",
        "Mobile broadband subscriptions per 100 residents.",
    ),
    "broadband_households_covered_pct": (
        "Tỷ lệ hộ dân được phủ Internet băng rộng",
        "Households within reach of broadband",
        "% hộ",
        "Phần trăm hộ gia đình ở nơi có hạ tầng Internet băng rộng.",
        "Percentage of households within reach of broadband internet.",
    ),
    "fibre_households_pct": (
        "Tỷ lệ hộ gia đình dùng Internet cáp quang",
        "Households with fibre broadband",
        "% hộ",
        "Phần trăm hộ gia đình có kết nối Internet băng rộng cáp quang.",
        "Percentage of households with a fibre broadband connection.",
    ),
    "smartphone_users_pct": (
        "Tỷ lệ dân số dùng điện thoại thông minh",
        "Population using smartphones",
        "% dân số",
        "Phần trăm dân số sử dụng điện thoại thông minh.",
        "Percentage of the population using a smartphone.",
    ),
    "bts_4g_count": (
        "Số trạm phát sóng 4G",
        "4G base stations",
        "trạm",
        "Số trạm thu phát sóng di động 4G trên địa bàn tỉnh.",
        "Number of 4G mobile base stations in the province.",
    ),
    "bts_5g_count": (
        "Số trạm phát sóng 5G",
        "5G base stations",
        "trạm",
        "Số trạm thu phát sóng di động 5G trên địa bàn tỉnh.",
        "Number of 5G mobile base stations in the province.",
    ),
    "personal_payment_accounts": (
        "Số tài khoản thanh toán cá nhân",
        "Personal payment accounts",
        "tài khoản",
        "Tổng số tài khoản thanh toán của cá nhân tại ngân hàng trên địa bàn.",
        "Number of personal payment (bank) accounts in the province.",
    ),
    "active_personal_accounts": (
        "Số tài khoản cá nhân đang hoạt động",
        "Active personal payment accounts",
        "tài khoản",
        "Số tài khoản thanh toán cá nhân có phát sinh giao dịch.",
        "Number of personal payment accounts in active use.",
    ),
    "active_accounts_per_adult": (
        "Số tài khoản hoạt động trên mỗi người từ 15 tuổi",
        "Active accounts per person aged 15+",
        "tài khoản/người",
        "Số tài khoản thanh toán đang hoạt động bình quân trên mỗi người dân từ 15 tuổi trở lên.",
        "Active payment accounts per resident aged 15 or over.",
    ),
    "business_payment_accounts": (
        "Số tài khoản thanh toán doanh nghiệp",
        "Business payment accounts",
        "tài khoản",
        "Tổng số tài khoản thanh toán của doanh nghiệp trên địa bàn.",
        "Number of business payment accounts in the province.",
    ),
    "ewallet_accounts": (
        "Số tài khoản ví điện tử đã định danh",
        "Verified e-wallet accounts",
        "tài khoản",
        "Số tài khoản ví điện tử, Mobile Money đã được định danh qua số điện thoại chính chủ.",
        "E-wallet and Mobile Money accounts verified by the owner's phone number.",
    ),
    "ekyc_accounts": (
        "Số tài khoản mở bằng eKYC",
        "Accounts opened via eKYC",
        "tài khoản",
        "Số tài khoản mở bằng phương thức định danh điện tử (eKYC).",
        "Accounts opened with electronic identity verification (eKYC).",
    ),
    "market_traders_cashless_pct": (
        "Tỷ lệ hộ kinh doanh tại chợ chấp nhận thanh toán không dùng tiền mặt",
        "Market traders accepting cashless payment",
        "% hộ kinh doanh",
        "Phần trăm hộ kinh doanh tại các chợ chấp nhận thanh toán không dùng tiền mặt.",
        "Percentage of market household businesses that accept cashless payment.",
    ),
    "cashless_markets_count": (
        "Số chợ triển khai mô hình Chợ 4.0",
        "Markets running the 'Market 4.0' cashless model",
        "chợ",
        "Số chợ áp dụng mô hình Chợ 4.0 thanh toán không dùng tiền mặt.",
        "Number of markets running the 'Market 4.0' cashless-payment model.",
    ),
    "central_markets_cashless_pct": (
        "Tỷ lệ chợ trung tâm có thanh toán không dùng tiền mặt",
        "Central markets with cashless payment",
        "% chợ",
        "Phần trăm chợ trung tâm cấp huyện, thị xã, thành phố đã triển khai thanh toán không dùng tiền mặt.",
        "Percentage of district-level central markets offering cashless payment.",
    ),
    "petrol_retail_cashless_pct": (
        "Tỷ lệ cửa hàng xăng dầu có thanh toán không dùng tiền mặt",
        "Petrol retailers with cashless payment",
        "% cửa hàng",
        "Phần trăm cơ sở bán lẻ xăng dầu có ít nhất một giải pháp thanh toán không dùng tiền mặt.",
        "Percentage of petrol retail outlets offering at least one cashless payment method.",
    ),
    "admin_fees_cashless_pct": (
        "Tỷ lệ phí, lệ phí thủ tục hành chính thu không dùng tiền mặt",
        "Administrative fees collected cashless",
        "%",
        "Phần trăm phí, lệ phí thủ tục hành chính được thu không dùng tiền mặt.",
        "Percentage of administrative-procedure fees collected without cash.",
    ),
    "pension_card_payment_pct": (
        "Tỷ lệ người hưởng lương hưu, trợ cấp nhận qua tài khoản",
        "Pension and benefit recipients paid into an account",
        "% người hưởng",
        "Phần trăm người hưởng lương hưu, trợ cấp bảo hiểm xã hội nhận tiền qua thẻ ngân hàng.",
        "Percentage of pension and social-insurance beneficiaries paid through a bank card.",
    ),
    "iz_firms_digital_platform_pct": (
        "Tỷ lệ doanh nghiệp trong khu công nghiệp ứng dụng nền tảng số",
        "Industrial-zone firms using digital platforms",
        "% doanh nghiệp",
        "Phần trăm doanh nghiệp tại các khu công nghiệp, khu chế xuất ứng dụng nền tảng số "
        "trong quản trị và sản xuất.",
        "Percentage of firms in industrial and export-processing zones using digital platforms "
        "in management and production.",
    ),
    "firms_einvoice_pct": (
        "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử",
        "Firms using e-invoices",
        "% doanh nghiệp",
        "Phần trăm doanh nghiệp sử dụng hóa đơn điện tử.",
        "Percentage of enterprises using electronic invoices.",
    ),
    "einvoice_firms_count": (
        "Số doanh nghiệp, tổ chức đăng ký hóa đơn điện tử",
        "Firms registered for e-invoices",
        "doanh nghiệp, tổ chức",
        "Số doanh nghiệp và tổ chức đã đăng ký sử dụng hóa đơn điện tử.",
        "Number of firms and organisations registered to use electronic invoices.",
    ),
    "utility_firms_econtract_pct": (
        "Tỷ lệ doanh nghiệp điện, nước, viễn thông dùng hợp đồng điện tử",
        "Utility firms using e-contracts",
        "% doanh nghiệp",
        "Phần trăm doanh nghiệp điện, nước, viễn thông đã chuyển sang hợp đồng điện tử.",
        "Percentage of electricity, water and telecom firms using electronic contracts.",
    ),
    "ocop_ecommerce_products": (
        "Số sản phẩm OCOP trên sàn thương mại điện tử",
        "OCOP products on e-commerce platforms",
        "sản phẩm",
        "Số sản phẩm OCOP được đưa lên các sàn thương mại điện tử.",
        "Number of OCOP (One Commune One Product) items listed on e-commerce platforms.",
    ),
    "ocop_ecommerce_pct": (
        "Tỷ lệ sản phẩm OCOP trên sàn thương mại điện tử",
        "OCOP products on e-commerce platforms, share",
        "% sản phẩm OCOP 3 sao trở lên",
        "Phần trăm sản phẩm OCOP từ 3 sao trở lên được quảng bá, bán trên các sàn thương mại điện tử lớn.",
        "Percentage of three-star-plus OCOP products promoted or sold on major e-commerce platforms.",
    ),
    "public_services_online_pct": (
        "Tỷ lệ dịch vụ công được cung cấp trực tuyến",
        "Public services offered online",
        "% dịch vụ",
        "Phần trăm dịch vụ công được cung cấp trực tuyến (không phải tỷ lệ hồ sơ).",
        "Percentage of public services offered online (not the share of dossiers).",
    ),
    "online_dossiers_pct": (
        "Tỷ lệ hồ sơ thủ tục hành chính trực tuyến",
        "Administrative dossiers handled online",
        "% hồ sơ",
        "Phần trăm hồ sơ thủ tục hành chính được tiếp nhận và xử lý trực tuyến.",
        "Percentage of administrative dossiers received and processed online.",
    ),
    "dossier_digitisation_pct": (
        "Tỷ lệ số hóa hồ sơ thủ tục hành chính",
        "Digitisation of administrative dossiers",
        "% hồ sơ",
        "Phần trăm hồ sơ thủ tục hành chính cấp tỉnh được số hóa.",
        "Percentage of provincial-level administrative dossiers digitised.",
    ),
    "online_services_level4_count": (
        "Số dịch vụ công trực tuyến mức độ 4",
        "Full (level-4) online public services",
        "dịch vụ",
        "Số dịch vụ công trực tuyến toàn trình (mức độ 4).",
        "Number of public services available fully online (level 4).",
    ),
    "dti_rank": (
        "Xếp hạng chỉ số chuyển đổi số cấp tỉnh (DTI)",
        "Provincial digital transformation index (DTI) rank",
        "thứ hạng / 63 tỉnh",
        "Thứ hạng của tỉnh trong Bộ chỉ số đánh giá chuyển đổi số (DTI); số nhỏ hơn là tốt hơn.",
        "Province's rank in the Digital Transformation Index (DTI); lower is better.",
    ),
    "dti_score": (
        "Điểm chỉ số chuyển đổi số cấp tỉnh (DTI)",
        "Provincial digital transformation index (DTI) score",
        "điểm (0–1)",
        "Điểm tổng hợp Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh, thang 0 đến 1.",
        "Composite provincial Digital Transformation Index score on a 0-1 scale.",
    ),
    "online_shoppers_pct": (
        "Tỷ lệ dân số mua sắm trực tuyến",
        "Population shopping online",
        "% dân số",
        "Phần trăm dân số tham gia mua sắm trực tuyến.",
        "Percentage of the population shopping online.",
    ),
    "cashless_pct": (
        "Tỷ lệ doanh nghiệp, hộ gia đình và cá nhân thanh toán không dùng tiền mặt",
        "Businesses, households and individuals paying cashless",
        "%",
        "Phần trăm doanh nghiệp kinh doanh, hộ gia đình và cá nhân thanh toán không dùng tiền mặt.",
        "Percentage of businesses, households and individuals paying without cash.",
    ),
    "firms_online_orders_pct": (
        "Tỷ lệ doanh nghiệp có website, đặt hàng trực tuyến",
        "Enterprises with a website or online ordering",
        "% doanh nghiệp",
        "Phần trăm doanh nghiệp có trang thông tin điện tử, đặt hàng hoặc nhận đơn hàng qua phương tiện "
        "điện tử.",
        "Percentage of enterprises with a website that place or take orders electronically.",
    ),
    "einvoice_web_purchases_pct": (
        "Tỷ lệ giao dịch mua hàng trên website có hóa đơn điện tử",
        "Website purchases with an e-invoice",
        "% giao dịch",
        "Phần trăm giao dịch mua hàng trên website có hóa đơn điện tử.",
        "Percentage of website purchases issued with an electronic invoice.",
    ),
    "adult_epayment_account_pct": (
        "Tỷ lệ người trưởng thành có tài khoản thanh toán điện tử",
        "Adults with an electronic payment account",
        "% người trưởng thành",
        "Phần trăm người trưởng thành có tài khoản thanh toán điện tử.",
        "Percentage of adults with an electronic payment account.",
    ),
    "digital_firms_count": (
        "Số doanh nghiệp công nghệ số",
        "Digital-technology businesses",
        "doanh nghiệp",
        "Số doanh nghiệp hoạt động trong lĩnh vực công nghệ số trên địa bàn tỉnh.",
        "Number of digital-technology businesses in the province.",
    ),
}

# Codebook, more: indicator_id -> (unit in English, values are a share in percent 0-100)
CODEBOOK_EXTRA: dict[str, tuple[str, bool]] = {
    "active_accounts_per_adult": ("accounts per person", False),
    "active_personal_accounts": ("accounts", False),
    "admin_fees_cashless_pct": ("%", True),
    "adult_epayment_account_pct": ("% of adults", True),
    "broadband_households_covered_pct": ("% of households", True),
    "bts_4g_count": ("stations", False),
    "bts_5g_count": ("stations", False),
    "business_payment_accounts": ("accounts", False),
    "cashless_markets_count": ("markets", False),
    "cashless_pct": ("%", True),
    "central_markets_cashless_pct": ("% of markets", True),
    "coverage_4g_households_pct": ("% of households", True),
    "coverage_4g_pct": ("% of population", True),
    "de_core_share": ("% of GDP", True),
    "de_digitalised_share": ("% of GDP", True),
    "de_share": ("% of GRDP (QN) / % of GDP (VN)", True),
    "de_share_mic": ("% of GDP", True),
    "de_share_policy": ("% of GDP", False),
    "digital_firms_count": ("firms", False),
    "dossier_digitisation_pct": ("% of dossiers", True),
    "dti_rank": ("rank of 63 provinces", False),
    "dti_score": ("score (0–1)", False),
    "einvoice_firms_count": ("firms and organisations", False),
    "einvoice_web_purchases_pct": ("% of transactions", True),
    "ekyc_accounts": ("accounts", False),
    "ewallet_accounts": ("accounts", False),
    "fibre_households_pct": ("% of households", True),
    "firms_einvoice_pct": ("% of firms", True),
    "firms_online_orders_pct": ("% of firms", True),
    "grdp_growth": ("%", False),
    "grdp_pc_usd": ("USD", False),
    "grdp_vnd_trn": ("VND trillion", False),
    "iz_firms_digital_platform_pct": ("% of firms", True),
    "market_traders_cashless_pct": ("% of traders", True),
    "mobile_broadband_subs_per100": ("subscriptions per 100 people", False),
    "mobile_coverage_pct": ("% of population", True),
    "mobile_subs_per_person": ("subscriptions per person", False),
    "ocop_ecommerce_pct": ("% of 3-star-plus OCOP products", True),
    "ocop_ecommerce_products": ("products", False),
    "online_dossiers_pct": ("% of dossiers", True),
    "online_services_level4_count": ("services", False),
    "online_shoppers_pct": ("% of population", True),
    "pension_card_payment_pct": ("% of beneficiaries", True),
    "personal_payment_accounts": ("accounts", False),
    "petrol_retail_cashless_pct": ("% of outlets", True),
    "public_services_online_pct": ("% of services", True),
    "share_agri": ("% of GRDP", True),
    "share_indcon": ("% of GRDP", True),
    "share_services": ("% of GRDP", True),
    "share_taxes": ("% of GRDP", True),
    "smartphone_users_pct": ("% of population", True),
    "utility_firms_econtract_pct": ("% of firms", True),
}
# Areas of the main files: geo -> (name_vi, name_en)
GEOS = {"QN": ("Quảng Ninh", "Quảng Ninh"), "VN": ("Cả nước", "Vietnam")}


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def build(out_dir: Path = DATA) -> None:
    """Write indicators.csv, targets.csv, sources.csv, peers.csv, codebook.csv and geos.csv into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    used_ids = {r[0] for r in INDICATORS} | {r[0] for r in TARGETS}
    used_sources = {r[5] for r in INDICATORS} | {r[5] for r in TARGETS} | {r[7] for r in PEERS}
    missing = (
        (used_ids - CODEBOOK.keys()) | (used_ids - CODEBOOK_EXTRA.keys()) | (used_sources - SOURCES.keys())
    )
    if missing:
        raise SystemExit(f"undefined ids: {sorted(missing)}")

    ind = sorted(INDICATORS, key=lambda r: (r[0], r[1], r[2]))
    _write_csv(
        out_dir / "indicators.csv",
        ["indicator_id", "geo", "year", "value", "kind", "source_id", "note"],
        [[i, g, str(y), v, k, s, n] for i, g, y, v, k, s, n, _ in ind],
    )
    tgt = sorted(TARGETS, key=lambda r: (TARGET_SET_ORDER.index(r[4]), r[0], r[1], r[2]))
    _write_csv(
        out_dir / "targets.csv",
        ["indicator_id", "geo", "year", "value", "target_set", "source_id", "note"],
        [[i, g, str(y), v, t, s, n] for i, g, y, v, t, s, n, _ in tgt],
    )
    _write_csv(
        out_dir / "sources.csv",
        ["source_id", "title", "publisher", "url", "published", "accessed"],
        [[sid, *SOURCES[sid], ACCESSED] for sid in sorted(used_sources)],
    )
    _write_csv(out_dir / "peers.csv", PEER_COLUMNS, [list(r) for r in PEERS])
    id_order = sorted(used_ids)
    _write_csv(
        out_dir / "codebook.csv",
        list(CODEBOOK_COLUMNS),
        [
            [i, *CODEBOOK[i][:3], CODEBOOK_EXTRA[i][0], *CODEBOOK[i][3:], str(CODEBOOK_EXTRA[i][1]).lower()]
            for i in id_order
        ],
    )
    _write_csv(
        out_dir / "geos.csv", ["geo", "name_vi", "name_en"], [[g, *names] for g, names in GEOS.items()]
    )


def check_against_research(path: Path = RESEARCH_CSV) -> list[str]:
    """Return mismatches between the curated rows and the research CSV (empty when all agree)."""
    with path.open(encoding="utf-8") as fh:
        research = list(csv.DictReader(fh))
    notes = path.with_name("research_notes.md").read_text(encoding="utf-8").splitlines()
    errors = []
    for row in [*INDICATORS, *TARGETS]:
        ind_id, _geo, year, value, _kind_or_set, source_id, _note, research_id = row
        if research_id is None:
            continue
        url = SOURCES[source_id][2]
        if research_id == "notes":
            bare = url.split("://", 1)[1]
            if not any(bare in line and f"{year} {value}" in line for line in notes):
                errors.append(f"{ind_id} {year} {value} ({source_id}): not found in research notes")
            continue
        hits = [
            r
            for r in research
            if r["indicator_id"] == research_id and r["source_url"] == url and r["year"] == str(year)
        ]
        ok = False
        for r in hits:
            raw = r["value"].rstrip("%")
            try:
                ok = ok or float(raw) == float(value)
            except ValueError:
                ok = ok or raw.split(" ")[0] == value
        if not ok:
            errors.append(f"{ind_id} {year} {value} ({source_id}): no matching research row")
    return errors


def check_peers(path: Path = PEERS_RESEARCH_CSV) -> list[str]:
    """Mismatches between the shipped peer rows and the peers research CSV (same geo, value,
    kind, source URL; a shipped row never one the research asks to recheck)."""
    with path.open(encoding="utf-8") as fh:
        research = list(csv.DictReader(fh))
    errors = []
    for geo, _vi, _en, _year, value, kind, _method, source_id, _note in PEERS:
        url = SOURCES[source_id][2]
        hits = [
            r
            for r in research
            if r["geo"] == geo
            and r["url"] == url
            and float(r["value_pct"]) == float(value)
            and r["kind"].removesuffix("_avg") == kind  # a period average is a share too
        ]
        if not hits:
            errors.append(f"peer {geo} {kind} {value} ({source_id}): no matching research row")
        elif all("recheck" in r["checked"] and "confirmed" not in r["checked"] for r in hits):
            errors.append(f"peer {geo} {kind} {value} ({source_id}): the research asks for a recheck")
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="cross-check values against the research CSV")
    args = parser.parse_args(argv)
    if args.check:
        errors = check_against_research() + check_peers()
        for e in errors:
            print(e, file=sys.stderr)
        if errors:
            return 1
        print("all curated values match the research CSV")
    build()
    print(f"wrote {DATA}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
