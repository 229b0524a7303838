#pragma once
// Runs sync passes on a background thread while the client runs: at start, every N minutes, soon
// after new data, and on demand. Backoff between failed attempts happens inside a pass (the
// engine waits with the RealSleeper), and any trigger wakes such a wait. The Qt client's sync
// panel wraps this class (app/client); callbacks arrive on the scheduler's thread.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "sync_engine.h"

namespace taizhang::sync {

struct SchedulerOptions {
    std::string databasePath;       // the scheduler opens its own connection
    std::chrono::minutes interval{15};
    std::chrono::milliseconds newDataDelay{3000};  // coalesce a burst of saves into one pass
    bool syncAtStart = true;
    // Test seam: called on the scheduler's thread when a pass has been decided, just before it
    // starts (outside the lock). Tests stop the scheduler from here to pin the start/stop race.
    std::function<void()> beforePass;
};

class SyncScheduler {
public:
    using ReportCallback = std::function<void(const SyncReport&)>;

    explicit SyncScheduler(SchedulerOptions options);
    ~SyncScheduler();  // stop()
    SyncScheduler(const SyncScheduler&) = delete;
    SyncScheduler& operator=(const SyncScheduler&) = delete;

    void setProgressCallback(ProgressCallback cb);
    void setReportCallback(ReportCallback cb);

    void start();
    // Cancels a pass in progress (the batch in flight is retried next time, same bytes) and joins.
    void stop();
    void syncNow();       // on demand
    void notifyNewData(); // a record was saved
    void cancelCurrent(); // the user pressed "cancel": ends this pass, keeps the schedule
    bool running() const { return busy_.load(); }
    bool stopRequested() const;  // stop() has begun (for tests and for a UI that shuts down)
    std::optional<SyncReport> lastReport() const;

private:
    void loop();
    SchedulerOptions options_;
    ProgressCallback progress_;
    ReportCallback onReport_;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ = false;
    bool triggered_ = false;
    std::optional<std::chrono::steady_clock::time_point> newDataAt_;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> busy_{false};
    RealSleeper sleeper_;
    std::optional<SyncReport> last_;
};

}  // namespace taizhang::sync
