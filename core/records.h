#pragma once
// One definition of every record the ledger keeps, shared by the client, the CLI, the sync
// client and the county server. A record is an envelope (RecordMeta + kind) around a typed body;
// the body travels and is stored as JSON so that every layer reads the same field names.
// The kinds and their fields are described once in record_kinds.h (docs/data-dictionary.md is
// generated from it).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "date.h"
#include "record_kinds.h"

namespace taizhang {

using Json = nlohmann::json;

// The record schema this build writes and fully understands: the kinds above with the body
// fields of core/validation_shape.cpp. A later schema may only ADD kinds and OPTIONAL body
// fields (never change an existing field's type or meaning: that is a new protocol version).
// A record line may say "schema": N; the county advertises its own as "record_schema" in
// GET /v1/capabilities (docs/sync-protocol.md, "Forward compatibility").
inline constexpr int kRecordSchemaVersion = 1;

// Kind, kindName(), kindFromName(), allKinds(), dailyKinds() and each kind's fields: record_kinds.h.

struct RecordMeta {
    std::string id;             // UUIDv7, lower-case canonical
    std::int64_t version = 0;   // 1 on creation, +1 on every edit and on delete
    std::string createdAt;      // UTC, formatUtcTimestamp()
    std::string updatedAt;      // UTC
    std::string author;         // local user id (or "cli", "import")
    std::string device;         // device id of the installation that made the change
    bool deleted = false;       // tombstone: nothing is ever hard-deleted
};

// ---- Typed bodies ---------------------------------------------------------------------------

// What a class was up to and including `until`: a class moves up every September, and each
// record keeps being judged by the grade the class had on its day (never retroactively).
struct ClassPeriod {
    Date until;                         // last day of this period (inclusive)
    int grade = 0;
    std::string name;
    std::vector<std::string> subjects;  // empty = the grade's defaults
    friend bool operator==(const ClassPeriod&, const ClassPeriod&) = default;
};

struct SchoolClass {
    int grade = 0;                      // 1-9, in force after the last history period
    std::string name;                   // "三年级1班", in force after the last history period
    int students = 0;                   // enrolled students
    std::vector<std::string> subjects;  // subject codes the class takes (see subjects.h)
    std::vector<ClassPeriod> history;   // earlier grades/names, ascending `until`
    std::optional<Date> archivedFrom;   // graduated: no records from this day; kept and reported before
    std::optional<Date> openedFrom;     // a new entry class of the coming school year: no records before

    // The grade / name / subjects in force on a day (the history period holding it, else the
    // current values).
    int gradeOn(const Date& day) const;
    const std::string& nameOn(const Date& day) const;
    const std::vector<std::string>& subjectsOn(const Date& day) const;
    bool archivedOn(const Date& day) const { return archivedFrom && day >= *archivedFrom; }
    // In use on the day: opened, not yet graduated.
    bool activeOn(const Date& day) const { return !archivedOn(day) && !(openedFrom && day < *openedFrom); }
};

// Gives the class a new grade / name / subjects from `from` on. Every day before `from` keeps
// what it had (its period is moved into history); a change already planned at or after `from`
// is replaced.
void changeClassFrom(SchoolClass& c, const Date& from, int grade, std::string name, std::vector<std::string> subjects);

// A time the teacher did not work at the school: left (离职) or transferred out (调出); `until`
// is set when the teacher rejoined (last day away, inclusive).
struct AwayPeriod {
    Date from;                   // first day away
    std::optional<Date> until;   // last day away; none = still away
    std::string reason;          // "left" | "transferred"
};

struct Teacher {
    std::string name;
    std::string staffNumber;            // 工号, unique within the school
    std::vector<std::string> subjects;  // subject codes taught
    Date hireDate;                      // start of service (probation year = first year)
    bool fullTime = true;
    std::vector<AwayPeriod> away;       // ascending `from`; the training history stays with the teacher

