// The console's overview reads per-school, per-day summaries that ingest keeps (issue 13, scale):
// on both backends they must say exactly what core's checks over the stored records say, after
// creations, edits that move a record, deletions, a class whose grade changes, and a rebuild of
// the summaries of a database that had none (county migration 5).
#include <gtest/gtest.h>

#include "county_fixture.h"
#include "county_schema.h"
#include "database.h"
#include "day_summary.h"
#include "pg_connection.h"
#include "report.h"
#include "storage.h"

using namespace taizhang::testing;
using taizhang::Date;
using taizhang::Severity;
using namespace taizhang::server;

namespace {

constexpr const char* kSchool = "3201020001";
const Date kFrom = *Date::parse("2026-11-09"), kTo = *Date::parse("2026-11-22"), kToday = *Date::parse("2026-11-27");

// What the overview shows of one school, from either source.
struct Figures {
    std::int64_t dailyRecords = 0;
    std::vector<Date> missingDays;
    std::int64_t hard = 0, soft = 0;
    std::map<std::string, std::int64_t> byRule;
    bool operator==(const Figures&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Figures& f)
{
    out << "records " << f.dailyRecords << ", missing";
    for (const auto& d : f.missingDays) out << " " << d.toString();
    out << ", hard " << f.hard << ", soft " << f.soft << ", rules";
    for (const auto& [rule, n] : f.byRule) out << " " << rule << "=" << n;
    return out;
}

Figures fromSummaries(Storage& storage)
{
    const auto overview = buildCountyOverview(storage, kFrom, kTo, kToday);
    Figures f;
    for (const auto& s : overview.schools)
        if (s.school.code == kSchool) f = {s.dailyRecords, s.missingDays, s.findingsHard, s.findingsSoft, {}};
    for (const auto& [rule, total] : overview.byRule) f.byRule[rule] = total.findings;
    return f;
}

// The same figures from core's checks over every stored record, as the report computes them;
// the overview counts the daily ledger's findings (period "day").
Figures fromRecords(Storage& storage)
{
    const auto report = buildCountyReport(storage, kFrom, kTo, std::string(kSchool), kToday);
    const auto& s = report.schools.at(0);
    Figures f{s.dailyRecordsInRange, s.missingDays, 0, 0, {}};
    for (const auto& finding : s.findings) {
        if (finding.period != "day") continue;
        (finding.severity == Severity::Hard ? f.hard : f.soft)++;
        ++f.byRule[finding.ruleId];
    }
    return f;
}

class DaySummaryTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override
    {
        db_ = std::make_unique<TestDatabase>(GetParam());
        server_ = std::make_unique<ServerProcess>(*db_);
        device_ = enroll(*db_, *server_, kSchool);
    }
    void post(const std::vector<Json>& records)
    {
        auto client = server_->client();
        const auto key = newId();
        auto res = postBatch(client, device_, key, makeBatch(device_, key, records, nextSeq_));
        nextSeq_ += static_cast<std::int64_t>(records.size());
        ASSERT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
        ASSERT_EQ(Json::parse(res->body)["counts"]["rejected"], 0) << res->body;
    }
    Json deleted(Json record, int version)
    {
        record["deleted"] = true;
        record["version"] = version;
        return record;
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<ServerProcess> server_;
    Enrolled device_;
    std::int64_t nextSeq_ = 1;
};

TEST_P(DaySummaryTest, GIVEN_batches_that_create_move_and_delete_records_WHEN_the_overview_is_read_THEN_it_says_what_core_says_over_the_records)
{
    const auto dev = device_.deviceId;
    const auto a = newId(), b = newId(), over = newId(), moved = newId(), gone = newId();
    post({classRecord(a, dev), classRecord(b, dev, 1, "三年级2班")});
    post({homeworkRecord(newId(), a, dev, 1, 20, "2026-11-09"), homeworkRecord(newId(), b, dev, 1, 20, "2026-11-09"),
          homeworkRecord(over, a, dev, 1, 70, "2026-11-10"), homeworkRecord(moved, b, dev, 1, 30, "2026-11-11"),
          homeworkRecord(gone, a, dev, 1, 30, "2026-11-12"), homeworkRecord(newId(), a, dev, 1, 20, "2026-11-16")});
    auto storage = openStorage(db_->target(), 1);
    const Figures first = fromSummaries(*storage);
    EXPECT_EQ(first, fromRecords(*storage));
    EXPECT_EQ(first.dailyRecords, 6);
    EXPECT_EQ(first.hard, 1) << first;  // 70 minutes in grade 4 on 11-10
    EXPECT_EQ(first.missingDays.size(), 5u) << first;  // 11-13 and 11-17..11-20

    // The record of 11-11 moves to the next week, the one of 11-12 is deleted, the over-cap
    // day is fixed: the old days lose them, the new day gains one.
    post({homeworkRecord(moved, b, dev, 2, 30, "2026-11-18"), deleted(homeworkRecord(gone, a, dev, 1, 30, "2026-11-12"), 2),
          homeworkRecord(over, a, dev, 2, 40, "2026-11-10")});
    const Figures second = fromSummaries(*storage);
    EXPECT_EQ(second, fromRecords(*storage));
    EXPECT_EQ(second.dailyRecords, 5);
    EXPECT_EQ(second.hard, 0) << second;
    const std::vector<Date> missing{*Date::parse("2026-11-11"), *Date::parse("2026-11-12"), *Date::parse("2026-11-13"),
                                    *Date::parse("2026-11-17"), *Date::parse("2026-11-19"), *Date::parse("2026-11-20")};
    EXPECT_EQ(second.missingDays, missing);
}

TEST_P(DaySummaryTest, GIVEN_a_day_over_the_cap_WHEN_only_the_class_record_changes_grade_THEN_the_days_findings_are_recomputed)
{
    const auto dev = device_.deviceId;
    const auto cls = newId();
    post({classRecord(cls, dev)});
    post({homeworkRecord(newId(), cls, dev, 1, 80, "2026-11-10"), homeworkRecord(newId(), cls, dev, 1, 20, "2026-11-17")});
    auto storage = openStorage(db_->target(), 1);
    EXPECT_EQ(fromSummaries(*storage).hard, 1);

    Json junior = classRecord(cls, dev, 2, "七年级1班");
    junior["body"]["grade"] = 7;  // cap 90 minutes: 80 is within it
    post({junior});
    const Figures after = fromSummaries(*storage);
    EXPECT_EQ(after, fromRecords(*storage));
    EXPECT_EQ(after.hard, 0) << after;
}

TEST_P(DaySummaryTest, GIVEN_a_database_whose_summaries_are_missing_WHEN_it_is_opened_after_migration_5_THEN_they_are_built_from_the_records)
{
    const auto dev = device_.deviceId;
    const auto cls = newId();
    post({classRecord(cls, dev), homeworkRecord(newId(), cls, dev, 1, 75, "2026-11-10"),
          homeworkRecord(newId(), cls, dev, 1, 20, "2026-11-11"), homeworkRecord(newId(), cls, dev, 1, 20, "2026-11-19")});
    const Figures expected = fromRecords(*openStorage(db_->target(), 1));
    server_.reset();

    // As a database that main had before migration 5 leaves it: records, no summaries, and the
    // marker the migration writes.
    const char* wipe = "DELETE FROM day_summaries; DELETE FROM day_findings;"
                       " UPDATE config SET value = 'rebuild' WHERE key = 'day_summaries';";
    if (GetParam() == "sqlite") {
        auto raw = taizhang::Database::open(db_->target(), sqliteCountyMigrations());
        raw.exec(wipe);
    } else {
        PgConnection raw(db_->target());
        raw.execScript(wipe);
    }
    {
        auto storage = openStorage(db_->target(), 1);
        EXPECT_EQ(storage->configValue(kSummariesConfigKey), "current");
        const Figures rebuilt = fromSummaries(*storage);
        EXPECT_EQ(rebuilt, expected);
        EXPECT_EQ(rebuilt.hard, 1) << rebuilt;
        EXPECT_EQ(rebuilt.dailyRecords, 3);
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, DaySummaryTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
