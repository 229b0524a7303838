#pragma once
// RFC 4180 CSV: quoted fields, doubled quotes, embedded newlines, CRLF or LF line ends. The reader
// keeps the physical line number of every row so that import errors can point at the line a user
// sees in a text editor; it reports every syntax problem rather than stopping at the first.
// The writer produces UTF-8 with a BOM and CRLF so that Excel (Chinese Windows) opens it
// correctly instead of guessing GBK.
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace taizhang {

struct CsvRow {
    std::size_t line = 0;  // 1-based physical line where the row starts
    std::vector<std::string> fields;
};

struct CsvProblem {
    std::size_t line = 0;
    std::size_t column = 0;  // 1-based field index; 0 when the problem is not about one field
    std::string message;     // English
};

struct CsvDocument {
    std::vector<CsvRow> rows;  // blank lines are skipped
    std::vector<CsvProblem> problems;
};

// Parses UTF-8 text (decode it first, see text_encoding.h). A row with a syntax problem (quote in
// the middle of an unquoted field, text after a closing quote, an unterminated quote) is reported
// in problems and left out of rows. Formula guards of the writer are removed (csvUnguardFormula).
CsvDocument parseCsv(std::string_view text);

// Spreadsheet formula guard. Excel and WPS run a cell that starts with = + - @ (or a tab / CR
// before one) as a formula, so a homework content "=HYPERLINK(...)" typed by anyone would run on
// the computer that opens the export. The writer puts an apostrophe in front of such a value
// (also of one that already starts with apostrophes before such a character, so that the
// reader's removal is exact); plain numbers (-5, +3.5) and a lone "-" are left as they are.
// parseCsv removes exactly one guard apostrophe, so export -> import gives back the value.
bool csvNeedsFormulaGuard(std::string_view value);
std::string csvGuardFormula(std::string_view value);
std::string csvUnguardFormula(std::string_view cell);

// Quotes a field when it holds a comma, quote, CR or LF, or leading/trailing spaces.
std::string csvField(std::string_view value);

class CsvWriter {
public:
    // Writes the UTF-8 BOM at once when bom is true. Every field gets the formula guard.
    explicit CsvWriter(std::ostream& out, bool bom = true);
    void row(const std::vector<std::string>& fields);

private:
    std::ostream& out_;
};

}  // namespace taizhang
