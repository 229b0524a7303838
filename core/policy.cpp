// The policy runner, the school calendar and the dataset every check reads.
#include "policy.h"

#include <algorithm>
#include <tuple>

#include "record_store.h"

namespace taizhang {

std::string_view severityName(Severity s) { return s == Severity::Hard ? "hard" : "soft"; }

Json toJson(const Finding& f)
{
    Json j{{"rule", f.ruleId},
           {"scope", {{"kind", f.scopeKind}, {"id", f.scopeId}, {"period", f.period}, {"date", f.date.toString()}}},
           {"expected", f.expected},
           {"actual", f.actual},
           {"expected_value", f.expectedValue},
           {"actual_value", f.actualValue},
           {"severity", severityName(f.severity)},
           {"source", f.source},
           {"rule_set", f.ruleSetId},
           {"message_zh", f.messageZh},
           {"message_en", f.messageEn},
           {"record_ids", f.recordIds}};
    if (!f.termId.empty()) j["scope"]["term_id"] = f.termId;
    if (!f.reason.empty()) j["reason"] = f.reason;
    return j;
}

bool PolicyDataset::add(const Record& r)
{
    if (r.meta.deleted) return true;
    try {
        switch (r.kind) {
        case Kind::SchoolClass: classes[r.meta.id] = r.body.get<SchoolClass>(); break;
        case Kind::Teacher: teachers[r.meta.id] = r.body.get<Teacher>(); break;
        case Kind::Term: terms[r.meta.id] = r.body.get<Term>(); break;
        case Kind::Subject: break;  // custom courses carry no policy figure
        case Kind::Homework: homework.push_back({r.meta.id, r.body.get<Homework>()}); break;
        case Kind::Sleep: sleep.push_back({r.meta.id, r.body.get<SleepSurvey>()}); break;
        case Kind::Activity: activity.push_back({r.meta.id, r.body.get<PhysicalActivity>()}); break;
        case Kind::Timetable: timetable.push_back({r.meta.id, r.body.get<TimetableSlot>()}); break;
        case Kind::Training: training.push_back({r.meta.id, r.body.get<TrainingRecord>()}); break;
        }
    } catch (const std::exception&) {
        return false;
    }
    return true;
}

PolicyDataset loadPolicyDataset(const RecordStore& store, const Date& from, const Date& to)
{
    PolicyDataset data;
    data.school = loadSchoolProfile(const_cast<RecordStore&>(store).database());
    for (Kind k : {Kind::SchoolClass, Kind::Teacher, Kind::Term, Kind::Timetable, Kind::Training}) {
        RecordQuery q;
        q.kind = k;
        for (const auto& r : store.query(q)) data.add(r);
    }
    for (Kind k : dailyKinds()) {
        RecordQuery q;
        q.kind = k;
        q.from = from;
        q.to = to;
        for (const auto& r : store.query(q)) data.add(r);
    }
    return data;
}

SchoolCalendar::SchoolCalendar(const std::unordered_map<std::string, Term>& terms) : terms_(terms.begin(), terms.end())
{
    std::sort(terms_.begin(), terms_.end(), [](const auto& a, const auto& b) { return a.second.start < b.second.start; });
}

std::string SchoolCalendar::termOf(const Date& day) const
{
    for (const auto& [id, t] : terms_)
        if (day >= t.start && day <= t.end) return id;
    return {};
}

bool SchoolCalendar::inHoliday(const Date& day) const
{
    for (const auto& [id, t] : terms_) {
        if (day < t.start || day > t.end) continue;
        for (const auto& h : t.holidays)
            if (day >= h.start && day <= h.end) return true;
    }
    return false;
}

bool SchoolCalendar::isSchoolDay(const Date& day) const
{
    if (terms_.empty()) return day.isoWeekday() <= 5;
    const Term* term = nullptr;
    for (const auto& [id, t] : terms_)
        if (day >= t.start && day <= t.end) term = &t;
    if (!term || inHoliday(day)) return false;
    if (day.isoWeekday() <= 5) return true;
    // 调休: a Saturday or Sunday the calendar makes a working day (the weekend before 国庆).
    return std::find(term->workdays.begin(), term->workdays.end(), day) != term->workdays.end();
}

bool SchoolCalendar::isMakeUpWorkday(const Date& day) const { return day.isoWeekday() >= 6 && isSchoolDay(day); }

std::vector<Finding> runPolicyChecks(const PolicyDataset& data, const Date& from, const Date& to,
                                     const CountyOverrides& overrides)
{
    std::vector<Finding> out = checkHomework(data, from, to, overrides);
    auto append = [&](std::vector<Finding>&& more) {
        out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    };
    append(checkSleep(data, from, to, overrides));
    append(checkActivity(data, from, to, overrides));
    append(checkTimetable(data, from, to, overrides));
    append(checkTraining(data, to, overrides));
    append(checkMorningStart(data, from, to));
    // Sort an index, then move each finding once: findings are large, and a year of data can
    // produce thousands of them.
    std::vector<std::size_t> order(out.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const Finding& a = out[x];
        const Finding& b = out[y];
        return std::tie(a.date, a.scopeKind, a.scopeId, a.ruleId) < std::tie(b.date, b.scopeKind, b.scopeId, b.ruleId);
    });
    std::vector<Finding> sorted;
    sorted.reserve(out.size());
    for (std::size_t i : order) sorted.push_back(std::move(out[i]));
    return sorted;
}

}  // namespace taizhang
