#pragma once
// The rule look-ups the client needs to show caps and findings, in one place, so that the pages
// never hard-code a number. Delegates to core's policy code (policy.h) for the rules themselves.
#include <map>
#include <string>
#include <vector>

#include <QString>
#include <QVariantMap>

#include "date.h"
#include "records.h"

namespace taizhang {

class AppContext;

struct UiFinding {
    QString severity;  // "hard" (red) | "soft" (amber)
    QString rule;      // short rule name
    QString source;    // the document that sets it
    QString message;   // in the UI language
    QVariantMap toVariant() const
    {
        return {{"severity", severity}, {"rule", rule}, {"source", source}, {"message", message}};
    }
};

// Minutes of written homework allowed for this class on this day (county overrides applied).
int writtenHomeworkCap(AppContext& app, int grade, const Date& day);
// Whether a homework row counts against the written-homework cap for this grade.
bool countsAgainstCap(int grade, const Homework& h);

// Findings for one class-day (homework, activity, sleep), from core's policy checks.
std::vector<UiFinding> classDayFindings(AppContext& app, const std::string& classId, const Date& day);
// The findings these (possibly unsaved) records of one class-day would raise: the entry forms
// show them before saving.
std::vector<UiFinding> previewFindings(AppContext& app, const std::string& classId, const Date& day,
                                       const std::vector<Record>& records);

// Findings of one class's weekly timetable (lesson counts per subject code).
std::vector<UiFinding> timetableFindings(int grade, const std::map<std::string, int>& weeklyCounts);

// A teacher's progress towards 360 学时 in the rolling five years and 120 学时 in the probation
// year, as of a day.
struct TrainingStatus {
    double hoursInWindow = 0;
    double requiredHours = 360;
    bool inProbation = false;
    double probationHours = 0;
    double probationRequired = 120;
    double hoursLast12Months = 0;
};
TrainingStatus trainingStatus(const Teacher& teacher, const std::vector<TrainingRecord>& trainings, const Date& asOf);

}  // namespace taizhang
