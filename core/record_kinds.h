#pragma once
// What each record kind IS, said once: its names, its body fields (JSON type, unit, range, CSV
// headers in Chinese and English), its uniqueness key, its date key, whether it is a daily kind,
// its one-line summary and which policy areas read it. Validation's shape check, the CLI's
// options and CSV columns, the client's records browser, the county report and
// docs/data-dictionary.md (generated: `taizhang data-dictionary`) all read this table, so a kind
// or a field is added in one place (docs/architecture.md, "Adding a record kind").
//
// The kind list cannot be forgotten: core/record_kinds.cpp static_asserts that the table has one
// row per enumerator, in enum order, and every switch over Kind has no `default:` and is compiled
// with -Werror=switch, so a new enumerator that is not handled somewhere does not compile.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace taizhang {

enum class Kind {
    SchoolClass,  // "class"
    Teacher,      // "teacher"
    Term,         // "term"
    Subject,      // "subject": a local or school-based course added by the school
    Homework,     // "homework"
    Sleep,        // "sleep"
    Activity,     // "activity"
    Timetable,    // "timetable"
    Training,     // "training"
};
// Raise this with a new enumerator: record_kinds.cpp refuses to compile until it matches.
inline constexpr std::size_t kKindCount = 9;

// Upper bounds that make a value absurd rather than merely over a policy cap. Validation refuses
// values past them; the field table below documents them as the fields' ranges.
inline constexpr int kMaxHomeworkMinutes = 240;        // one subject, one day
inline constexpr int kMaxClassStudents = 80;
inline constexpr double kMaxTrainingHoursPerDay = 8.0; // 学时 per calendar day of a course
inline constexpr int kMaxPeriodsPerDay = 12;
// No policy document caps one training record (policy-rules.md sets 360 学时 per 5 years and 120
// in the probation year, nothing per course): 200 学时 is a plausibility bound, the one the
// client's training form always had, now checked in core for every writer.
inline constexpr double kMaxTrainingHoursPerRecord = 200.0;

// The JSON type of a body field (validation's shape check enforces it).
enum class FieldType {
    String,
    Integer,      // a JSON integer: 60.0 and "60" are refused
    Number,
    Boolean,
    Date,         // "YYYY-MM-DD"
    StringArray,
    Holidays,     // [{name, start, end}]
    DateArray,    // ["YYYY-MM-DD", ...]
    ObjectArray,  // [{...}]: each element holds exactly the descriptor's `items` fields
};

// What a string field names, so the CLI and CSV read 三年级1班 / 王伟（T0101）/ 数学 instead of ids.
enum class FieldRef { None, Class, Teacher, Term, Subject };

struct FieldDescriptor {
    std::string_view key;                  // JSON body key: "class_id"
    FieldType type = FieldType::String;
    bool required = false;
    FieldRef ref = FieldRef::None;         // with StringArray: a list of those (subject codes)
    std::string_view csv = {};             // English CSV header and CLI option (--at-home): "class"
    std::string_view csvZh = {};           // Chinese CSV headers, canonical first, '|' between aliases
    std::string_view unit = {};            // "min", "h", "学时", "students", "" for none
    std::optional<double> min = {};        // the range validation enforces (hard); nullopt: none
    std::optional<double> max = {};
    std::string_view fallback = {};        // the value an absent optional field means ("true", "0")
    std::string_view meaning = {};         // English, for the data dictionary
    std::string_view yesZh = {}, noZh = {};  // a boolean in the record summary: 书面 / 非书面
    std::string_view yesEn = {}, noEn = {};
    std::span<const FieldDescriptor> items = {};  // ObjectArray: the fields of each element
};

// The policy areas (core/policy_*.cpp) whose rules read a kind.
enum PolicyArea : unsigned {
    kPolicyHomework = 1u << 0,
    kPolicySleep = 1u << 1,
    kPolicyActivity = 1u << 2,
    kPolicyTimetable = 1u << 3,
    kPolicyTraining = 1u << 4,
};

struct KindDescriptor {
    Kind kind;
    std::string_view name;      // wire / storage / CLI name: "homework"
    std::string_view nameZh;    // 作业 (the client shows nameZh or nameEn by its language)
    std::string_view nameEn;    // Homework
    // Reference data describes the school (class, teacher, term, subject); the rest is what the
    // school records and inspectors count.
    bool reference = false;
    // One record per class per school day, counted on the Today page and by the county's
    // "days with records": homework, sleep, activity.
    bool daily = false;
    // The body field holding the school-local day the record is about (indexed as the record's
    // day), or "" when the kind has none.
    std::string_view dateKey = {};
    // Body fields whose values together must be unique among a school's live records, '|' between
    // them ("class_id|date|subject"); "" when the kind has no uniqueness key. Text compared as
    // typed (full-width folded, trimmed) when `foldKey`.
    std::string_view uniqueKey = {};
    bool foldKey = false;
    // A body field that, when set, frees the record's key for others: a graduated class
    // (archived_from) leaves its name to the class that moves up into it. "" for none.
    std::string_view keyReleasedBy = {};
    // `taizhang record / import / export` and the CSV of the Reports page handle the kind.
    bool csv = false;
    unsigned policyAreas = 0;
    std::span<const FieldDescriptor> fields;
    // One line for the records browser: {field} is replaced by the field's display value
    // (names for references, the yes/no words for booleans, numbers as written).
    std::string_view summaryZh = {};
    std::string_view summaryEn = {};
};

const KindDescriptor& describe(Kind kind);
std::span<const KindDescriptor> kindDescriptors();  // every kind, in enum order

std::string_view kindName(Kind kind);
std::optional<Kind> kindFromName(std::string_view name);
const std::vector<Kind>& allKinds();    // enum order
const std::vector<Kind>& dailyKinds();  // homework, sleep, activity
// The field `key` of `kind`, or nullptr.
const FieldDescriptor* findFieldDescriptor(Kind kind, std::string_view key);
// "时长|分钟" -> {"时长", "分钟"}
std::vector<std::string_view> splitAliases(std::string_view list);

}  // namespace taizhang
