#pragma once
// Policy checks: given a school's records over a date range, the structured findings an inspector
// would raise (policy-rules.md). Pure functions over a plain PolicyDataset so the county server
// can build one from its own database; loadPolicyDataset() builds one from the client database.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "date.h"
#include "policy_overrides.h"
#include "records.h"
#include "rule_set.h"
#include "school.h"

namespace taizhang {

class RecordStore;

enum class Severity {
    Hard,  // breaks a binding rule
    Soft,  // 应达到 / 一般 / progress hint: a warning, never a refusal
};
std::string_view severityName(Severity s);  // "hard" | "soft"

struct Finding {
    std::string ruleId;     // stable: "homework.g3_6_cap", "activity.total_2025", ...
    std::string scopeKind;  // "class" | "teacher" | "school"
    std::string scopeId;    // class id / teacher id / school code
    std::string period;     // "day" | "week" | "term" | "window"
    Date date;              // the day; the Monday of the week; the term start; the as-of date
    std::string termId;     // timetable findings: the term whose weekly plan is checked
    std::string expected;   // "<= 60 min", ">= 360 学时"
    std::string actual;     // "75 min"
    double expectedValue = 0;
    double actualValue = 0;
    Severity severity = Severity::Hard;
    std::string source;     // document(s) setting the rule
    std::string ruleSetId;  // "national-2025" (+ "+county" when an override changed the value)
    std::string reason;     // over-cap reasons recorded with the entries, if any
    std::vector<std::string> recordIds;  // records behind the finding
    std::string messageZh;
    std::string messageEn;
};
Json toJson(const Finding& f);

template <class T> struct Identified {
    std::string id;
    T value;
};

// Everything the checks read. Only live (non-deleted) records belong here.
struct PolicyDataset {
    std::optional<SchoolProfile> school;
    std::unordered_map<std::string, SchoolClass> classes;
    std::unordered_map<std::string, Teacher> teachers;
    std::unordered_map<std::string, Term> terms;
    std::vector<Identified<Homework>> homework;
    std::vector<Identified<SleepSurvey>> sleep;
    std::vector<Identified<PhysicalActivity>> activity;
    std::vector<Identified<TimetableSlot>> timetable;
    std::vector<Identified<TrainingRecord>> training;  // all of them: the 5-year window looks back

    // Adds a record of any kind (ignored when deleted or of the wrong shape); returns false when
    // the body could not be read.
    bool add(const Record& record);
};

// Loads reference data, the daily records in [from, to], every timetable slot and every
// training record from the client database.
PolicyDataset loadPolicyDataset(const RecordStore& store, const Date& from, const Date& to);

// The school calendar: in a term, not in a holiday, Monday-Friday or one of the term's 调休
// working weekend days. Without any term, Monday-Friday count as school days (the server may
// not hold the calendar yet).
class SchoolCalendar {
public:
    explicit SchoolCalendar(const std::unordered_map<std::string, Term>& terms);
    bool isSchoolDay(const Date& day) const;
    // A Saturday or Sunday that is a school day (调休).
    bool isMakeUpWorkday(const Date& day) const;
    // The id of the term containing the day, or "".
    std::string termOf(const Date& day) const;
    bool inHoliday(const Date& day) const;

private:
    std::vector<std::pair<std::string, Term>> terms_;
};

// Runs every check over [from, to] (inclusive). Findings come sorted by date, then scope.
std::vector<Finding> runPolicyChecks(const PolicyDataset& data, const Date& from, const Date& to,
                                     const CountyOverrides& overrides = {});

// The individual checks (runPolicyChecks calls all of them).
std::vector<Finding> checkHomework(const PolicyDataset& data, const Date& from, const Date& to,
                                   const CountyOverrides& overrides);
std::vector<Finding> checkSleep(const PolicyDataset& data, const Date& from, const Date& to,
                                const CountyOverrides& overrides);
std::vector<Finding> checkActivity(const PolicyDataset& data, const Date& from, const Date& to,
                                   const CountyOverrides& overrides);
std::vector<Finding> checkTimetable(const PolicyDataset& data, const Date& from, const Date& to,
                                    const CountyOverrides& overrides);
std::vector<Finding> checkTraining(const PolicyDataset& data, const Date& asOf, const CountyOverrides& overrides);
// 作息时间: a term whose first lesson starts before 08:20 (primary) / 08:00 (junior): soft (一般).
std::vector<Finding> checkMorningStart(const PolicyDataset& data, const Date& from, const Date& to);

// ---- Helpers for the client UI ----------------------------------------------------------------

// The daily written-homework cap in minutes for a grade on a day: G1-2 -> 0 (applies to written
// homework at home only), G3-6 -> 60, G7-9 -> 90, or the county's stricter value.
int homeworkCapMinutes(int grade, const Date& day, const CountyOverrides& overrides = {});
// Whether an entry's minutes count against its class-day's written-homework cap (作业管理通知):
// written work only, and in grades 1-2 only written work at home (in-school consolidation is
// allowed). checkHomework, the Ledger's over-cap refusal and the client's day totals all ask this.
bool homeworkCountsAgainstCap(int grade, const Homework& entry);
// Sum of the minutes that count against the cap for one class-day (written; at home for G1-2).
int homeworkCountedMinutes(int grade, const std::vector<Homework>& entries);
// The findings of the homework cap (homework.g1_2_written_at_home, g3_6_cap, g7_9_cap), so that a
// report counting "classes over the homework cap" need not know the rule ids.
bool isHomeworkCapRule(std::string_view ruleId);
// Whether a class-day's entries break the cap (the row the ledger needs a reason for).
bool homeworkOverCap(int grade, const Date& day, const std::vector<Homework>& entries,
                     const CountyOverrides& overrides = {});

// The homework rule as a 作业公示 sheet quotes it: the documents (source::kHomework) and the caps in
// force on that day, the county's stricter values included, so the sheet on the wall says exactly
// what the ledger checks. Chinese and English.
struct RuleQuote {
    std::string zh;
    std::string en;
};
RuleQuote homeworkPublicationRule(const Date& day, const CountyOverrides& overrides = {});

double sleepStandardHours(int grade, const Date& day, const CountyOverrides& overrides = {});
// "08:20" -> 500 minutes after midnight; nullopt unless HH:MM.
std::optional<int> minutesOfDay(const std::string& hhmm);

struct TrainingProgress {
    Date asOf;
    Date windowStart;          // first day counted: asOf - 5 years + 1 day
    double hoursInWindow = 0;  // courses whose end date lies in [windowStart, asOf]
    double requiredHours = 360;
    bool fullCycleServed = true;  // hired on or before windowStart
    double hoursLast12Months = 0;
    double yearlyHintHours = 72;
    // Probation year = [hireDate, hireDate + 1 year - 1 day].
    bool inProbation = false;
    Date probationEnd;
    double probationHours = 0;  // courses ending inside the probation year
    double probationRequired = 120;
    // "On track for 360 学时": the one meaning the client (Training and Today pages) and the
    // county report share. The hours in the window reach the cycle's hours pro rata to the days
    // the teacher has served inside the window: all 360 once a whole cycle is served, about 72
    // for a teacher hired a year ago, a day's share (0.2) for one hired today. For a teacher who
    // served the whole cycle this is exactly the policy's completion rule (policy-rules.md:
    // >= 360 学时 in the rolling 5-year window).
    double expectedHoursToDate = 360;
    bool onTrack = false;
};
TrainingProgress trainingProgress(const Teacher& teacher, const std::vector<TrainingRecord>& trainings,
                                  const Date& asOf, const CountyOverrides& overrides = {});

}  // namespace taizhang
