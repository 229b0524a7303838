// Late reports (issue 13, "late (after a deadline the county sets)"): the county keeps the first
// arrival of each record; a class-day whose homework or activity first arrived after the
// county's deadline is late, in the day summaries (overview) and in the school's grid alike, on
// both backends. Arrivals are the real server's clock: a record of today is in time for a
// next-day deadline, one of six days ago is not.
#include <gtest/gtest.h>

#include "clock.h"
#include "county_admin.h"
#include "county_fixture.h"
#include "day_summary.h"
#include "report.h"
#include "reporting_deadline.h"
#include "storage.h"

using namespace taizhang::testing;
using taizhang::Date;
using taizhang::Kind;
using taizhang::recordFromJson;
using namespace taizhang::server;

namespace {

constexpr const char* kSchool = "3201020001";

Date today() { return taizhang::localDate(taizhang::SystemClock::instance().nowUnixMillis()); }

std::int64_t lateInOverview(Storage& storage, const Date& from, const Date& to)
{
    for (const auto& s : buildCountyOverview(storage, from, to, today()).schools)
        if (s.school.code == kSchool) return s.lateClassDays;
    return -1;
}

std::map<std::pair<std::string, Date>, std::string> lateInGrid(Storage& storage, const Date& from, const Date& to)
{
    return buildCountyReport(storage, from, to, std::string(kSchool), today()).schools.at(0).lateClassDays;
}

void setDeadline(Storage& storage, const std::string& days, const std::string& time)
{
    const auto checked = checkDeadline(days, time);
    ASSERT_TRUE(checked.problems.empty());
    storeCountyConfig(storage, kDeadlineConfigKey, checked.value, "2026-11-30T00:00:00.000Z");
}

class LateReportsTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override
    {
        db_ = std::make_unique<TestDatabase>(GetParam());
        server_ = std::make_unique<ServerProcess>(*db_);
        device_ = enroll(*db_, *server_, kSchool);
    }
    // The ack's server_time: when the county received the batch.
    std::string post(const std::vector<Json>& records)
    {
        auto client = server_->client();
        const auto key = newId();
        auto res = postBatch(client, device_, key, makeBatch(device_, key, records, nextSeq_));
        nextSeq_ += static_cast<std::int64_t>(records.size());
        EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
        if (!res) return {};
        const auto ack = Json::parse(res->body);
        EXPECT_EQ(ack["counts"]["rejected"], 0) << res->body;
        return ack["server_time"].get<std::string>();
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<ServerProcess> server_;
    Enrolled device_;
    std::int64_t nextSeq_ = 1;
};

TEST_P(LateReportsTest, GIVEN_a_day_six_days_old_sent_now_WHEN_the_county_sets_a_next_day_deadline_THEN_that_class_day_is_late_in_summaries_and_grid_and_today_is_not)
{
    const auto dev = device_.deviceId;
    // Six days back: a next-day deadline passed long ago, a 7-day one is more than a day away
    // (so the test gives the same answer whenever it runs, midnight included).
    const Date now = today(), weekAgo = now.addDays(-6);
    const auto a = newId(), b = newId(), oldHw = newId(), todayHw = newId();
    post({classRecord(a, dev), classRecord(b, dev, 1, "三年级2班")});
    const std::string firstArrival = post({homeworkRecord(oldHw, a, dev, 1, 20, weekAgo.toString()),
                                           homeworkRecord(todayHw, a, dev, 1, 20, now.toString()),
                                           homeworkRecord(newId(), b, dev, 1, 20, now.toString())});
    auto storage = openStorage(db_->target(), 1);
    // No deadline set: nothing is late.
    EXPECT_EQ(lateInOverview(*storage, weekAgo, now), 0);
    EXPECT_TRUE(lateInGrid(*storage, weekAgo, now).empty());

    // The county sets "the next day 09:00": the summaries are rebuilt with it.
    setDeadline(*storage, "1", "09:00");
    EXPECT_EQ(lateInOverview(*storage, weekAgo, now), 1);
    EXPECT_EQ(lateInOverview(*storage, now, now), 0);
    const auto grid = lateInGrid(*storage, weekAgo, now);
    ASSERT_EQ(grid.size(), 1u);
    EXPECT_EQ(grid.begin()->first, std::make_pair(a, weekAgo));
    EXPECT_EQ(grid.begin()->second, firstArrival);

    // An edit arrives later: the first arrival stays (still late, same time); a new record of a
    // week ago for class b is late too, and counted at ingest.
    const std::string secondArrival = post({homeworkRecord(oldHw, a, dev, 2, 25, weekAgo.toString()),
                                            homeworkRecord(todayHw, a, dev, 2, 25, now.toString()),
                                            homeworkRecord(newId(), b, dev, 1, 20, weekAgo.toString())});
    ASSERT_NE(secondArrival, firstArrival);
    EXPECT_EQ(storage->firstArrivals(kSchool, weekAgo.toString(), weekAgo.toString()).at(oldHw), firstArrival);
    EXPECT_EQ(storage->firstArrivals(kSchool, now.toString(), now.toString()).at(todayHw), firstArrival);
    EXPECT_EQ(lateInOverview(*storage, weekAgo, now), 2);
    const auto after = lateInGrid(*storage, weekAgo, now);
    EXPECT_EQ(after.size(), 2u);
    EXPECT_EQ(after.at({a, weekAgo}), firstArrival);
    EXPECT_EQ(after.at({b, weekAgo}), secondArrival);

    // A deadline 7 days after the day would have been met; with none, nothing is late again.
    setDeadline(*storage, "7", "23:59");
    EXPECT_EQ(lateInOverview(*storage, weekAgo, now), 0);
    storeCountyConfig(*storage, kDeadlineConfigKey, "null", "2026-11-30T00:00:00.000Z");
    EXPECT_EQ(lateInOverview(*storage, weekAgo, now), 0);
    EXPECT_TRUE(lateInGrid(*storage, weekAgo, now).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, LateReportsTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

// ---- The deadline itself (no database) ----------------------------------------------------------

TEST(ReportingDeadline, GIVEN_the_next_day_at_09_00_WHEN_the_due_instant_is_computed_THEN_it_is_01_00_UTC_of_the_next_day)
{
    const ReportingDeadline next{1, 9 * 60};
    EXPECT_EQ(taizhang::formatUtcTimestamp(deadlineMillis(next, *Date::parse("2026-11-23"))), "2026-11-24T01:00:00.000Z");
    const ReportingDeadline sameEvening{0, 21 * 60 + 30};
    EXPECT_EQ(taizhang::formatUtcTimestamp(deadlineMillis(sameEvening, *Date::parse("2026-11-23"))), "2026-11-23T13:30:00.000Z");
    EXPECT_EQ(utcTimestampMillis("2026-11-24T01:00:00.001Z"), deadlineMillis(next, *Date::parse("2026-11-23")) + 1);
    EXPECT_EQ(describeDeadline(next, true), "次日 09:00（北京时间）");
}

TEST(ReportingDeadline, GIVEN_bad_form_input_WHEN_checked_THEN_each_problem_is_named_in_chinese_and_nothing_is_stored)
{
    const auto tooLate = checkDeadline("8", "09:00");
    ASSERT_EQ(tooLate.problems.size(), 1u);
    EXPECT_EQ(tooLate.problems[0].message.zh, "截止天数应为 0 到 7 之间的整数（0 表示当天，1 表示次日）");
    EXPECT_TRUE(tooLate.value.empty());
    EXPECT_EQ(checkDeadline("1", "9:00").problems.at(0).message.zh, "截止时间应为 时:分，如 09:00");
    EXPECT_EQ(checkDeadline("1", "24:00").problems.size(), 1u);
    EXPECT_EQ(checkDeadline("", "").problems.size(), 2u);
    EXPECT_EQ(checkDeadline("0", "08:00").problems.at(0).message.zh, "当天截止的时间不能早于 12:00（作业在晚上登记）");
    const auto ok = checkDeadline("0", "21:30");
    EXPECT_TRUE(ok.problems.empty());
    EXPECT_EQ(parseStoredDeadline(ok.value), (ReportingDeadline{0, 21 * 60 + 30}));
    EXPECT_EQ(parseStoredDeadline("null"), std::nullopt);
}

taizhang::Record homework(const std::string& id, const std::string& classId, const std::string& date, bool deleted = false)
{
    Json j = homeworkRecord(id, classId, "dev", 1, 20, date);
    j["deleted"] = deleted;
    return recordFromJson(j);
}

TEST(ReportingDeadline, GIVEN_arrivals_around_the_deadline_WHEN_late_class_days_are_counted_THEN_only_a_first_arrival_after_it_is_late)
{
    LateClassDays late(ReportingDeadline{1, 9 * 60});
    // Class a: exactly at the deadline (in time). Class b: one millisecond after (late). Class c:
    // sent in time, deleted and sent again later (the earliest counts: in time). Class d: first
    // arrival unknown (stored before migration 7): never late. Class e: only a deleted late record.
    late.add(homework("1", "a", "2026-11-23"), "2026-11-24T01:00:00.000Z");
    late.add(homework("2", "b", "2026-11-23"), "2026-11-24T01:00:00.001Z");
    late.add(homework("3", "c", "2026-11-23", true), "2026-11-23T12:00:00.000Z");
    late.add(homework("4", "c", "2026-11-23"), "2026-11-25T12:00:00.000Z");
    late.add(homework("5", "d", "2026-11-23"), std::nullopt);
    late.add(homework("6", "e", "2026-11-23", true), "2026-11-26T12:00:00.000Z");
    const auto result = late.late();
    ASSERT_EQ(result.size(), 1u);
    EXPECT_EQ(result.begin()->first, std::make_pair(std::string("b"), *Date::parse("2026-11-23")));
}

}  // namespace
