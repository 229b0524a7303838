// (c) Policy checks over a school year: 30 classes x 190 school days x 6 subjects of homework,
// daily activity, weekly sleep surveys, a timetable per class and term, five years of training
// per teacher. Measured on the in-memory dataset (the checks themselves) and including loading
// the dataset from the client database (what `taizhang check` does).
#include <benchmark/benchmark.h>

#include "bench_support.h"
#include "policy.h"
#include "record_store.h"
#include "subjects.h"

using namespace taizhang;

namespace {
struct YearData {
    PolicyDataset data;
    Date from{2026, 9, 1};
    Date to{2027, 7, 10};
    std::size_t homeworkRows = 0;
};

YearData makeYear()
{
    YearData y;
    auto& d = y.data;
    d.school = SchoolProfile{"2133010601", "bench", "330106", "nine_year", kChinaUtcOffsetMinutes};
    d.terms["t1"] = Term{"autumn", Date{2026, 9, 1}, Date{2027, 1, 22}, {{"国庆节", Date{2026, 10, 1}, Date{2026, 10, 7}}}};
    d.terms["t2"] = Term{"spring", Date{2027, 2, 22}, Date{2027, 7, 10}, {{"劳动节", Date{2027, 5, 1}, Date{2027, 5, 5}}}};
    SchoolCalendar calendar(d.terms);
    std::vector<Date> days;
    for (Date x = y.from; x <= y.to && days.size() < 190; x = x.addDays(1))
        if (calendar.isSchoolDay(x)) days.push_back(x);
    for (int i = 0; i < 60; ++i)
        d.teachers["teacher-" + std::to_string(i)] = Teacher{"T" + std::to_string(i), "S" + std::to_string(i), {"math"},
                                                             Date{2010 + i % 12, 8, 28}, true};
    for (int c = 0; c < 30; ++c) {
        const int grade = c % 9 + 1;
        const std::string id = "class-" + std::to_string(c);
        d.classes[id] = SchoolClass{grade, "class " + std::to_string(c), 45, defaultSubjectsForGrade(grade)};
        const auto subjects = defaultSubjectsForGrade(grade);
        for (const auto& day : days) {
            for (std::size_t s = 0; s < 6; ++s)
                d.homework.push_back({id + day.toString() + std::to_string(s),
                                      Homework{id, day, subjects[s % subjects.size()], 9, s < 4, true, "", "", ""}});
            d.activity.push_back({id + day.toString() + "a", PhysicalActivity{id, day, 40, 60, 2, 40, 30}});
            if (day.isoWeekday() == 1)
                d.sleep.push_back({id + day.toString() + "s", SleepSurvey{id, day, 44, 40, grade <= 6 ? 10.2 : 9.2}});
        }
        for (const char* term : {"t1", "t2"}) {
            int period = 0;
            for (int weekday = 1; weekday <= 5; ++weekday)
                for (int p = 1; p <= 6; ++p, ++period)
                    d.timetable.push_back({id + term + std::to_string(period),
                                           TimetableSlot{id, term, weekday, p, subjects[static_cast<std::size_t>(period) % subjects.size()], ""}});
        }
    }
    for (int i = 0; i < 60; ++i)
        for (int year = 2022; year <= 2027; ++year)
            d.training.push_back({"tr" + std::to_string(i) + "-" + std::to_string(year),
                                  TrainingRecord{"teacher-" + std::to_string(i), Date{year, 7, 15}, Date{year, 7, 24},
                                                 "summer", "county", "in_person", 72, ""}});
    y.homeworkRows = d.homework.size();
    return y;
}
}  // namespace

static void BM_PolicyChecksSchoolYearInMemory(benchmark::State& state)
{
    const YearData y = makeYear();
    std::size_t findings = 0;
    for (auto _ : state) {
        auto f = runPolicyChecks(y.data, y.from, y.to);
        findings = f.size();
        benchmark::DoNotOptimize(f);
    }
    state.counters["homework_rows"] = static_cast<double>(y.homeworkRows);
    state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_PolicyChecksSchoolYearInMemory)->Unit(benchmark::kMillisecond);

// The same year stored in a client database: load (SQLite + JSON) and check, as `taizhang check`.
static void BM_PolicyChecksSchoolYearFromDatabase(benchmark::State& state)
{
    const YearData y = makeYear();
    bench::ScratchDir dir;
    Database db = Database::open(dir.file("year.db"));
    ManualClock clock(unixMillisAt(Date{2027, 7, 10}));
    RecordStore store(db, clock);
    // Records keep the dataset's ids in the bodies' references (class-N, teacher-N, t1/t2), which
    // is all loadPolicyDataset needs; RecordStore (not the Ledger) because this measures reading.
    std::vector<NewRecord> batch;
    auto add = [&](Kind k, const Json& body) { batch.push_back({k, body}); };
    for (const auto& h : y.data.homework) add(Kind::Homework, Json(h.value));
    for (const auto& a : y.data.activity) add(Kind::Activity, Json(a.value));
    for (const auto& s : y.data.sleep) add(Kind::Sleep, Json(s.value));
    for (const auto& t : y.data.timetable) add(Kind::Timetable, Json(t.value));
    for (const auto& t : y.data.training) add(Kind::Training, Json(t.value));
    store.createMany(batch, ChangeContext{"bench", "bench", ""});
    // Reference rows whose record ids match the ids the daily bodies use.
    {
        auto tx = db.beginWrite();
        db.exec("INSERT OR IGNORE INTO actors(name) VALUES('bench')");
        auto insert = db.prepare("INSERT INTO records(id, kind, version, created_at, updated_at, author, device, "
                                 "deleted, body) VALUES(?,?,1,'','',(SELECT n FROM actors WHERE name = 'bench'),"
                                 "(SELECT n FROM actors WHERE name = 'bench'),0,?)");
        for (const auto& [id, c] : y.data.classes) insert.reset(), insert.bind(1, id).bind(2, "class").bind(3, Json(c).dump()).run();
        for (const auto& [id, t] : y.data.teachers) insert.reset(), insert.bind(1, id).bind(2, "teacher").bind(3, Json(t).dump()).run();
        for (const auto& [id, t] : y.data.terms) insert.reset(), insert.bind(1, id).bind(2, "term").bind(3, Json(t).dump()).run();
        tx.commit();
    }
    std::size_t findings = 0;
    for (auto _ : state) {
        const auto data = loadPolicyDataset(store, y.from, y.to);
        auto f = runPolicyChecks(data, y.from, y.to);
        findings = f.size();
        benchmark::DoNotOptimize(f);
    }
    state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_PolicyChecksSchoolYearFromDatabase)->Unit(benchmark::kMillisecond);
