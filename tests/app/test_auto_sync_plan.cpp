// When the client syncs by itself (AutoSyncPlan): a made-up millisecond time line and scripted
// randomness, so debounce, backoff and network-back are checked exactly and without waiting.
#include <gtest/gtest.h>

#include "auto_sync_plan.h"

namespace taizhang {
namespace {

// Full jitter draws uniform(0, window); 0.999... gives (almost) the whole window every time.
class FixedRandom final : public sync::RandomSource {
public:
    explicit FixedRandom(double v) : value(v) {}
    double uniform01() override { return value; }
    double value;
};

AutoSyncTimings timings()
{
    AutoSyncTimings t;
    t.debounceMillis = 3'000;
    t.maxDebounceMillis = 30'000;
    t.intervalMillis = 15 * 60'000;
    return t;
}

struct PlanTest : ::testing::Test {
    FixedRandom random{0.999999};
    AutoSyncPlan plan{timings(), sync::RetryPolicy{}, random};
    std::int64_t now = 1'000'000;

    // Runs the pass the plan asks for at its due time and ends it as told.
    void runDuePass(PassEnd end, std::int64_t retryAfter = 0)
    {
        ASSERT_TRUE(plan.nextDue());
        now = *plan.nextDue();
        plan.passStarted(now);
        plan.passFinished(now, end, retryAfter);
    }
};

TEST_F(PlanTest, GIVEN_a_ledger_not_enrolled_WHEN_data_is_saved_or_the_network_returns_THEN_no_pass_is_planned)
{
    plan.dataSaved(now);
    plan.networkBack(now);
    plan.syncNow(now);
    EXPECT_FALSE(plan.nextDue());
}

TEST_F(PlanTest, GIVEN_an_enrolled_ledger_WHEN_the_client_starts_THEN_the_first_pass_is_due_at_once_and_then_every_interval)
{
    plan.setEnabled(true, now);
    ASSERT_TRUE(plan.nextDue());
    EXPECT_EQ(*plan.nextDue(), now);
    runDuePass(PassEnd::Success);
    EXPECT_EQ(*plan.nextDue(), now + 15 * 60'000);
}

TEST_F(PlanTest, GIVEN_a_burst_of_saves_WHEN_each_comes_within_the_debounce_THEN_one_pass_follows_the_last_save)
{
    plan.setEnabled(true, now);
    runDuePass(PassEnd::Success);
    const std::int64_t first = now + 60'000;
    plan.dataSaved(first);
    EXPECT_EQ(*plan.nextDue(), first + 3'000);
    plan.dataSaved(first + 2'000);
    plan.dataSaved(first + 4'000);
    EXPECT_EQ(*plan.nextDue(), first + 7'000) << "trailing debounce: 3 s after the last save";
}

TEST_F(PlanTest, GIVEN_saves_every_two_seconds_WHEN_they_go_on_for_minutes_THEN_a_pass_starts_within_the_maximum_delay)
{
    plan.setEnabled(true, now);
    runDuePass(PassEnd::Success);
    const std::int64_t first = now + 1'000;
    for (std::int64_t t = first; t < first + 120'000; t += 2'000) plan.dataSaved(t);
    EXPECT_EQ(*plan.nextDue(), first + 30'000);
}

TEST_F(PlanTest, GIVEN_repeated_network_failures_WHEN_passes_keep_failing_THEN_full_jitter_backoff_doubles_to_the_ten_minute_cap_and_resets_on_success)
{
    plan.setEnabled(true, now);
    std::vector<std::int64_t> waits;
    for (int i = 0; i < 12; ++i) {
        runDuePass(PassEnd::Transient);
        waits.push_back(*plan.nextDue() - now);
    }
    // random ~1: the whole window min(600 s, 2 s * 2^(n-1)).
    const std::vector<std::int64_t> expected{2'000, 4'000, 8'000, 16'000, 32'000, 64'000, 128'000, 256'000, 512'000,
                                             600'000, 600'000, 600'000};
    for (std::size_t i = 0; i < waits.size(); ++i) EXPECT_NEAR(waits[i], expected[i], 2) << "attempt " << i + 1;
    EXPECT_EQ(plan.failures(), 12);
    runDuePass(PassEnd::Success);
    EXPECT_EQ(plan.failures(), 0);
    runDuePass(PassEnd::Transient);
    EXPECT_NEAR(*plan.nextDue() - now, 2'000, 2) << "a success starts the backoff from the base again";
}

TEST_F(PlanTest, GIVEN_full_jitter_WHEN_the_random_draw_is_low_THEN_the_wait_is_short_but_never_negative)
{
    random.value = 0.0;
    plan.setEnabled(true, now);
    runDuePass(PassEnd::Transient);
    EXPECT_EQ(*plan.nextDue(), now);
}

TEST_F(PlanTest, GIVEN_a_long_backoff_WHEN_the_network_comes_back_THEN_the_pass_is_due_at_once)
{
    plan.setEnabled(true, now);
    for (int i = 0; i < 8; ++i) runDuePass(PassEnd::Transient);
    ASSERT_GT(*plan.nextDue() - now, 100'000);
    plan.networkBack(now + 5'000);
    EXPECT_EQ(*plan.nextDue(), now + 5'000);
}

TEST_F(PlanTest, GIVEN_everything_sent_WHEN_the_network_comes_back_THEN_the_interval_stands)
{
    plan.setEnabled(true, now);
    runDuePass(PassEnd::Success);
    plan.networkBack(now + 5'000);
    EXPECT_EQ(*plan.nextDue(), now + 15 * 60'000);
}

TEST_F(PlanTest, GIVEN_the_county_asks_to_wait_WHEN_it_sends_retry_after_THEN_the_next_pass_waits_exactly_that_long)
{
    plan.setEnabled(true, now);
    runDuePass(PassEnd::RetryAfter, 120'000);
    EXPECT_EQ(*plan.nextDue(), now + 120'000);
}

TEST_F(PlanTest, GIVEN_a_backoff_WHEN_the_user_saves_THEN_the_new_data_wakes_it_after_the_debounce)
{
    plan.setEnabled(true, now);
    for (int i = 0; i < 8; ++i) runDuePass(PassEnd::Transient);
    plan.dataSaved(now + 1'000);
    EXPECT_EQ(*plan.nextDue(), now + 4'000);
}

TEST_F(PlanTest, GIVEN_a_revoked_device_WHEN_saves_and_the_network_return_THEN_nothing_runs_until_the_user_asks)
{
    plan.setEnabled(true, now);
    runDuePass(PassEnd::Blocked);
    EXPECT_TRUE(plan.blocked());
    plan.dataSaved(now + 1'000);
    plan.networkBack(now + 2'000);
    EXPECT_FALSE(plan.nextDue());
    plan.syncNow(now + 3'000);
    EXPECT_EQ(*plan.nextDue(), now + 3'000);
}

TEST_F(PlanTest, GIVEN_a_pass_running_WHEN_a_record_is_saved_meanwhile_THEN_a_debounced_pass_follows_it)
{
    plan.setEnabled(true, now);
    plan.passStarted(now);
    EXPECT_FALSE(plan.nextDue()) << "one pass at a time";
    plan.dataSaved(now + 500);
    plan.passFinished(now + 1'000, PassEnd::Success);
    EXPECT_EQ(*plan.nextDue(), now + 4'000);
}

TEST_F(PlanTest, GIVEN_a_certificate_problem_WHEN_the_pass_stops_THEN_it_is_tried_again_only_at_the_interval)
{
    plan.setEnabled(true, now);
    runDuePass(PassEnd::Tls);
    EXPECT_EQ(*plan.nextDue(), now + 15 * 60'000);
}

}  // namespace
}  // namespace taizhang
