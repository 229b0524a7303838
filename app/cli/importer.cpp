#include "importer.h"

#include <algorithm>
#include <set>

#include "csv.h"
#include "record_fields.h"
#include "references.h"
#include "subjects.h"
#include "writer.h"

namespace taizhang::cli {

namespace {
// Columns of an export that an import may carry along and ignores (new records get new ids).
const std::set<std::string> kIgnoredColumns{"id", "version", "created_at", "updated_at", "author", "device", "deleted"};

std::string lower(std::string s)
{
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}
}  // namespace

bool ImportReport::conflict() const
{
    return std::any_of(problems.begin(), problems.end(), [](const ImportProblem& p) { return isConflictCode(p.code); });
}

std::string describe(const ImportProblem& p)
{
    std::string out = "line " + std::to_string(p.line);
    if (p.column) out += ", column " + std::to_string(p.column);
    if (!p.columnName.empty()) out += " (" + p.columnName + ")";
    return out + ": " + p.message;
}

ImportReport importCsv(Database& db, const Clock& clock, Kind kind, std::string_view fileBytes,
                       const std::string& author)
{
    ImportReport report;
    std::string text;
    try {
        auto decoded = decodeToUtf8(fileBytes);
        report.encoding = decoded.detected;
        text = std::move(decoded.utf8);
    } catch (const TextEncodingError& e) {
        report.problems.push_back({e.line(), 0, "", std::string(e.what()) + " (save the file as UTF-8 or GBK CSV)"});
        return report;
    }
    const CsvDocument doc = parseCsv(text);
    for (const auto& p : doc.problems) report.problems.push_back({p.line, p.column, "", p.message});
    if (doc.rows.empty()) {
        report.problems.push_back({1, 0, "", "the file has no header row"});
        return report;
    }

    // ---- Header: which field each column holds.
    const CsvRow& header = doc.rows.front();
    const std::size_t syntaxProblems = report.problems.size();
    std::vector<const FieldSpec*> columns(header.fields.size(), nullptr);
    std::set<std::string> seen;
    for (std::size_t c = 0; c < header.fields.size(); ++c) {
        const std::string& name = header.fields[c];
        if (kIgnoredColumns.count(lower(name))) continue;
        const FieldSpec* spec = findField(kind, name);
        if (!spec) {
            std::string known;
            for (const auto& f : fieldsOf(kind)) known += (known.empty() ? "" : ", ") + f.name;
            report.problems.push_back({header.line, c + 1, name, "unknown column for " + std::string(kindName(kind)) +
                                                                     " records; the columns are " + known});
            continue;
        }
        if (!seen.insert(spec->key).second) {
            report.problems.push_back({header.line, c + 1, name, "the " + spec->name + " column appears twice"});
            continue;
        }
        columns[c] = spec;
    }
    for (const auto& f : fieldsOf(kind))
        if (f.required && !seen.count(f.key))
            report.problems.push_back({header.line, 0, "", "the required column " + f.name + " is missing"});
    if (report.problems.size() > syntaxProblems) return report;  // without a usable header rows mean nothing

    // ---- Rows: convert every field, collecting every problem.
    RecordStore store(db, clock);
    References refs(store);
    std::vector<NewRecord> records;
    std::vector<std::size_t> lineOf;  // records index -> line
    records.reserve(doc.rows.size());
    lineOf.reserve(doc.rows.size());
    for (std::size_t r = 1; r < doc.rows.size(); ++r) {
        const CsvRow& row = doc.rows[r];
        if (std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) {
                return f.find_first_not_of(" \t") == std::string::npos;
            }))
            continue;  // Excel leaves ",,,," rows behind
        ++report.dataRows;
        bool rowOk = true;
        if (row.fields.size() > columns.size()) {
            for (std::size_t c = columns.size(); c < row.fields.size(); ++c)
                if (!row.fields[c].empty()) {
                    report.problems.push_back({row.line, c + 1, "", "a value beyond the last header column"});
                    rowOk = false;
                    break;
                }
        }
        Json body = Json::object();
        std::vector<std::size_t> emptyRequired;  // columns; a 无作业 row needs no subject or minutes
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const FieldSpec* spec = columns[c];
            if (!spec) continue;
            const std::string value = c < row.fields.size() ? row.fields[c] : std::string{};
            if (value.find_first_not_of(" \t") == std::string::npos) {
                if (spec->required) emptyRequired.push_back(c);
                continue;
            }
            std::string problem;
            auto v = convertField(*spec, value, refs, problem);
            if (!v) {
                report.problems.push_back({row.line, c + 1, header.fields[c], problem});
                rowOk = false;
                continue;
            }
            body[spec->key] = std::move(*v);
        }
        completeNoHomework(kind, body);
        for (std::size_t c : emptyRequired)
            if (!body.contains(columns[c]->key)) {
                report.problems.push_back({row.line, c + 1, header.fields[c], "is required but empty"});
                rowOk = false;
            }
        if (!rowOk) continue;
        // A class imported without a subjects column takes its grade's subjects, as `class add`.
        if (kind == Kind::SchoolClass && !body.contains("subjects") && body.contains("grade"))
            body["subjects"] = defaultSubjectsForGrade(body["grade"].get<int>());
        records.push_back({kind, std::move(body)});
        lineOf.push_back(row.line);
    }
    if (!report.ok()) {
        std::stable_sort(report.problems.begin(), report.problems.end(),
                         [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
        return report;
    }

    // ---- Validate and write, all or nothing.
    Writer writer(db, clock, author);
    const WriteResult result = writer.saveMany(std::move(records));
    auto columnOf = [&](const std::string& key) -> std::size_t {
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (columns[c] && columns[c]->key == key) return c + 1;
        return 0;
    };
    for (const auto& issue : result.issues) {
        const std::size_t line = issue.index < lineOf.size() ? lineOf[issue.index] : 0;
        const std::size_t column = columnOf(issue.field);
        const std::string name = column ? header.fields[column - 1] : issue.field;
        const std::string message = (issue.messageZh.empty() ? "" : issue.messageZh + " / ") + issue.message +
                                    (issue.code.empty() ? "" : " [" + issue.code + "]");
        if (issue.error) report.problems.push_back({line, column, name, message, issue.code});
        else report.warnings.push_back(describe({line, column, name, message}));
    }
    std::stable_sort(report.problems.begin(), report.problems.end(),
                     [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
    if (result.ok()) report.written = result.records.size();
    return report;
}

}  // namespace taizhang::cli
