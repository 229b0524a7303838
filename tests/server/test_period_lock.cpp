// An approved week is locked at ingest (issue 13): changes to records dated in it are refused per
// record with period_locked; resends of what is stored stay duplicates; reopening unlocks.
#include <gtest/gtest.h>

#include "county_fixture.h"
#include "storage.h"

using namespace taizhang::testing;
using taizhang::server::openStorage;

namespace {

class PeriodLockTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override
    {
        db_ = std::make_unique<TestDatabase>(GetParam());
        server_ = std::make_unique<ServerProcess>(*db_);
        device_ = enroll(*db_, *server_, "3201020001");
    }
    Json post(const std::vector<Json>& records)
    {
        auto client = server_->client();
        const auto key = newId();
        auto res = postBatch(client, device_, key, makeBatch(device_, key, records, nextSeq_));
        nextSeq_ += static_cast<std::int64_t>(records.size());
        EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
        return res ? Json::parse(res->body) : Json();
    }
    void review(const std::string& state)
    {
        openStorage(db_->target(), 1)->setPeriodReview({"3201020001", "2026-11-16", state, "", "s1", "李审核",
                                                        "2026-11-24T01:00:00.000Z"});
    }
    static std::vector<std::string> lockedIds(const Json& ack)
    {
        std::vector<std::string> ids;
        for (const auto& e : ack["exceptions"])
            if (e["code"] == "period_locked") ids.push_back(e["id"]);
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<ServerProcess> server_;
    Enrolled device_;
    std::int64_t nextSeq_ = 1;
};

TEST_P(PeriodLockTest, GIVEN_an_approved_week_WHEN_records_dated_in_it_change_THEN_each_is_refused_period_locked_until_reopened)
{
    const auto cls = newId(), inWeek = newId(), nextWeek = newId();
    const auto dev = device_.deviceId;
    post({classRecord(cls, dev), homeworkRecord(inWeek, cls, dev, 1, 20, "2026-11-17"),
          homeworkRecord(nextWeek, cls, dev, 1, 20, "2026-11-24")});
    review("approved");

    const auto added = newId(), after = newId();
    const Json ack = post({homeworkRecord(inWeek, cls, dev, 1, 20, "2026-11-17"),      // resend: duplicate
                           homeworkRecord(inWeek, cls, dev, 2, 35, "2026-11-17"),      // edit in the week
                           homeworkRecord(added, cls, dev, 1, 20, "2026-11-18"),       // new in the week
                           homeworkRecord(nextWeek, cls, dev, 2, 20, "2026-11-19"),    // moved into the week
                           homeworkRecord(after, cls, dev, 1, 20, "2026-11-25"),       // outside: accepted
                           classRecord(cls, dev, 2, "三年级一班")});                    // no date: accepted
    EXPECT_EQ(ack["counts"], (Json{{"created", 1}, {"updated", 1}, {"duplicate", 1}, {"rejected", 3}, {"conflict", 0}}));
    std::vector<std::string> expected{inWeek, added, nextWeek};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(lockedIds(ack), expected);

    review("reopened");
    const Json reopened = post({homeworkRecord(inWeek, cls, dev, 2, 35, "2026-11-17")});
    EXPECT_EQ(reopened["counts"]["updated"], 1) << reopened.dump();
    EXPECT_TRUE(lockedIds(reopened).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, PeriodLockTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
