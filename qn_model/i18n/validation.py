"""Bilingual (Vietnamese / English) message texts for :mod:`qn_model.data.validate`.

Each entry maps ``(code, variant)`` to a pair of :meth:`str.format` templates. The
Vietnamese text is written for a non-technical provincial planner: it says what is
wrong and what to do about it, in plain words. Parameters are filled by the
validator; every template must accept the parameters the validator passes for it.
"""

from __future__ import annotations

REQUIRED_TEXT = "indicator_id, geo, year, value"

SAVE_AS_UTF8_VI = (
    "Hãy mở tệp trong Excel và chọn Lưu thành (Save As) → 'CSV UTF-8 (Comma delimited)', "
    "hoặc lưu thành tệp .xlsx."
)
SAVE_AS_UTF8_EN = "Open it in Excel and use Save As → 'CSV UTF-8 (Comma delimited)', or save it as .xlsx."

# (code, variant) -> (vietnamese, english)
MESSAGES: dict[tuple[str, str], tuple[str, str]] = {
    ("empty_file", ""): (
        "Tệp trống, không có nội dung nào.",
        "The file is empty.",
    ),
    ("no_data_rows", ""): (
        "Tệp chỉ có dòng tiêu đề, chưa có dòng số liệu nào.",
        "The file has a header row but no data rows.",
    ),
    ("missing_column", ""): (
        "Thiếu cột bắt buộc '{column}'. Dòng tiêu đề (dòng đầu tiên) phải có đủ các cột: "
        + REQUIRED_TEXT
        + ".",
        "The required column '{column}' is missing. The header (first row) must contain: "
        + REQUIRED_TEXT
        + ".",
    ),
    ("duplicate_column", ""): (
        "Cột '{column}' xuất hiện nhiều lần trong dòng tiêu đề. Hãy giữ lại một cột.",
        "The column '{column}' appears more than once in the header row. Keep only one.",
    ),
    ("unsupported_format", ""): (
        "Không hỗ trợ loại tệp '{ext}'. Hãy dùng tệp .csv (mã UTF-8) hoặc .xlsx.",
        "Files of type '{ext}' are not supported. Use a .csv (UTF-8) or .xlsx file.",
    ),
    ("unsupported_format", "xls"): (
        "Tệp Excel đời cũ (.xls) không được hỗ trợ. Hãy mở tệp trong Excel và lưu lại dưới dạng "
        ".xlsx hoặc 'CSV UTF-8'.",
        "Old Excel files (.xls) are not supported. Open the file in Excel and save it as .xlsx or "
        "'CSV UTF-8'.",
    ),
    ("extension_mismatch", "xlsx_is_text"): (
        "Tệp có đuôi .xlsx nhưng nội dung lại là văn bản (có thể là tệp CSV bị đổi tên). "
        "Hãy đổi đuôi tệp thành .csv, hoặc mở bằng Excel rồi lưu lại dưới dạng .xlsx.",
        "The file is named .xlsx but contains plain text (probably a renamed CSV file). "
        "Rename it to .csv, or open it in Excel and save it as .xlsx.",
    ),
    ("extension_mismatch", "xlsx_is_ole"): (
        "Tệp có đuôi .xlsx nhưng thực ra là tệp Excel đời cũ (.xls) hoặc tệp được đặt mật khẩu. "
        "Hãy bỏ mật khẩu và lưu lại dưới dạng .xlsx.",
        "The file is named .xlsx but is really an old Excel (.xls) file or a password-protected "
        "workbook. Remove the password and save it as .xlsx.",
    ),
    ("extension_mismatch", "xlsx_not_excel"): (
        "Tệp có đuôi .xlsx nhưng nội dung không phải là bảng tính Excel. Hãy kiểm tra lại tệp.",
        "The file is named .xlsx but is not an Excel workbook. Please check the file.",
    ),
    ("extension_mismatch", "zip_not_xlsx"): (
        "Tệp có đuôi .xlsx là một tệp nén nhưng không chứa bảng tính Excel "
        "(có thể là tài liệu Word hoặc tệp .zip bị đổi tên).",
        "The .xlsx file is a zip archive but contains no Excel workbook "
        "(perhaps a renamed Word document or .zip file).",
    ),
    ("extension_mismatch", "csv_is_excel"): (
        "Tệp có đuôi .csv nhưng thực ra là tệp Excel. Hãy đổi đuôi tệp thành .xlsx, "
        "hoặc mở bằng Excel rồi lưu lại dưới dạng 'CSV UTF-8'.",
        "The file is named .csv but is really an Excel workbook. Rename it to .xlsx, "
        "or open it in Excel and save it as 'CSV UTF-8'.",
    ),
    ("extension_mismatch", "csv_is_binary"): (
        "Tệp có đuôi .csv nhưng nội dung không phải văn bản (là tệp nhị phân như tệp nén, ảnh hay PDF). "
        "Hãy tải lên đúng tệp số liệu dạng CSV hoặc .xlsx.",
        "The file is named .csv but does not contain text (it is binary: an archive, image or PDF). "
        "Upload the data file as CSV or .xlsx.",
    ),
    ("unknown_indicator", ""): (
        "Mã chỉ tiêu '{value}' không có trong danh mục chỉ tiêu.",
        "The indicator code '{value}' is not in the list of indicators.",
    ),
    ("unknown_indicator", "suggest"): (
        "Mã chỉ tiêu '{value}' không có trong danh mục chỉ tiêu. Có phải ý bạn là '{suggestion}'?",
        "The indicator code '{value}' is not in the list of indicators. Did you mean '{suggestion}'?",
    ),
    ("unknown_geo", ""): (
        "Mã địa bàn '{value}' không hợp lệ. Chỉ dùng QN (Quảng Ninh) hoặc VN (cả nước).",
        "The area code '{value}' is not valid. Use QN (Quảng Ninh) or VN (Viet Nam).",
    ),
    ("missing_value", ""): (
        "Ô này đang để trống. Mỗi dòng số liệu phải có đủ " + REQUIRED_TEXT + "; "
        "nếu chưa có số liệu thì hãy xóa cả dòng.",
        "This cell is empty. Every data row needs " + REQUIRED_TEXT + "; "
        "if there is no figure, delete the whole row.",
    ),
    ("not_numeric", ""): (
        "Giá trị '{value}' không phải là số. Hãy nhập một số, dùng dấu chấm cho phần thập phân "
        "(ví dụ 7.1) và không dùng dấu phân cách hàng nghìn.",
        "The value '{value}' is not a number. Enter a number with a decimal point (e.g. 7.1) "
        "and no thousands separators.",
    ),
    ("not_numeric", "excel_error"): (
        "Ô chứa lỗi Excel '{value}', không phải là số. Hãy sửa công thức gốc rồi dán lại giá trị.",
        "The cell holds the Excel error '{value}', not a number. Fix the original formula and paste "
        "the value again.",
    ),
    ("not_finite", ""): (
        "Giá trị '{value}' không phải là một số hữu hạn (NaN hoặc vô cực). Hãy nhập một số cụ thể.",
        "The value '{value}' is not a finite number (NaN or infinity). Enter an actual number.",
    ),
    ("formula", ""): (
        "Ô chứa công thức '{value}'. Hãy thay công thức bằng giá trị "
        "(trong Excel: Sao chép → Dán đặc biệt → Giá trị).",
        "The cell contains the formula '{value}'. Replace it with its value "
        "(in Excel: Copy → Paste Special → Values).",
    ),
    ("year_not_integer", ""): (
        "Năm '{value}' không hợp lệ. Hãy nhập năm là một số nguyên có 4 chữ số, ví dụ 2024 "
        "(không dùng giai đoạn như 2021-2025 hay ngày tháng).",
        "The year '{value}' is not valid. Enter a whole four-digit year such as 2024 "
        "(not a period like 2021-2025 or a date).",
    ),
    ("year_out_of_range", ""): (
        "Năm {value} nằm ngoài khoảng cho phép (từ {low} đến {high}).",
        "The year {value} is outside the allowed range ({low} to {high}).",
    ),
    ("share_out_of_range", ""): (
        "Tỷ lệ {value} của chỉ tiêu '{indicator}' phải nằm trong khoảng từ 0 đến 100 (%).",
        "The share {value} for indicator '{indicator}' must be between 0 and 100 (%).",
    ),
    ("duplicate", ""): (
        "Dòng này trùng với dòng {first_row} (cùng chỉ tiêu '{indicator}', địa bàn {geo}, năm {year}). "
        "Mỗi chỉ tiêu chỉ được có một giá trị cho mỗi địa bàn và năm; hãy xóa một dòng.",
        "This row repeats row {first_row} (same indicator '{indicator}', area {geo}, year {year}). "
        "Each indicator may have only one value per area and year; delete one of the rows.",
    ),
    ("too_many_values", ""): (
        "Dòng này có nhiều ô hơn dòng tiêu đề. Có thể số thập phân đang dùng dấu phẩy (ví dụ 7,1) "
        "trong tệp phân tách bằng dấu phẩy: hãy dùng dấu chấm (7.1).",
        "This row has more cells than the header row. A decimal comma (e.g. 7,1) in a comma-separated "
        "file is the usual cause: use a decimal point (7.1).",
    ),
    ("file_too_large", ""): (
        "Tệp có dung lượng {size_mb} MB, vượt quá giới hạn {limit_mb} MB. Hãy chỉ giữ lại các số liệu cần "
        "dùng.",
        "The file is {size_mb} MB, above the {limit_mb} MB limit. Keep only the figures you need.",
    ),
    ("file_too_large", "uncompressed"): (
        "Bảng tính quá lớn để xử lý (khi giải nén vượt quá {limit_mb} MB). Hãy chỉ giữ lại các số liệu "
        "cần dùng.",
        "The workbook is too large to process (over {limit_mb} MB once unpacked). Keep only the figures "
        "you need.",
    ),
    ("too_many_problems", ""): (
        "Tệp có quá nhiều lỗi; chỉ liệt kê {limit} lỗi đầu tiên. Hãy sửa các lỗi này rồi tải lên lại.",
        "The file has too many problems; only the first {limit} are listed. Fix them and upload again.",
    ),
    ("unreadable", "encoding"): (
        "Không đọc được tệp vì tệp không được lưu bằng mã UTF-8 (có thể là Windows-1258, TCVN3 hoặc "
        "VNI), nên chữ tiếng Việt sẽ bị lỗi. " + SAVE_AS_UTF8_VI,
        "The file cannot be read because it is not saved as UTF-8 (perhaps Windows-1258, TCVN3 or VNI), "
        "so Vietnamese letters would be garbled. " + SAVE_AS_UTF8_EN,
    ),
    ("unreadable", "utf16"): (
        "Không đọc được tệp vì tệp được lưu bằng mã UTF-16 (Unicode Text), không phải UTF-8. "
        + SAVE_AS_UTF8_VI,
        "The file cannot be read because it is saved as UTF-16 (Unicode Text), not UTF-8. " + SAVE_AS_UTF8_EN,
    ),
    ("unreadable", "not_found"): (
        "Không tìm thấy tệp '{path}'.",
        "The file '{path}' was not found.",
    ),
    ("unreadable", "not_a_file"): (
        "'{path}' không phải là một tệp (có thể là thư mục).",
        "'{path}' is not a file (perhaps a folder).",
    ),
    ("unreadable", "os_error"): (
        "Không mở được tệp '{path}' ({detail}).",
        "The file '{path}' could not be opened ({detail}).",
    ),
    ("unreadable", "xlsx_broken"): (
        "Không mở được bảng tính Excel: tệp bị hỏng, chưa tải lên đủ hoặc có mật khẩu. "
        "Hãy mở tệp trong Excel và lưu lại.",
        "The Excel workbook cannot be opened: it is damaged, incomplete or password-protected. "
        "Open it in Excel and save it again.",
    ),
    ("unreadable", "csv_error"): (
        "Không đọc được cấu trúc CSV ở dòng này (thường do dấu ngoặc kép bị thiếu hoặc một ô quá dài). "
        "Hãy kiểm tra lại và lưu tệp dưới dạng 'CSV UTF-8'.",
        "The CSV structure cannot be read at this row ({detail}). Check the quotation marks and save the "
        "file again as 'CSV UTF-8'.",
    ),
    ("unreadable", "internal"): (
        "Không đọc được tệp do một lỗi không lường trước. " + SAVE_AS_UTF8_VI,
        "The file could not be read because of an unexpected error ({detail}). " + SAVE_AS_UTF8_EN,
    ),
}

# Location prefixes used by Problem.message().
ROW_WORD = {"vi": "dòng", "en": "row"}
COLUMN_WORD = {"vi": "cột", "en": "column"}