    // Works at the school on the day: not inside an away period.
    bool employedOn(const Date& day) const;
};

struct Holiday {
    std::string name;  // "国庆节"
    Date start;
    Date end;          // inclusive
};

struct Term {
    std::string name;  // "2026-2027学年第一学期"
    Date start;
    Date end;          // inclusive
    std::vector<Holiday> holidays;
    std::vector<Date> workdays;  // 调休: Saturdays / Sundays made working (school) days
    // 作息时间 of the term: when the first lesson of the morning starts, "HH:MM" school-local, per
    // section ("" = not recorded). Checked against the morning-start rule (policy-rules.md, Sleep).
    std::string primaryFirstLesson;
    std::string juniorFirstLesson;
};

struct CustomSubject {
    std::string code;      // "local:..." or "school:..."
    std::string name;      // display name
    std::string category;  // "local" (地方课程) or "school_based" (校本课程)
};

struct Homework {
    std::string classId;
    Date date;
    std::string subject;       // subject code
    int minutes = 0;           // estimated average completion time
    bool written = true;       // 书面作业 counts against the cap; reading/practical does not
    bool atHome = true;        // at home vs consolidation in school (G1-2 must separate them)
    std::string content;       // for 作业公示
    std::string teacherId;
    std::string overCapReason; // required when saving an entry that breaks the cap
    // 无作业: the class has no homework that day (subject "", 0 minutes, the class-day's only
    // homework record). Written to JSON only when true, so other records keep their bytes.
    bool none = false;
};

struct SleepSurvey {
    std::string classId;
    Date date;
    int surveyed = 0;
    int reachingStandard = 0;  // students whose sleep reaches the grade's standard
    double averageHours = 0;
};

struct PhysicalActivity {
    std::string classId;
    Date date;
    int peLessonMinutes = 0;
    int longBreakMinutes = 0;   // 大课间, total over the day
    int longBreakSessions = 0;  // how many 大课间 sessions (2025 rule: two of >= 30 min)
    int afterSchoolMinutes = 0; // after-school sports in school (课后服务体育)
    int outOfSchoolMinutes = 0; // reported out-of-school activity (counts toward the 2025 total)
};

struct TimetableSlot {
    std::string classId;
    std::string termId;
    int weekday = 0;  // 1 = Monday ... 7 = Sunday
    int period = 0;   // 1-based lesson period of the day
    std::string subject;
    std::string teacherId;
    bool draft = false;  // copied into a new school year, not yet confirmed: not checked
};

struct TrainingRecord {
    std::string teacherId;
    Date start;
    Date end;                   // inclusive
    std::string title;
    std::string level;          // national | provincial | municipal | county | school
    std::string mode;           // in_person | online | blended
    double hours = 0;           // 学时
    std::string certificateNumber;
};

// ---- Envelope -------------------------------------------------------------------------------

struct Record {
    RecordMeta meta;
    Kind kind = Kind::Homework;
    Json body = Json::object();

    // Read from the body and copied into indexed columns by RecordStore (core/record_store.cpp)
    // and the county's storage, so queries by day, class or teacher need not parse bodies.
    std::optional<Date> date() const;       // the kind's dateKey field (record_kinds.h), if any
    std::string classId() const;            // "" when the kind has none
    std::string teacherId() const;          // "" when the kind has none
};

// JSON codecs for the typed bodies. from_json is lenient about missing optional fields only;
// strict shape checking (types, unknown fields) is validation's job (validation.h).
void to_json(Json& j, const SchoolClass& v);
void from_json(const Json& j, SchoolClass& v);
void to_json(Json& j, const ClassPeriod& v);
void from_json(const Json& j, ClassPeriod& v);
void to_json(Json& j, const AwayPeriod& v);
void from_json(const Json& j, AwayPeriod& v);
void to_json(Json& j, const Teacher& v);
void from_json(const Json& j, Teacher& v);
void to_json(Json& j, const Holiday& v);
void from_json(const Json& j, Holiday& v);
void to_json(Json& j, const Term& v);
void from_json(const Json& j, Term& v);
void to_json(Json& j, const CustomSubject& v);
void from_json(const Json& j, CustomSubject& v);
void to_json(Json& j, const Homework& v);
void from_json(const Json& j, Homework& v);
void to_json(Json& j, const SleepSurvey& v);
void from_json(const Json& j, SleepSurvey& v);
void to_json(Json& j, const PhysicalActivity& v);
void from_json(const Json& j, PhysicalActivity& v);
void to_json(Json& j, const TimetableSlot& v);
void from_json(const Json& j, TimetableSlot& v);
void to_json(Json& j, const TrainingRecord& v);
void from_json(const Json& j, TrainingRecord& v);
void to_json(Json& j, const Date& v);
void from_json(const Json& j, Date& v);

template <class T> struct KindOf;
template <> struct KindOf<SchoolClass> { static constexpr Kind value = Kind::SchoolClass; };
template <> struct KindOf<Teacher> { static constexpr Kind value = Kind::Teacher; };
template <> struct KindOf<Term> { static constexpr Kind value = Kind::Term; };
template <> struct KindOf<CustomSubject> { static constexpr Kind value = Kind::Subject; };
template <> struct KindOf<Homework> { static constexpr Kind value = Kind::Homework; };
template <> struct KindOf<SleepSurvey> { static constexpr Kind value = Kind::Sleep; };
template <> struct KindOf<PhysicalActivity> { static constexpr Kind value = Kind::Activity; };
template <> struct KindOf<TimetableSlot> { static constexpr Kind value = Kind::Timetable; };
template <> struct KindOf<TrainingRecord> { static constexpr Kind value = Kind::Training; };

template <class T> T bodyAs(const Record& r) { return r.body.get<T>(); }

// The wire/storage form of a whole record, used by the outbox, the sync protocol and the server:
// {"id","kind","version","created_at","updated_at","author","device","deleted","body"}.
Json recordToJson(const Record& r);
// Exactly recordToJson(r).dump(), given r.body already dumped: the write path stores this text
// twice per change (audit "after", outbox payload), so it avoids a second copy of the body tree.
std::string recordJsonText(const Record& r, const std::string& bodyText);
// The same text from the stored columns, the kind as stored (the outbox builds a record's wire
// form from its row without parsing the body).
std::string recordJsonText(const RecordMeta& meta, std::string_view kind, std::string_view bodyText);
// Throws std::invalid_argument with an English message when the envelope is malformed.
Record recordFromJson(const Json& j);

}  // namespace taizhang
