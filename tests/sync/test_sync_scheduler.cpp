// The background scheduler the Qt client wraps: a pass at start and one soon after new data.
#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
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

TEST_F(SyncFixture, GIVEN_an_unreachable_county_WHEN_the_scheduler_is_started_and_stopped_300_times_THEN_every_stop_returns)
{
    startCounty();
    enrollOk();
    addHomework(store, 2);
    county.stop();  // every pass now fails to connect and would back off for ever (maxWaitMillis < 0)
    sync::SyncScheduler scheduler({dbPath, std::chrono::minutes(60), std::chrono::milliseconds(1), true});
    int hung = 0;
    for (int cycle = 0; cycle < 300; ++cycle) {
        scheduler.start();
        if (cycle % 3 == 1) scheduler.syncNow();
        if (cycle % 3 == 2) scheduler.notifyNewData();
        auto stopped = std::async(std::launch::async, [&] { scheduler.stop(); });
        if (stopped.wait_for(std::chrono::seconds(10)) == std::future_status::timeout) {
            // The pass missed stop()'s cancel; count it and free the thread so the test ends.
            ++hung;
            while (stopped.wait_for(std::chrono::milliseconds(50)) == std::future_status::timeout)
                scheduler.cancelCurrent();
        }
    }
    EXPECT_EQ(hung, 0) << "stop() hung in " << hung << " of 300 start/stop cycles";
    EXPECT_FALSE(scheduler.running());
}

TEST_F(SyncFixture, GIVEN_stop_is_called_just_as_a_pass_begins_WHEN_the_pass_runs_THEN_it_sees_the_cancel_and_stop_returns)
{
    startCounty();
    enrollOk();
    addHomework(store, 2);
    county.stop();  // the pass could only back off for ever: only the cancel can end it
    sync::SyncScheduler* self = nullptr;
    std::future<void> stopping;
    std::promise<void> launched;
    sync::SchedulerOptions options{dbPath, std::chrono::minutes(60), std::chrono::milliseconds(1), true};
    options.beforePass = [&] {
        // The pass has been decided and the lock released: exactly the moment where the old
        // loop had not yet cleared the cancel flag, so the clear wiped out this stop().
        stopping = std::async(std::launch::async, [&] { self->stop(); });
        while (!self->stopRequested()) std::this_thread::yield();
        launched.set_value();
    };
    sync::SyncScheduler scheduler(options);
    self = &scheduler;
    scheduler.start();
    // start() returns at once; wait for the hook to have launched stop().
    ASSERT_EQ(launched.get_future().wait_for(std::chrono::seconds(20)), std::future_status::ready);
    bool hung = false;
    if (stopping.wait_for(std::chrono::seconds(10)) == std::future_status::timeout) {
        hung = true;
        while (stopping.wait_for(std::chrono::milliseconds(50)) == std::future_status::timeout) scheduler.cancelCurrent();
    }
    EXPECT_FALSE(hung) << "stop() during the start of a pass hung";
}
