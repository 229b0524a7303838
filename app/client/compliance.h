#pragma once
// The client's window onto core's policy code (policy.h): caps, findings and training progress
// converted to what the pages show. No rule is decided here; this file only picks the records
// to check and translates Finding into UiFinding.
#include <map>
#include <string>
#include <vector>

#include <QString>
#include <QVariantMap>

#include "date.h"
#include "policy.h"
#include "records.h"

namespace taizhang {

class AppContext;

struct UiFinding {
    QString severity;  // "hard" (red) | "soft" (amber)
    QString rule;      // stable rule id and the expected value
    QString source;    // the document that sets it
    QString message;   // in the UI language
    QVariantMap toVariant() const
    {
        return {{"severity", severity}, {"rule", rule}, {"source", source}, {"message", message}};
    }
};
UiFinding toUiFinding(const AppContext& app, const Finding& f);

// Minutes of written homework allowed for this class on this day (county overrides applied).
int writtenHomeworkCap(const AppContext& app, int grade, const Date& day);
// Whether a homework row counts against the written-homework cap for this grade.
bool countsAgainstCap(int grade, const Homework& h);

// Findings for one class-day (homework, activity, sleep) from the stored records.
std::vector<UiFinding> classDayFindings(AppContext& app, const std::string& classId, const Date& day);
// The findings these (possibly unsaved) records of one class-day would raise: the entry forms
// show them before saving. Only this class-day's records are read, never the whole ledger.
std::vector<UiFinding> previewFindings(AppContext& app, const std::string& classId, const Date& day,
                                       const std::vector<Record>& records);
// The whole school's findings of one day, by class id (one dataset load for the Today page).
std::map<std::string, std::vector<UiFinding>> schoolDayFindings(AppContext& app, const Date& day);

// Findings of one class's weekly timetable for a term (lessons as edited, saved or not).
std::vector<UiFinding> timetableFindings(AppContext& app, const std::string& classId, const std::string& termId,
                                         const std::vector<TimetableSlot>& lessons);

TrainingProgress trainingStatus(const AppContext& app, const Teacher& teacher,
                                const std::vector<TrainingRecord>& trainings, const Date& asOf);

}  // namespace taizhang
