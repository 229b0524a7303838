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
// in problems and left out of rows.
CsvDocument parseCsv(std::string_view text);

// Quotes a field when it holds a comma, quote, CR or LF, or leading/trailing spaces.
std::string csvField(std::string_view value);

class CsvWriter {
public:
    // Writes the UTF-8 BOM at once when bom is true.
    explicit CsvWriter(std::ostream& out, bool bom = true);
    void row(const std::vector<std::string>& fields);

private:
    std::ostream& out_;
};

}  // namespace taizhang
