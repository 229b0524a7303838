#pragma once
// The console's tables as downloads: CSV (UTF-8 with BOM, so Excel on a county PC reads it) and
// XLSX (libxlsxwriter). Every exported table is built once as an ExportTable and written in
// either form, so the two never differ.
#include <string>
#include <vector>

namespace taizhang::server {

struct ExportTable {
    std::string sheet;                 // worksheet name (at most 31 characters)
    std::vector<std::string> header;
    std::vector<bool> numeric;         // per column: written as a number in XLSX (counts)
    std::vector<std::vector<std::string>> rows;
};

std::string exportCsv(const ExportTable& table);
// Throws std::runtime_error if the workbook cannot be written.
std::string exportXlsx(const ExportTable& table);

}  // namespace taizhang::server
