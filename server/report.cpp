#include "report.h"

#include <set>

#include "county_policy.h"
#include "csv.h"

namespace taizhang::server {
namespace {

using Json = nlohmann::json;

SchoolReport schoolReport(Storage& storage, const SchoolRow& school, const Date& from, const Date& to,
                          const Date& today, const CountyOverrides& overrides,
                          const std::unordered_map<std::string, Term>& fallbackTerms,
                          const std::optional<ReportingDeadline>& deadline)
{
    SchoolReport r;
    r.school = school;
    r.lastSync = storage.lastSync(school.code);
    r.recordsByKind = storage.countByKind(school.code);
    r.conflicts = storage.conflictCount(school.code);

    PolicyDataset data;
    data.school = SchoolProfile{school.code, school.name, school.countyCode, school.type};
    std::set<Date> daysWithRecords;
    // 无作业 marks and real homework per class-day. Each computer's ledger keeps a mark the day's
    // only homework, but two computers of one school may each send one kind for the same day:
    // then the homework stands and the grid shows it (the school sees both and removes the mark).
    std::set<std::pair<std::string, Date>> markedNone, setHomework;
    r.deadline = deadline;
    std::optional<LateClassDays> late;
    FirstArrivals arrivals;
    if (deadline) {
        late.emplace(*deadline);
        arrivals = storage.firstArrivals(school.code, from.toString(), to.toString());
    }
    auto add = [&](const Record& record) {
        if (late)
            if (auto it = arrivals.find(record.meta.id); it != arrivals.end()) late->add(record, it->second);
        if (!data.add(record) || record.meta.deleted) return;
        if (describe(record.kind).daily)
            if (auto day = record.date()) {
                daysWithRecords.insert(*day);
                if (*day >= from && *day <= to) ++r.dailyRecordsInRange;
                if (record.kind == Kind::Homework) {
                    r.homeworkClassDays.insert({record.classId(), *day});
                    (bodyAs<Homework>(record).none ? markedNone : setHomework).insert({record.classId(), *day});
                }
                if (record.kind == Kind::Activity) r.activityClassDays.insert({record.classId(), *day});
            }
    };
    for (const auto& json : storage.recordJsons({school.code, std::nullopt, from.toString(), to.toString()})) {
        Record record = recordFromJson(Json::parse(json));
        if (record.kind != Kind::Training) add(record);  // read in full below
    }
    // Training looks back five years, whatever the report's range.
    for (const auto& json : storage.recordJsons({school.code, std::string(kindName(Kind::Training)), std::nullopt,
                                                 std::nullopt}))
        add(recordFromJson(Json::parse(json)));
    if (data.terms.empty()) data.terms = fallbackTerms;
    if (late) r.lateClassDays = late->late();
    for (const auto& classDay : markedNone)
        if (!setHomework.count(classDay)) r.noHomeworkClassDays.insert(classDay);

    const SchoolCalendar calendar(data.terms);
    for (Date d = from; d <= to; d = d.addDays(1)) {
        if (!calendar.isSchoolDay(d)) continue;
        r.schoolDays.push_back(d);
        if (d <= today && !daysWithRecords.count(d)) r.missingDays.push_back(d);
    }
    for (const auto& [id, cls] : data.classes) r.classList.emplace(id, cls);

    r.findings = runPolicyChecks(data, from, to, overrides);
    std::set<std::string> overCap;
    for (const auto& f : r.findings)
        if (f.scopeKind == "class" && f.severity == Severity::Hard && isHomeworkCapRule(f.ruleId)) overCap.insert(f.scopeId);
    r.classes = static_cast<int>(data.classes.size());
    r.classesOverHomeworkCap = static_cast<int>(overCap.size());
    for (const auto& [id, teacher] : data.teachers) {
        // A teacher who left or transferred out counts until the day before (never retroactively).
        if (!teacher.employedOn(to)) continue;
        ++r.teachers;
        std::vector<TrainingRecord> own;
        for (const auto& t : data.training)
            if (t.value.teacherId == id) own.push_back(t.value);
        if (trainingProgress(teacher, own, to, overrides).onTrack) ++r.teachersOnTrack360;
    }
    return r;
}

double share(int part, int whole) { return whole ? static_cast<double>(part) / whole : 0.0; }

}  // namespace

CountyReport buildCountyReport(Storage& storage, const Date& from, const Date& to,
                               const std::optional<std::string>& schoolCode, const Date& today)
{
    CountyReport report{from, to, {}, 0, 0, 0, 0};
    const auto overrides = storedCountyOverrides(storage);
    const auto terms = storedCountyTerms(storage);
    const auto deadline = storedReportingDeadline(storage);
    for (const auto& school : storage.listSchools()) {
        if (schoolCode && school.code != *schoolCode) continue;
        report.schools.push_back(schoolReport(storage, school, from, to, today, overrides, terms, deadline));
        const auto& s = report.schools.back();
        report.classes += s.classes;
        report.classesOverHomeworkCap += s.classesOverHomeworkCap;
        report.teachers += s.teachers;
        report.teachersOnTrack360 += s.teachersOnTrack360;
    }
    return report;
}

Json reportToJson(const CountyReport& report)
{
    Json schools = Json::array();
    for (const auto& s : report.schools) {
        Json missing = Json::array(), findings = Json::array();
        for (const auto& d : s.missingDays) missing.push_back(d.toString());
        for (const auto& f : s.findings) findings.push_back(toJson(f));
        schools.push_back({{"school_code", s.school.code}, {"name", s.school.name},
                           {"last_sync", s.lastSync ? Json(*s.lastSync) : Json()},
                           {"records", s.recordsByKind}, {"conflicts", s.conflicts},
                           {"days_missing", s.missingDays.size()}, {"missing_days", missing},
                           {"late_class_days", s.lateClassDays.size()},
                           {"findings_count", s.findings.size()}, {"findings", findings},
                           {"classes", s.classes}, {"classes_over_homework_cap", s.classesOverHomeworkCap},
                           {"teachers", s.teachers}, {"teachers_on_track_360h", s.teachersOnTrack360}});
    }
    return Json{{"from", report.from.toString()}, {"to", report.to.toString()}, {"schools", schools},
                {"county",
                 {{"schools", report.schools.size()}, {"classes", report.classes},
                  {"classes_over_homework_cap", report.classesOverHomeworkCap},
                  {"share_classes_over_homework_cap", share(report.classesOverHomeworkCap, report.classes)},
                  {"teachers", report.teachers}, {"teachers_on_track_360h", report.teachersOnTrack360},
                  {"share_teachers_on_track_360h", share(report.teachersOnTrack360, report.teachers)}}}};
}

void writeReportCsv(const CountyReport& report, std::ostream& out)
{
    CsvWriter csv(out);
    std::vector<std::string> header{"school_code", "name", "last_sync", "records_total", "days_missing",
                                    "findings_hard", "findings_soft", "conflicts", "classes",
                                    "classes_over_homework_cap", "teachers", "teachers_on_track_360h"};
    for (const auto kind : allKinds()) header.push_back("records_" + std::string(kindName(kind)));
    csv.row(header);
    auto row = [&](const std::string& code, const std::string& name, const std::string& lastSync,
                   const std::map<std::string, std::int64_t>& byKind, std::size_t missing, int hard, int soft,
                   std::int64_t conflicts, int classes, int over, int teachers, int onTrack) {
        std::int64_t total = 0;
        for (const auto& [k, n] : byKind) total += n;
        std::vector<std::string> fields{code, name, lastSync, std::to_string(total), std::to_string(missing),
                                        std::to_string(hard), std::to_string(soft), std::to_string(conflicts),
                                        std::to_string(classes), std::to_string(over), std::to_string(teachers),
                                        std::to_string(onTrack)};
        for (const auto kind : allKinds()) {
            auto it = byKind.find(std::string(kindName(kind)));
            fields.push_back(std::to_string(it == byKind.end() ? 0 : it->second));
        }
        csv.row(fields);
    };
    std::map<std::string, std::int64_t> countyKinds;
    std::size_t countyMissing = 0;
    int countyHard = 0, countySoft = 0;
    std::int64_t countyConflicts = 0;
    for (const auto& s : report.schools) {
        int hard = 0, soft = 0;
        for (const auto& f : s.findings) (f.severity == Severity::Hard ? hard : soft)++;
        row(s.school.code, s.school.name, s.lastSync.value_or(""), s.recordsByKind, s.missingDays.size(), hard, soft,
            s.conflicts, s.classes, s.classesOverHomeworkCap, s.teachers, s.teachersOnTrack360);
        for (const auto& [k, n] : s.recordsByKind) countyKinds[k] += n;
        countyMissing += s.missingDays.size();
        countyHard += hard;
        countySoft += soft;
        countyConflicts += s.conflicts;
    }
    row("county", "", "", countyKinds, countyMissing, countyHard, countySoft, countyConflicts, report.classes,
        report.classesOverHomeworkCap, report.teachers, report.teachersOnTrack360);
}

}  // namespace taizhang::server
