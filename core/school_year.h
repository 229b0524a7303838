#pragma once
// School years (issue 11): the new-school-year step (promote, graduate, open entry classes, add
// the year's terms, carry timetables over as drafts) planned first and then applied in one
// transaction; teachers leaving and rejoining with dates. The CLI (`taizhang year`, `teacher
// leave|rejoin`) and the client's 新学年 page call these, so both do exactly the same.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "ledger.h"
#include "records.h"
#include "school.h"

namespace taizhang {

struct Problem {
    std::string zh;
    std::string en;
};

// ---- Teachers -------------------------------------------------------------------------------------

// The teacher is away from `from` on: "left" (离职) or "transferred" (调出). Their records and
// training stay; the completion rate stops counting them from that day. Returns the problem
// when the teacher is already away then.
std::optional<Problem> teacherLeaves(Teacher& teacher, const Date& from, const std::string& reason);
// The teacher works at the school again from `day` on (the open away period ends the day before).
std::optional<Problem> teacherRejoins(Teacher& teacher, const Date& day);

// ---- New school year ----------------------------------------------------------------------------

// "三年级1班" -> "四年级1班", "初一(2)班" -> "初二(2)班"; a name without a grade word stays.
std::string promotedClassName(const std::string& name, int fromGrade, int toGrade);
// "一年级3班", "七年级1班".
std::string entryClassName(int grade, int number);

struct ClassStep {
    enum class Action { Promote, Graduate, Create };
    Action action = Action::Promote;
    std::string classId;  // "" for Create
    std::int64_t version = 0;
    int fromGrade = 0;
    int toGrade = 0;
    std::string fromName;
    std::string toName;
};

struct YearStartOptions {
    Date start;                     // first day of the new school year, e.g. 2027-09-01
    std::map<int, int> entryClasses;  // 1 / 7 -> how many new classes; absent = as many as this year's
    std::vector<Term> terms;        // the year's terms; empty = the county's published calendar
    bool copyTimetables = true;
};

struct YearPlan {
    Date start;
    std::string yearName;                 // "2027-2028学年"
    std::vector<ClassStep> classes;       // graduations first, then promotions (top grade down), then new classes
    std::vector<Term> terms;              // to add
    std::string termsSource;              // "county" | "given" | "" (none: add them later)
    std::string copyFromTermId, copyFromTermName;
    std::vector<TimetableSlot> drafts;    // timetable drafts for the first new term (term_id filled on apply)
    int slotsDropped = 0;                 // subjects the class no longer takes in its new grade
    std::vector<Problem> problems;        // any problem refuses the whole step
    std::vector<Problem> notes;           // shown in the preview, nothing refused

    int count(ClassStep::Action a) const;
    bool ok() const { return problems.empty(); }
};

// What the step would do, read from the database (nothing written). countyTerms: the calendar the
// county published through GET /v1/config (SyncState::terms), used when options.terms is empty.
YearPlan planSchoolYear(const RecordStore& store, const std::optional<SchoolProfile>& school,
                        const YearStartOptions& options, const std::vector<Term>& countyTerms);

struct YearStartResult {
    bool ok = false;
    std::vector<ValidationIssue> issues;  // why nothing was written
    int promoted = 0, graduated = 0, created = 0, terms = 0, drafts = 0;  // not "slots": a Qt keyword
};

// Applies the plan in ONE transaction through the Ledger (every change validated, audited and
// queued for the county); on any refusal nothing at all is written.
YearStartResult startSchoolYear(Database& db, Ledger& ledger, const YearPlan& plan, const ChangeContext& ctx);

// The first day of the latest school year started with startSchoolYear: the latest day a class
// was opened (a new entry class) or archived (graduated); none when no year was ever started.
// The client proposes the following year instead of one that is already running.
std::optional<Date> latestSchoolYearStart(const RecordStore& store);

// The county's calendar as SyncState keeps it (JSON array of terms); unreadable -> empty.
std::vector<Term> countyTermsFromJson(const std::string& json);

}  // namespace taizhang
