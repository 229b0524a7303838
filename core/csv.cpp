#include "csv.h"

namespace taizhang {

namespace {
// A small state machine over the whole text; on a problem it skips to the end of the physical
// row (the next unquoted line break) and carries on, so every bad row is reported in one pass.
class Parser {
public:
    explicit Parser(std::string_view text) : s_(text) {}

    CsvDocument run()
    {
        while (pos_ < s_.size()) parseRow();
        return std::move(doc_);
    }

private:
    bool atLineEnd() const { return pos_ < s_.size() && (s_[pos_] == '\n' || s_[pos_] == '\r'); }

    void consumeLineEnd()
    {
        if (pos_ < s_.size() && s_[pos_] == '\r') ++pos_;
        if (pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
        ++line_;
    }

    void skipRestOfLine()
    {
        while (pos_ < s_.size() && !atLineEnd()) ++pos_;
        if (pos_ < s_.size()) consumeLineEnd();
    }

    void problem(std::size_t line, std::size_t column, std::string message)
    {
        doc_.problems.push_back({line, column, std::move(message)});
    }

    void parseRow()
    {
        CsvRow row;
        row.line = line_;
        if (atLineEnd()) {  // blank line
            consumeLineEnd();
            return;
        }
        while (true) {
            std::string field;
            const std::size_t column = row.fields.size() + 1;
            if (pos_ < s_.size() && s_[pos_] == '"') {
                const std::size_t quoteLine = line_;
                ++pos_;
                bool closed = false;
                while (pos_ < s_.size()) {
                    const char c = s_[pos_];
                    if (c == '"') {
                        if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '"') {
                            field += '"';
                            pos_ += 2;
                            continue;
                        }
                        ++pos_;
                        closed = true;
                        break;
                    }
                    if (c == '\n') ++line_;
                    if (c == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') {
                        // CRLF inside a quoted field is one line break; keep it as LF.
                        ++pos_;
                        continue;
                    }
                    field += c;
                    ++pos_;
                }
                if (!closed) {
                    problem(quoteLine, column, "the quoted field opened here is never closed");
                    return;
                }
                if (pos_ < s_.size() && s_[pos_] != ',' && !atLineEnd()) {
                    problem(line_, column, "unexpected text after the closing quote of a quoted field");
                    skipRestOfLine();
                    return;
                }
            } else {
                while (pos_ < s_.size() && s_[pos_] != ',' && !atLineEnd()) {
                    if (s_[pos_] == '"') {
                        problem(line_, column, "a quote inside an unquoted field; quote the whole field and "
                                               "double the inner quotes (\"\")");
                        skipRestOfLine();
                        return;
                    }
                    field += s_[pos_++];
                }
            }
            row.fields.push_back(csvUnguardFormula(field));
            if (pos_ < s_.size() && s_[pos_] == ',') {
                ++pos_;
                continue;
            }
            break;
        }
        if (pos_ < s_.size()) consumeLineEnd();
        doc_.rows.push_back(std::move(row));
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    CsvDocument doc_;
};
}  // namespace

CsvDocument parseCsv(std::string_view text) { return Parser(text).run(); }

namespace {
bool isPlainNumber(std::string_view v)
{
    std::size_t i = !v.empty() && (v[0] == '+' || v[0] == '-') ? 1 : 0;
    bool digit = false, point = false;
    for (; i < v.size(); ++i) {
        if (v[i] >= '0' && v[i] <= '9') digit = true;
        else if (v[i] == '.' && !point) point = true;
        else return false;
    }
    return digit;
}
}  // namespace

bool csvNeedsFormulaGuard(std::string_view value)
{
    const auto start = value.find_first_not_of('\'');
    if (start == std::string_view::npos) return false;
    const std::string_view rest = value.substr(start);
    if (std::string_view("=+-@\t\r").find(rest.front()) == std::string_view::npos) return false;
    return !(isPlainNumber(rest) || rest == "-");
}

std::string csvGuardFormula(std::string_view value)
{
    return csvNeedsFormulaGuard(value) ? "'" + std::string(value) : std::string(value);
}

std::string csvUnguardFormula(std::string_view cell)
{
    if (!cell.empty() && cell.front() == '\'' && csvNeedsFormulaGuard(cell.substr(1))) return std::string(cell.substr(1));
    return std::string(cell);
}

std::string csvField(std::string_view value)
{
    const bool needsQuotes = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                             (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!needsQuotes) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

CsvWriter::CsvWriter(std::ostream& out, bool bom) : out_(out)
{
    if (bom) out_ << "\xEF\xBB\xBF";
}

void CsvWriter::row(const std::vector<std::string>& fields)
{
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out_ << ',';
        out_ << csvField(csvGuardFormula(fields[i]));
    }
    out_ << "\r\n";
}

}  // namespace taizhang
