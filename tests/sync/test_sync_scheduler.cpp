// The background scheduler the Qt client wraps: a pass at start and one soon after new data.
#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "sync_client_fixture.h"
#include "sync_scheduler.h"

using namespace taizhang;
using namespace taizhang::testing;

TEST_F(SyncFixture, GIVEN_a_running_scheduler_WHEN_started_and_when_new_data_is_saved_THEN_each_triggers_a_pass)
{
    startCounty();
    enrollOk();
    addHomework(store, 8);
    std::mutex m;
    std::condition_variable cv;
    std::vector<sync::SyncReport> reports;
    sync::SyncScheduler scheduler({dbPath, std::chrono::minutes(60), std::chrono::milliseconds(50), true});
    scheduler.setReportCallback([&](const sync::SyncReport& r) {
        std::lock_guard lock(m);
        reports.push_back(r);
        cv.notify_all();
    });
    scheduler.start();
    const auto waitFor = [&](std::size_t n) {
        std::unique_lock lock(m);
        return cv.wait_for(lock, std::chrono::seconds(20), [&] { return reports.size() >= n; });
    };
    ASSERT_TRUE(waitFor(1));
    EXPECT_EQ(reports[0].outcome, sync::SyncOutcome::AllSent) << reports[0].message;
    EXPECT_EQ(reports[0].recordsSent, 8);
    addHomework(store, 3);
    scheduler.notifyNewData();
    ASSERT_TRUE(waitFor(2));
    EXPECT_EQ(reports[1].recordsSent, 3);
    scheduler.stop();
    expectConverged();
}
