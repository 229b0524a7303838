#include "export_table.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "csv.h"
#include "private_file.h"
#include "uuid.h"

namespace taizhang::server {

std::string exportCsv(const ExportTable& table)
{
    std::ostringstream out;
    CsvWriter csv(out, true);  // with BOM
    csv.row(table.header);
    for (const auto& row : table.rows) csv.row(row);
    return out.str();
}

namespace {

// libxlsxwriter 1.1 writes to a file only: a private temporary file, read back and removed.
class TempXlsx {
public:
    TempXlsx()
        : path_((std::filesystem::temp_directory_path() / ("taizhang-export-" + newUuidV7(0) + ".xlsx")).string())
    {
        // Owner-only from the start: the export holds the county's figures.
        if (!ensurePrivateFile(path_)) throw std::runtime_error("temporary export file exists already");
    }
    ~TempXlsx() { std::remove(path_.c_str()); }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace

std::string exportXlsx(const ExportTable& table)
{
    TempXlsx file;
    lxw_workbook* book = workbook_new(file.path().c_str());
    if (!book) throw std::runtime_error("cannot start the workbook");
    lxw_worksheet* sheet = workbook_add_worksheet(book, table.sheet.substr(0, 31).c_str());
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.header[c].c_str(), bold);
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 16, nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
            const std::string& v = table.rows[r][c];
            const auto col = static_cast<lxw_col_t>(c);
            if (c < table.numeric.size() && table.numeric[c] && !v.empty())
                worksheet_write_number(sheet, row, col, std::strtod(v.c_str(), nullptr), nullptr);
            else
                worksheet_write_string(sheet, row, col, v.c_str(), nullptr);
        }
    }
    if (workbook_close(book) != LXW_NO_ERROR) throw std::runtime_error("cannot write the workbook");
    std::ifstream in(file.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace taizhang::server
