#pragma once
// Builders shared by the validation, policy and ledger tests.
#include <string>
#include <vector>

#include "policy.h"
#include "records.h"
#include "subjects.h"
#include "validation.h"

namespace taizhang::testing {

inline Date d(const char* text) { return *Date::parse(text); }

inline SchoolClass makeClass(int grade, int students = 40, const std::string& name = "")
{
    SchoolClass c;
    c.grade = grade;
    c.name = name.empty() ? std::to_string(grade) + "年级1班" : name;
    c.students = students;
    c.subjects = defaultSubjectsForGrade(grade);
    return c;
}

// Autumn term 2026 (Mon 2026-09-01 .. 2027-01-15) with the National Day holiday.
inline Term autumnTerm2026()
{
    Term t;
    t.name = "2026-2027学年第一学期";
    t.start = d("2026-09-01");
    t.end = d("2027-01-15");
    t.holidays.push_back(Holiday{"国庆节", d("2026-10-01"), d("2026-10-07")});
    return t;
}

// Spring/autumn terms around the 2025 rule change.
inline Term term(const char* name, const char* start, const char* end)
{
    Term t;
    t.name = name;
    t.start = d(start);
    t.end = d(end);
    return t;
}

inline Homework homework(const std::string& classId, const char* date, const std::string& subject, int minutes,
                         bool written = true, bool atHome = true)
{
    Homework h;
    h.classId = classId;
    h.date = d(date);
    h.subject = subject;
    h.minutes = minutes;
    h.written = written;
    h.atHome = atHome;
    return h;
}

inline SleepSurvey sleepSurvey(const std::string& classId, const char* date, double hours, int surveyed = 40,
                               int reaching = 30)
{
    SleepSurvey s;
    s.classId = classId;
    s.date = d(date);
    s.surveyed = surveyed;
    s.reachingStandard = reaching;
    s.averageHours = hours;
    return s;
}

inline Teacher teacher(const char* name, const char* hired, bool fullTime = true)
{
    Teacher t;
    t.name = name;
    t.staffNumber = std::string("T-") + name;
    t.hireDate = d(hired);
    t.fullTime = fullTime;
    t.subjects = {"math"};
    return t;
}

inline TrainingRecord training(const std::string& teacherId, const char* start, const char* end, double hours)
{
    TrainingRecord t;
    t.teacherId = teacherId;
    t.start = d(start);
    t.end = d(end);
    t.title = "培训";
    t.level = "county";
    t.mode = "in_person";
    t.hours = hours;
    return t;
}

inline std::vector<Finding> withRule(const std::vector<Finding>& all, const std::string& rule)
{
    std::vector<Finding> out;
    for (const auto& f : all)
        if (f.ruleId == rule) out.push_back(f);
    return out;
}

inline bool hasCode(const std::vector<ValidationIssue>& issues, const std::string& code)
{
    for (const auto& i : issues)
        if (i.code == code) return true;
    return false;
}

inline const ValidationIssue* findCode(const std::vector<ValidationIssue>& issues, const std::string& code)
{
    for (const auto& i : issues)
        if (i.code == code) return &i;
    return nullptr;
}

}  // namespace taizhang::testing
