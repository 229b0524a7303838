#include "compliance.h"

#include "app_context.h"
#include "qt_convert.h"

namespace taizhang {

namespace {

bool isClassDayFinding(const Finding& f, const std::string& classId)
{
    return f.scopeKind == "class" && f.scopeId == classId && f.period == "day";
}

// A dataset holding the reference data the checks need for one class, plus the given records.
PolicyDataset classDataset(const AppContext& app, const ClassInfo& c, const std::vector<Record>& records)
{
    PolicyDataset data;
    data.school = app.profile();
    data.classes.emplace(c.id, c.body);
    for (const auto& [id, term] : app.termsById()) data.terms.emplace(id, term);
    for (const auto& r : records)
        if (!r.meta.deleted) data.add(r);
    return data;
}

}  // namespace

UiFinding toUiFinding(const AppContext& app, const Finding& f)
{
    const bool en = app.language() == QLatin1String("en");
    return {qs(std::string(severityName(f.severity))),
            f.expected.empty() ? qs(f.ruleId) : QString("%1 (%2)").arg(qs(f.ruleId), qs(f.expected)), qs(f.source),
            qs(en ? f.messageEn : f.messageZh)};
}

int writtenHomeworkCap(const AppContext& app, int grade, const Date& day)
{
    return homeworkCapMinutes(grade, day, app.overrides());
}

bool countsAgainstCap(int grade, const Homework& h) { return homeworkCountsAgainstCap(grade, h); }

std::vector<UiFinding> classDayFindings(AppContext& app, const std::string& classId, const Date& day)
{
    return previewFindings(app, classId, day, app.store().query(RecordQuery{.from = day, .to = day, .classId = classId}));
}

std::vector<UiFinding> previewFindings(AppContext& app, const std::string& classId, const Date& day,
                                       const std::vector<Record>& records)
{
    std::vector<UiFinding> out;
    const ClassInfo* c = app.findClass(classId);
    if (!c) return out;
    PolicyDataset data = classDataset(app, *c, records);
    for (const auto& f : runPolicyChecks(data, day, day, app.overrides()))
        if (isClassDayFinding(f, classId)) out.push_back(toUiFinding(app, f));
    return out;
}

std::map<std::string, std::vector<UiFinding>> schoolDayFindings(AppContext& app, const Date& day)
{
    std::map<std::string, std::vector<UiFinding>> out;
    PolicyDataset data;
    data.school = app.profile();
    for (const auto& c : app.classes()) data.classes.emplace(c.id, c.body);
    for (const auto& [id, term] : app.termsById()) data.terms.emplace(id, term);
    // The day's daily records only (three indexed queries); timetable and training findings are
    // shown on their own pages.
    for (Kind k : dailyKinds())
        for (const auto& r : app.store().query(RecordQuery{.kind = k, .from = day, .to = day})) data.add(r);
    for (const auto& f : runPolicyChecks(data, day, day, app.overrides()))
        if (f.scopeKind == "class" && f.period == "day") out[f.scopeId].push_back(toUiFinding(app, f));
    return out;
}

std::vector<UiFinding> timetableFindings(AppContext& app, const std::string& classId, const std::string& termId,
                                         const std::vector<TimetableSlot>& lessons)
{
    std::vector<UiFinding> out;
    const ClassInfo* c = app.findClass(classId);
    const auto& terms = app.termsById();
    auto term = terms.find(termId);
    if (!c || term == terms.end()) return out;
    PolicyDataset data = classDataset(app, *c, {});
    int n = 0;
    for (const auto& s : lessons) data.timetable.push_back({"slot" + std::to_string(n++), s});
    for (const auto& f : checkTimetable(data, term->second.start, term->second.end, app.overrides()))
        if (f.scopeId == classId) out.push_back(toUiFinding(app, f));
    return out;
}

TrainingProgress trainingStatus(const AppContext& app, const Teacher& teacher,
                                const std::vector<TrainingRecord>& trainings, const Date& asOf)
{
    return trainingProgress(teacher, trainings, asOf, app.overrides());
}

}  // namespace taizhang
