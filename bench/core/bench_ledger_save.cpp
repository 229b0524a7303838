// (a) Saving one record through the Ledger (validation + record + audit + outbox in one
// transaction), as a teacher does for tonight's homework: median and p99 latency.
#include <benchmark/benchmark.h>

#include <chrono>

#include "bench_support.h"
#include "demo_data.h"
#include "ledger.h"
#include "subjects.h"

using namespace taizhang;

static void BM_LedgerSaveOneHomework(benchmark::State& state)
{
    bench::ScratchDir dir;
    Database db = Database::open(dir.file("save.db"));
    ManualClock clock(unixMillisAt(Date{2027, 1, 15}));
    DemoOptions options;
    options.today = Date{2026, 10, 31};  // a demo term with data until October...
    options.flaws = false;
    const auto demo = createDemoSchool(db, clock, options);
    Ledger ledger(db, clock);
    const ChangeContext ctx{"bench", ensureDeviceId(db, clock), ""};

    // ...and November-January free for new entries: one per (class, day, subject).
    struct Slot {
        std::string classId;
        Date day;
        std::string subject;
    };
    std::vector<Slot> slots;
    for (Date d{2026, 11, 2}; d <= Date{2027, 1, 14}; d = d.addDays(1)) {
        if (d.isoWeekday() > 5 || d == Date{2027, 1, 1}) continue;
        for (const auto& [name, id] : demo.classIds)
            for (const char* subject : {"music", "fine_art", "pe", "labour", "moral"}) slots.push_back({id, d, subject});
    }
    std::vector<double> micros;
    micros.reserve(slots.size());
    std::size_t next = 0;
    for (auto _ : state) {
        if (next == slots.size()) {
            state.SkipWithError("ran out of free homework slots");
            break;
        }
        const Slot& s = slots[next++];
        Homework h{s.classId, s.day, s.subject, 10, false, true, "练习", "", ""};
        const auto start = std::chrono::steady_clock::now();
        auto result = ledger.save(Kind::Homework, Json(h), ctx);
        const auto end = std::chrono::steady_clock::now();
        if (!result.ok()) {
            state.SkipWithError(("refused: " + describeIssues(result.issues)).c_str());
            break;
        }
        micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
    }
    state.counters["median_us"] = bench::percentile(micros, 0.50);
    state.counters["p99_us"] = bench::percentile(micros, 0.99);
    state.counters["records_in_db"] = static_cast<double>(ledger.store().outboxCount());
}
BENCHMARK(BM_LedgerSaveOneHomework)->Iterations(2000)->Unit(benchmark::kMicrosecond);
