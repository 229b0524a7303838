#include "records.h"

#include <stdexcept>

namespace taizhang {

namespace {
template <class T> T opt(const Json& j, const char* key, T fallback)
{
    auto it = j.find(key);
    return it == j.end() || it->is_null() ? fallback : it->get<T>();
}
}  // namespace

void to_json(Json& j, const Date& v) { j = v.toString(); }
void from_json(const Json& j, Date& v)
{
    auto d = Date::parse(j.get<std::string>());
    if (!d) throw std::invalid_argument("not a YYYY-MM-DD date: " + j.get<std::string>());
    v = *d;
}

void to_json(Json& j, const ClassPeriod& v)
{
    j = Json{{"until", v.until}, {"grade", v.grade}, {"name", v.name}};
    if (!v.subjects.empty()) j["subjects"] = v.subjects;
}
void from_json(const Json& j, ClassPeriod& v)
{
    v.until = j.at("until").get<Date>();
    v.grade = j.at("grade").get<int>();
    v.name = j.at("name").get<std::string>();
    v.subjects = opt<std::vector<std::string>>(j, "subjects", {});
}

// Optional fields added after record schema 1 are written only when set, so a body without
// them reads and hashes exactly as before.
void to_json(Json& j, const SchoolClass& v)
{
    j = Json{{"grade", v.grade}, {"name", v.name}, {"students", v.students}, {"subjects", v.subjects}};
    if (!v.history.empty()) j["history"] = v.history;
    if (v.archivedFrom) j["archived_from"] = *v.archivedFrom;
    if (v.openedFrom) j["opened_from"] = *v.openedFrom;
}
void from_json(const Json& j, SchoolClass& v)
{
    v.grade = j.at("grade").get<int>();
    v.name = j.at("name").get<std::string>();
    v.students = opt<int>(j, "students", 0);
    v.subjects = opt<std::vector<std::string>>(j, "subjects", {});
    v.history = opt<std::vector<ClassPeriod>>(j, "history", {});
    v.archivedFrom.reset();
    if (auto it = j.find("archived_from"); it != j.end() && !it->is_null()) v.archivedFrom = it->get<Date>();
    v.openedFrom.reset();
    if (auto it = j.find("opened_from"); it != j.end() && !it->is_null()) v.openedFrom = it->get<Date>();
}

namespace {
const ClassPeriod* periodHolding(const SchoolClass& c, const Date& day)
{
    for (const auto& p : c.history)
        if (day <= p.until) return &p;
    return nullptr;
}
}  // namespace

int SchoolClass::gradeOn(const Date& day) const
{
    const ClassPeriod* p = periodHolding(*this, day);
    return p ? p->grade : grade;
}

const std::string& SchoolClass::nameOn(const Date& day) const
{
    const ClassPeriod* p = periodHolding(*this, day);
    return p ? p->name : name;
}

const std::vector<std::string>& SchoolClass::subjectsOn(const Date& day) const
{
    const ClassPeriod* p = periodHolding(*this, day);
    return p ? p->subjects : subjects;
}

void changeClassFrom(SchoolClass& c, const Date& from, int grade, std::string name, std::vector<std::string> subjects)
{
    const Date lastBefore = from.addDays(-1);
    ClassPeriod before{lastBefore, c.gradeOn(lastBefore), c.nameOn(lastBefore), c.subjectsOn(lastBefore)};
    // Periods ending on or after the day before `from` describe days from then on (the first of
    // them also the days up to lastBefore, which `before` now holds).
    while (!c.history.empty() && c.history.back().until >= lastBefore) c.history.pop_back();
    const bool same = before.grade == grade && before.name == name && before.subjects == subjects;
    if (!same) c.history.push_back(std::move(before));
    c.grade = grade;
    c.name = std::move(name);
    c.subjects = std::move(subjects);
}

void to_json(Json& j, const AwayPeriod& v)
{
    j = Json{{"from", v.from}, {"reason", v.reason}};
    if (v.until) j["until"] = *v.until;
}
void from_json(const Json& j, AwayPeriod& v)
{
    v.from = j.at("from").get<Date>();
    v.until.reset();
    if (auto it = j.find("until"); it != j.end() && !it->is_null()) v.until = it->get<Date>();
    v.reason = opt<std::string>(j, "reason", "left");
}

void to_json(Json& j, const Teacher& v)
{
    j = Json{{"name", v.name},         {"staff_number", v.staffNumber}, {"subjects", v.subjects},
             {"hire_date", v.hireDate}, {"full_time", v.fullTime}};
    if (!v.away.empty()) j["away"] = v.away;
}
void from_json(const Json& j, Teacher& v)
{
    v.name = j.at("name").get<std::string>();
    v.staffNumber = opt<std::string>(j, "staff_number", "");
    v.subjects = opt<std::vector<std::string>>(j, "subjects", {});
    v.hireDate = j.at("hire_date").get<Date>();
    v.fullTime = opt<bool>(j, "full_time", true);
    v.away = opt<std::vector<AwayPeriod>>(j, "away", {});
}

bool Teacher::employedOn(const Date& day) const
{
    for (const auto& p : away)
        if (day >= p.from && (!p.until || day <= *p.until)) return false;
    return true;
}

void to_json(Json& j, const Holiday& v) { j = Json{{"name", v.name}, {"start", v.start}, {"end", v.end}}; }
void from_json(const Json& j, Holiday& v)
{
    v.name = opt<std::string>(j, "name", "");
    v.start = j.at("start").get<Date>();
    v.end = j.at("end").get<Date>();
}

void to_json(Json& j, const Term& v)
{
    j = Json{{"name", v.name}, {"start", v.start}, {"end", v.end}, {"holidays", v.holidays}};
    if (!v.workdays.empty()) j["workdays"] = v.workdays;
    if (!v.primaryFirstLesson.empty()) j["primary_first_lesson"] = v.primaryFirstLesson;
    if (!v.juniorFirstLesson.empty()) j["junior_first_lesson"] = v.juniorFirstLesson;
}
void from_json(const Json& j, Term& v)
{
    v.name = j.at("name").get<std::string>();
    v.start = j.at("start").get<Date>();
    v.end = j.at("end").get<Date>();
    v.holidays = opt<std::vector<Holiday>>(j, "holidays", {});
    v.workdays = opt<std::vector<Date>>(j, "workdays", {});
    v.primaryFirstLesson = opt<std::string>(j, "primary_first_lesson", "");
    v.juniorFirstLesson = opt<std::string>(j, "junior_first_lesson", "");
}

void to_json(Json& j, const CustomSubject& v)
{
    j = Json{{"code", v.code}, {"name", v.name}, {"category", v.category}};
}
void from_json(const Json& j, CustomSubject& v)
{
    v.code = j.at("code").get<std::string>();
    v.name = j.at("name").get<std::string>();
    v.category = opt<std::string>(j, "category", "school_based");
}

void to_json(Json& j, const Homework& v)
{
    j = Json{{"class_id", v.classId}, {"date", v.date},        {"subject", v.subject},
             {"minutes", v.minutes},  {"written", v.written},  {"at_home", v.atHome},
             {"content", v.content},  {"teacher_id", v.teacherId}};
    if (!v.overCapReason.empty()) j["over_cap_reason"] = v.overCapReason;
    if (v.none) j["none"] = true;
}
void from_json(const Json& j, Homework& v)
{
    v.classId = j.at("class_id").get<std::string>();
    v.date = j.at("date").get<Date>();
    v.subject = j.at("subject").get<std::string>();
    v.minutes = j.at("minutes").get<int>();
    v.written = opt<bool>(j, "written", true);
    v.atHome = opt<bool>(j, "at_home", true);
    v.content = opt<std::string>(j, "content", "");
    v.teacherId = opt<std::string>(j, "teacher_id", "");
    v.overCapReason = opt<std::string>(j, "over_cap_reason", "");
    v.none = opt<bool>(j, "none", false);
}

void to_json(Json& j, const SleepSurvey& v)
{
    j = Json{{"class_id", v.classId},
             {"date", v.date},
             {"surveyed", v.surveyed},
             {"reaching_standard", v.reachingStandard},
             {"average_hours", v.averageHours}};
}
void from_json(const Json& j, SleepSurvey& v)
{
    v.classId = j.at("class_id").get<std::string>();
    v.date = j.at("date").get<Date>();
    v.surveyed = j.at("surveyed").get<int>();
    v.reachingStandard = j.at("reaching_standard").get<int>();
    v.averageHours = j.at("average_hours").get<double>();
}

void to_json(Json& j, const PhysicalActivity& v)
{
    j = Json{{"class_id", v.classId},
             {"date", v.date},
             {"pe_lesson_minutes", v.peLessonMinutes},
             {"long_break_minutes", v.longBreakMinutes},
             {"long_break_sessions", v.longBreakSessions},
             {"after_school_minutes", v.afterSchoolMinutes},
             {"out_of_school_minutes", v.outOfSchoolMinutes}};
}
void from_json(const Json& j, PhysicalActivity& v)
{
    v.classId = j.at("class_id").get<std::string>();
    v.date = j.at("date").get<Date>();
    v.peLessonMinutes = opt<int>(j, "pe_lesson_minutes", 0);
    v.longBreakMinutes = opt<int>(j, "long_break_minutes", 0);
    v.longBreakSessions = opt<int>(j, "long_break_sessions", 0);
    v.afterSchoolMinutes = opt<int>(j, "after_school_minutes", 0);
    v.outOfSchoolMinutes = opt<int>(j, "out_of_school_minutes", 0);
}

void to_json(Json& j, const TimetableSlot& v)
{
    j = Json{{"class_id", v.classId}, {"term_id", v.termId}, {"weekday", v.weekday},
             {"period", v.period},    {"subject", v.subject}, {"teacher_id", v.teacherId}};
    if (v.draft) j["draft"] = true;
}
void from_json(const Json& j, TimetableSlot& v)
{
    v.classId = j.at("class_id").get<std::string>();
    v.termId = j.at("term_id").get<std::string>();
    v.weekday = j.at("weekday").get<int>();
    v.period = j.at("period").get<int>();
    v.subject = j.at("subject").get<std::string>();
    v.teacherId = opt<std::string>(j, "teacher_id", "");
    v.draft = opt<bool>(j, "draft", false);
}

void to_json(Json& j, const TrainingRecord& v)
{
    j = Json{{"teacher_id", v.teacherId}, {"start", v.start}, {"end", v.end},
             {"title", v.title},          {"level", v.level}, {"mode", v.mode},
             {"hours", v.hours},          {"certificate_number", v.certificateNumber}};
}
void from_json(const Json& j, TrainingRecord& v)
{
    v.teacherId = j.at("teacher_id").get<std::string>();
    v.start = j.at("start").get<Date>();
    v.end = j.at("end").get<Date>();
    v.title = j.at("title").get<std::string>();
    v.level = opt<std::string>(j, "level", "school");
    v.mode = opt<std::string>(j, "mode", "in_person");
    v.hours = j.at("hours").get<double>();
    v.certificateNumber = opt<std::string>(j, "certificate_number", "");
}

std::optional<Date> Record::date() const
{
    const std::string_view key = describe(kind).dateKey;
    if (key.empty()) return std::nullopt;
    auto it = body.find(std::string(key));
    if (it == body.end() || !it->is_string()) return std::nullopt;
    return Date::parse(it->get<std::string>());
}

std::string Record::classId() const
{
    auto it = body.find("class_id");
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::string Record::teacherId() const
{
    auto it = body.find("teacher_id");
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

Json recordToJson(const Record& r)
{
    return Json{{"id", r.meta.id},
                {"kind", kindName(r.kind)},
                {"version", r.meta.version},
                {"created_at", r.meta.createdAt},
                {"updated_at", r.meta.updatedAt},
                {"author", r.meta.author},
                {"device", r.meta.device},
                {"deleted", r.meta.deleted},
                {"body", r.body}};
}

// Keys in the order nlohmann::json's sorted object writes them, so the text is byte-identical
// to recordToJson(r).dump(); tests/core/test_write_path.cpp holds the two together.
std::string recordJsonText(const Record& r, const std::string& bodyText)
{
    return recordJsonText(r.meta, kindName(r.kind), bodyText);
}

std::string recordJsonText(const RecordMeta& m, std::string_view kind, std::string_view bodyText)
{
    auto str = [](const std::string& s) { return Json(s).dump(); };
    std::string out;
    out.reserve(bodyText.size() + 256);
    out += "{\"author\":" + str(m.author);
    out += ",\"body\":";
    out += bodyText;
    out += ",\"created_at\":" + str(m.createdAt);
    out += std::string(",\"deleted\":") + (m.deleted ? "true" : "false");
    out += ",\"device\":" + str(m.device);
    out += ",\"id\":" + str(m.id);
    out += ",\"kind\":" + str(std::string(kind));
    out += ",\"updated_at\":" + str(m.updatedAt);
    out += ",\"version\":" + std::to_string(m.version) + "}";
    return out;
}

Record recordFromJson(const Json& j)
{
    if (!j.is_object()) throw std::invalid_argument("record is not a JSON object");
    auto need = [&](const char* key, Json::value_t type) -> const Json& {
        auto it = j.find(key);
        if (it == j.end()) throw std::invalid_argument(std::string("record lacks field '") + key + "'");
        const bool ok = it->type() == type ||
                        (type == Json::value_t::number_integer && it->is_number_unsigned());
        if (!ok) throw std::invalid_argument(std::string("record field '") + key + "' has the wrong type");
        return *it;
    };
    Record r;
    const auto kind = kindFromName(need("kind", Json::value_t::string).get<std::string>());
    if (!kind) throw std::invalid_argument("unknown record kind '" + j.at("kind").get<std::string>() + "'");
    r.kind = *kind;
    r.meta.id = need("id", Json::value_t::string).get<std::string>();
    r.meta.version = need("version", Json::value_t::number_integer).get<std::int64_t>();
    r.meta.createdAt = need("created_at", Json::value_t::string).get<std::string>();
    r.meta.updatedAt = need("updated_at", Json::value_t::string).get<std::string>();
    r.meta.author = need("author", Json::value_t::string).get<std::string>();
    r.meta.device = need("device", Json::value_t::string).get<std::string>();
    r.meta.deleted = need("deleted", Json::value_t::boolean).get<bool>();
    r.body = need("body", Json::value_t::object);
    return r;
}

}  // namespace taizhang
