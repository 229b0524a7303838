// (b) Bulk import of 100k homework rows through the CLI's import path (decode, CSV parse, field
// conversion, Ledger validation, record + audit + outbox rows in one transaction), against the
// rate of plain prepared INSERTs of the same rows into a bare SQLite table in the same run.
#include <benchmark/benchmark.h>

#include <chrono>
#include <ctime>
#include <sstream>

#include "bench_support.h"
#include "csv.h"
#include "demo_data.h"
#include "importer.h"
#include "record_store.h"

using namespace taizhang;

namespace {
constexpr std::size_t kRows = 100000;

// Process CPU time: the machine running the benchmarks is shared, so wall time includes waiting
// for other processes; CPU time is reported alongside it.
double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

struct Row {
    std::string className, classId, date, subject;
    int minutes;
    bool atHome;
};

// Five school years of a 30-class school give ~28k class-days; four entries each (written,
// 10 minutes: under every cap) make 100k distinct (class, day, subject) rows.
std::vector<Row> makeRows(const DemoSummary& demo, Database& db, const Clock& clock)
{
    RecordStore store(db, clock);
    RecordQuery q;
    q.kind = Kind::Term;
    std::vector<Term> terms;
    for (const auto& r : store.query(q)) terms.push_back(bodyAs<Term>(r));
    q.kind = Kind::SchoolClass;
    std::vector<std::pair<std::string, SchoolClass>> classes;
    for (const auto& r : store.query(q)) classes.emplace_back(r.meta.id, bodyAs<SchoolClass>(r));
    std::vector<Row> rows;
    rows.reserve(kRows);
    for (const auto& t : terms) {
        for (Date d = t.start; d <= t.end && rows.size() < kRows; d = d.addDays(1)) {
            bool holiday = d.isoWeekday() > 5;
            for (const auto& h : t.holidays) holiday = holiday || (d >= h.start && d <= h.end);
            if (holiday) continue;
            for (const auto& [id, c] : classes)
                for (const char* subject : {"chinese", "math", "moral", "music"}) {
                    if (rows.size() == kRows) break;
                    rows.push_back({c.name, id, d.toString(), subject, 10, c.grade > 2});
                }
        }
    }
    (void)demo;
    return rows;
}

std::string toCsv(const std::vector<Row>& rows)
{
    std::ostringstream out;
    CsvWriter w(out);
    w.row({"class", "date", "subject", "minutes", "written", "at_home", "content"});
    for (const auto& r : rows)
        w.row({r.className, r.date, r.subject, std::to_string(r.minutes), "yes", r.atHome ? "yes" : "no", "练习册一页"});
    return out.str();
}

struct School {
    bench::ScratchDir dir;
    ManualClock clock{unixMillisAt(Date{2027, 1, 15})};
    std::string path = dir.file("import.db");
    DemoSummary demo;

    School()
    {
        Database db = Database::open(path);
        DemoOptions o;
        o.classes = 30;
        o.schoolYears = 5;
        o.today = Date{2022, 8, 31};  // reference data only: the rows come from the CSV
        o.flaws = false;
        demo = createDemoSchool(db, clock, o);
    }
};
}  // namespace

static void BM_ImportHomeworkCsv100k(benchmark::State& state)
{
    double importSeconds = 0, rawSeconds = 0, importCpu = 0, rawCpu = 0;
    std::size_t written = 0;
    for (auto _ : state) {
        state.PauseTiming();
        School school;
        Database db = Database::open(school.path);
        const auto rows = makeRows(school.demo, db, school.clock);
        const std::string csv = toCsv(rows);
        state.ResumeTiming();

        auto start = std::chrono::steady_clock::now();
        double cpuStart = cpuSeconds();
        const auto report = cli::importCsv(db, school.clock, Kind::Homework, csv);
        importSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        importCpu += cpuSeconds() - cpuStart;
        if (!report.ok()) {
            state.SkipWithError(("import refused: " + cli::describe(report.problems.front())).c_str());
            break;
        }
        written += report.written;

        // Baseline: the same rows, prepared INSERTs into a bare table of the same database file
        // (same WAL and synchronous settings), one transaction.
        state.PauseTiming();
        db.exec("CREATE TABLE raw_homework(id TEXT PRIMARY KEY, class_id TEXT, day TEXT, subject TEXT, "
                "minutes INTEGER, written INTEGER, at_home INTEGER, content TEXT)");
        state.ResumeTiming();
        start = std::chrono::steady_clock::now();
        cpuStart = cpuSeconds();
        {
            auto tx = db.beginWrite();
            auto insert = db.prepare("INSERT INTO raw_homework VALUES(?,?,?,?,?,?,?,?)");
            std::size_t i = 0;
            for (const auto& r : rows) {
                insert.reset();
                insert.bind(1, std::to_string(i++))
                    .bind(2, r.classId)
                    .bind(3, r.date)
                    .bind(4, r.subject)
                    .bind(5, r.minutes)
                    .bind(6, 1)
                    .bind(7, r.atHome ? 1 : 0)
                    .bind(8, "练习册一页")
                    .run();
            }
            tx.commit();
        }
        rawSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        rawCpu += cpuSeconds() - cpuStart;
    }
    const double importRate = static_cast<double>(written) / importSeconds;
    const double rawRate = static_cast<double>(written) / rawSeconds;
    state.counters["import_rows_per_s"] = importRate;
    state.counters["raw_insert_rows_per_s"] = rawRate;
    state.counters["import_vs_raw_pct"] = 100.0 * importRate / rawRate;
    state.counters["import_rows_per_cpu_s"] = static_cast<double>(written) / importCpu;
    state.counters["raw_rows_per_cpu_s"] = static_cast<double>(written) / rawCpu;
    state.counters["cpu_import_vs_raw_pct"] = 100.0 * rawCpu / importCpu;
}
BENCHMARK(BM_ImportHomeworkCsv100k)->Iterations(1)->Unit(benchmark::kMillisecond);
