#pragma once
// Field validation of every record kind, shared by the client (Ledger), the CLI importer and the
// county server, which validates untrusted NDJSON bodies with this same code. Each problem has a
// stable code ("homework.minutes_negative") that callers may match on, the field it concerns and
// a message in Chinese (UI) and English (logs, CLI). docs/data-dictionary.md lists the codes.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "date.h"
#include "records.h"
#include "school.h"

namespace taizhang {

enum class IssueSeverity {
    Error,    // the record is refused; nothing is written
    Warning,  // shown to the user, the record is still accepted
};

struct ValidationIssue {
    std::string code;       // stable, e.g. "sleep.reaching_exceeds_surveyed"
    std::string field;      // body field ("minutes"), "" for the record as a whole
    std::string messageZh;
    std::string messageEn;
    IssueSeverity severity = IssueSeverity::Error;
};

// What the rules need to know about the school besides the record itself. Maps are keyed by
// record id (custom subjects by their code).
struct ValidationContext {
    std::optional<SchoolProfile> school;
    std::unordered_map<std::string, SchoolClass> classes;
    std::unordered_map<std::string, Teacher> teachers;
    std::unordered_map<std::string, Term> terms;
    std::unordered_map<std::string, CustomSubject> customSubjects;  // by code ("local:...")
    std::optional<Date> today;  // school-local; nullopt skips the "in the future" checks

    // Uniqueness: returns the id of a live record holding this uniqueness key (see
    // uniquenessKey()), or nullopt. The record being validated is excluded by id by the caller's
    // lookup or by validateRecord (a hit on the record's own id is not a duplicate).
    std::function<std::optional<std::string>(const std::string& key)> findByKey;

    // The county server sees a school's records in arrival order, so a daily record may arrive
    // before the class it names: it can turn off reference checks (unknown class / teacher /
    // term) and the term-calendar checks when it does not hold that data.
    bool checkReferences = true;
    bool checkCalendar = true;
};

// Strict shape of a body: required fields present, JSON types right, no unknown fields, dates
// in YYYY-MM-DD. Runs first; semantic checks only run on a body of the right shape.
std::vector<ValidationIssue> validateShape(Kind kind, const Json& body);

// The body without the fields this build does not know for `kind` (a copy). The county checks a
// record written under a newer record schema than its own this way: what it knows strictly,
// the rest kept opaque (docs/sync-protocol.md, "Forward compatibility").
Json knownFieldsOnly(Kind kind, const Json& body);

// Shape + semantics. Returns errors and warnings; hasErrors() tells whether to refuse.
// A tombstone (meta.deleted) is checked for shape only.
std::vector<ValidationIssue> validateRecord(const Record& record, const ValidationContext& ctx);

// Same, for a body not yet wrapped in a record (id = "" means a new record).
std::vector<ValidationIssue> validateBody(Kind kind, const Json& body, const ValidationContext& ctx,
                                          const std::string& recordId = "");

bool hasErrors(const std::vector<ValidationIssue>& issues);

// The key under which a record must be unique within a school, or "" when the kind has none
// (the fields are the kind's uniqueKey in record_kinds.h):
//   homework  "homework|<class>|<date>|<subject>"
//   sleep     "sleep|<class>|<date>"         activity "activity|<class>|<date>"
//   timetable "timetable|<class>|<term>|<weekday>|<period>"
//   class     "class|<name>" (full-width folded, trimmed): a name must find one class
//   teacher   "teacher|<staff_number>" (only when a staff number is set; folded and trimmed)
//   subject   "subject|<code>"
// A body of the wrong shape yields "".
std::string uniquenessKey(Kind kind, const Json& body);

// 学校标识码 (10 digits), county code (6 digits), type primary | junior | nine_year, a name.
std::vector<ValidationIssue> validateSchoolProfile(const SchoolProfile& profile);
bool isValidSchoolCode(std::string_view code);
bool isValidCountyCode(std::string_view code);

// The upper bounds that make a value absurd (kMaxHomeworkMinutes ...) live in record_kinds.h.

// One line "code: English message" per issue, for logs and CLI output.
std::string describeIssues(const std::vector<ValidationIssue>& issues);
Json toJson(const ValidationIssue& issue);

}  // namespace taizhang
