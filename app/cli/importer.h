#pragma once
// CSV import of records: decode (UTF-8 with or without BOM, GBK/GB18030), parse (RFC 4180), map
// the header row to fields (English names or Chinese headers), convert every row, then write the
// whole file in one validated, all-or-nothing batch. Every problem of every row is collected with
// its line and column, so a user fixes the file once rather than once per error.
#include <string>
#include <string_view>
#include <vector>

#include "clock.h"
#include "database.h"
#include "records.h"
#include "text_encoding.h"

namespace taizhang::cli {

struct ImportProblem {
    std::size_t line = 0;    // 1-based line in the file (the row's first line)
    std::size_t column = 0;  // 1-based column; 0 = the row or file as a whole
    std::string columnName;  // header text of that column, if any
    std::string message;     // English (Chinese first where the Ledger gives it)
    std::string code;        // validation code when the Ledger refused the row, else ""
};

struct ImportReport {
    TextEncoding encoding = TextEncoding::Utf8;
    std::size_t dataRows = 0;  // rows after the header, blank rows excluded
    std::size_t written = 0;   // records written (0 unless every row was good)
    std::vector<ImportProblem> problems;
    std::vector<std::string> warnings;  // accepted anyway (soft rules)
    bool ok() const { return problems.empty(); }
    // A row duplicates a stored class name / staff number / course code (exit 6, not 3).
    bool conflict() const;
};

ImportReport importCsv(Database& db, const Clock& clock, Kind kind, std::string_view fileBytes,
                       const std::string& author = "import");

// "line 5, column 4 (minutes): must be a whole number, got 'abc'"
std::string describe(const ImportProblem& p);

}  // namespace taizhang::cli
