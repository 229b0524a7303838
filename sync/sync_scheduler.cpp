#include "sync_scheduler.h"

#include <memory>

#include "token_vault.h"

namespace taizhang::sync {

SyncScheduler::SyncScheduler(SchedulerOptions options) : options_(std::move(options)) {}

SyncScheduler::~SyncScheduler() { stop(); }

void SyncScheduler::setProgressCallback(ProgressCallback cb)
{
    std::lock_guard lock(mutex_);
    progress_ = std::move(cb);
}

void SyncScheduler::setReportCallback(ReportCallback cb)
{
    std::lock_guard lock(mutex_);
    onReport_ = std::move(cb);
}

void SyncScheduler::start()
{
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    triggered_ = options_.syncAtStart;
    thread_ = std::thread([this] { loop(); });
}

void SyncScheduler::stop()
{
    {
        // Under the mutex: the loop clears cancel_ for a new pass only under it and only while
        // not stopping, so this cancel can never be overwritten by the pass it is meant to end.
        std::lock_guard lock(mutex_);
        stopping_ = true;
        cancel_ = true;
    }
    sleeper_.wake();
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    cancel_ = false;
}

void SyncScheduler::syncNow()
{
    {
        std::lock_guard lock(mutex_);
        triggered_ = true;
    }
    sleeper_.wake();  // a pass waiting in backoff retries now
    cv_.notify_all();
}

void SyncScheduler::notifyNewData()
{
    {
        std::lock_guard lock(mutex_);
        if (!newDataAt_) newDataAt_ = std::chrono::steady_clock::now() + options_.newDataDelay;
    }
    sleeper_.wake();
    cv_.notify_all();
}

void SyncScheduler::cancelCurrent()
{
    {
        std::lock_guard lock(mutex_);
        cancel_ = true;
    }
    sleeper_.wake();
}

bool SyncScheduler::stopRequested() const
{
    std::lock_guard lock(mutex_);
    return stopping_;
}

std::optional<SyncReport> SyncScheduler::lastReport() const
{
    std::lock_guard lock(mutex_);
    return last_;
}

void SyncScheduler::loop()
{
    auto nextPeriodic = std::chrono::steady_clock::now() + options_.interval;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            for (;;) {
                if (stopping_) return;
                const auto now = std::chrono::steady_clock::now();
                if (triggered_ || now >= nextPeriodic || (newDataAt_ && now >= *newDataAt_)) break;
                auto until = nextPeriodic;
                if (newDataAt_ && *newDataAt_ < until) until = *newDataAt_;
                cv_.wait_until(lock, until);
            }
            triggered_ = false;
            newDataAt_.reset();
            // Cleared here, under the mutex stop() takes, never after it: a stop() between
            // releasing the lock and clearing the flag used to start an uncancellable pass that
            // waits for ever (maxWaitMillis < 0), and join() hung.
            cancel_ = false;
            busy_ = true;
        }
        if (options_.beforePass) options_.beforePass();
        SyncReport report;
        try {
            // A connection and a transport per pass: settings (server, CA, proxy) may have changed.
            // A background thread: it may wait for the UI's write lock longer than the UI may.
            OpenOptions openOptions;
            openOptions.writeWaitMs = 60'000;
            Database db = Database::open(options_.databasePath, openOptions);
            const TransportOptions connection = transportOptionsFrom(loadSyncSettings(db));
            CurlTransport transport(connection);
            SodiumRandom random;
            SyncEngine engine(db, transport, SystemClock::instance(), random, sleeper_,
                              TokenVault::keyFileFor(options_.databasePath));
            engine.setTransportFactory([connection] { return std::make_unique<CurlTransport>(connection); });
            SyncOptions opts;
            opts.maxWaitMillis = -1;  // the background pass never gives up; triggers wake its waits
            ProgressCallback progress;
            {
                std::lock_guard lock(mutex_);
                progress = progress_;
            }
            report = engine.runOnce(opts, progress, &cancel_);
        } catch (const std::exception& e) {
            report.outcome = SyncOutcome::Partial;
            report.message = std::string("sync failed: ") + e.what();
        }
        busy_ = false;
        ReportCallback cb;
        {
            std::lock_guard lock(mutex_);
            last_ = report;
            cb = onReport_;
        }
        if (cb) cb(report);
        nextPeriodic = std::chrono::steady_clock::now() + options_.interval;
    }
}

}  // namespace taizhang::sync
