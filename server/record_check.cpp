#include "record_check.h"

#include "uuid.h"

namespace taizhang::server {
namespace {

bool isUtcTimestamp(const std::string& s)
{
    // "YYYY-MM-DDTHH:MM:SS(.mmm)Z" as written by formatUtcTimestamp.
    if (s.size() < 20 || s.back() != 'Z' || s[10] != 'T') return false;
    return Date::parse(std::string_view(s).substr(0, 10)).has_value();
}

// The typed body must decode; core's from_json throws on wrong types.
std::optional<RecordProblem> checkBody(const Record& r)
{
    try {
        switch (r.kind) {
        case Kind::SchoolClass: (void)bodyAs<SchoolClass>(r); break;
        case Kind::Teacher: (void)bodyAs<Teacher>(r); break;
        case Kind::Term: (void)bodyAs<Term>(r); break;
        case Kind::Subject: (void)bodyAs<CustomSubject>(r); break;
        case Kind::Homework: (void)bodyAs<Homework>(r); break;
        case Kind::Sleep: (void)bodyAs<SleepSurvey>(r); break;
        case Kind::Activity: (void)bodyAs<PhysicalActivity>(r); break;
        case Kind::Timetable: (void)bodyAs<TimetableSlot>(r); break;
        case Kind::Training: (void)bodyAs<TrainingRecord>(r); break;
        }
    } catch (const std::exception& e) {
        return RecordProblem{"invalid_body", std::string("body does not match kind '") +
                                                 std::string(kindName(r.kind)) + "': " + e.what()};
    }
    if (isDailyKind(r.kind) && r.kind != Kind::Timetable && !r.date())
        return RecordProblem{"invalid_body", "body lacks a valid school-local date"};
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
    if (!isCanonicalUuid(r.meta.id))
        out.problem = RecordProblem{"invalid_record", "record id is not a canonical lower-case UUID"};
    else if (r.meta.version < 1)
        out.problem = RecordProblem{"invalid_record", "version must be at least 1"};
    else if (!isUtcTimestamp(r.meta.createdAt) || !isUtcTimestamp(r.meta.updatedAt))
        out.problem = RecordProblem{"invalid_record", "created_at/updated_at must be UTC timestamps like 2026-11-22T08:00:00.000Z"};
    else if (auto problem = checkBody(r))
        out.problem = problem;
    if (!out.problem) out.record = std::move(r);
    return out;
}

}  // namespace taizhang::server
