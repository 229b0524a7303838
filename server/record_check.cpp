#include "record_check.h"

#include "uuid.h"
#include "validation.h"

namespace taizhang::server {
namespace {

bool isUtcTimestamp(const std::string& s)
{
    // "YYYY-MM-DDTHH:MM:SS(.mmm)Z" as written by formatUtcTimestamp.
    if (s.size() < 20 || s.back() != 'Z' || s[10] != 'T') return false;
    return Date::parse(std::string_view(s).substr(0, 10)).has_value();
}

// The body is checked with core's validation, the same code the client ran before saving. The
// county sees a school's records in arrival order (a homework entry may arrive before its
// class), so reference and calendar checks are off here; the reports run them over held data.
std::optional<RecordProblem> checkBody(const Record& record, int schema)
{
    // Written under a newer record schema than this server knows: the fields it knows are
    // checked as strictly as ever, the others are kept as they are (stored with the record,
    // unread) rather than refusing the record. Under a schema it knows, an unknown field is an
    // error as before (a typo must not slip through).
    Record r = record;
    if (schema > kRecordSchemaVersion) r.body = knownFieldsOnly(r.kind, r.body);
    ValidationContext ctx;
    ctx.checkReferences = false;
    ctx.checkCalendar = false;
    for (const auto& issue : validateRecord(r, ctx)) {
        if (issue.severity != IssueSeverity::Error) continue;
        std::string message = issue.messageEn;
        if (!issue.field.empty()) message = issue.field + ": " + message;
        return RecordProblem{issue.code.empty() ? "invalid_body" : issue.code, message};
    }
    return std::nullopt;
}

}  // namespace

CheckedRecord checkRecordLine(const nlohmann::json& line)
{
    CheckedRecord out;
    if (auto it = line.find("id"); it != line.end() && it->is_string()) out.id = it->get<std::string>();
    if (auto it = line.find("kind"); it != line.end() && it->is_string() && !kindFromName(it->get<std::string>())) {
        out.problem = RecordProblem{"unknown_kind", "unknown record kind '" + it->get<std::string>() + "'"};
        return out;
    }
    Record r;
    try {
        r = recordFromJson(line);
    } catch (const std::exception& e) {
        out.problem = RecordProblem{"invalid_record", e.what()};
        return out;
    }
    int schema = 1;  // absent: the first record schema
    if (auto it = line.find("schema"); it != line.end()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > 1000) {
            out.problem = RecordProblem{"invalid_record", "schema must be an integer from 1"};
            return out;
        }
        schema = it->get<int>();
    }
    if (!isCanonicalUuid(r.meta.id))
        out.problem = RecordProblem{"invalid_record", "record id is not a canonical lower-case UUID"};
    else if (r.meta.version < 1)
        out.problem = RecordProblem{"invalid_record", "version must be at least 1"};
    else if (!isUtcTimestamp(r.meta.createdAt) || !isUtcTimestamp(r.meta.updatedAt))
        out.problem = RecordProblem{"invalid_record", "created_at/updated_at must be UTC timestamps like 2026-11-22T08:00:00.000Z"};
    else if (auto problem = checkBody(r, schema))
        out.problem = problem;
    if (!out.problem) out.record = std::move(r);
    return out;
}

}  // namespace taizhang::server
