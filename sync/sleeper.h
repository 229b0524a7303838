#pragma once
// Waiting between attempts, as a seam: the real one can be woken early (new data, network back,
// "sync now") and cancelled; tests use one that only advances a ManualClock.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

#include "clock.h"

namespace taizhang::sync {

class Sleeper {
public:
    virtual ~Sleeper() = default;
    // Waits up to ms. Returns false if cancelled (cancel set), true otherwise (time up or woken).
    virtual bool sleepFor(std::int64_t ms, const std::atomic<bool>* cancel) = 0;
    // Ends a current or the next sleep early.
    virtual void wake() {}
};

class RealSleeper final : public Sleeper {
public:
    bool sleepFor(std::int64_t ms, const std::atomic<bool>* cancel) override;
    void wake() override;

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    bool woken_ = false;
};

// Advances a ManualClock instead of waiting; records the total time "slept".
class ManualSleeper final : public Sleeper {
public:
    explicit ManualSleeper(ManualClock& clock) : clock_(clock) {}
    bool sleepFor(std::int64_t ms, const std::atomic<bool>* cancel) override
    {
        if (cancel && cancel->load()) return false;
        clock_.advanceMillis(ms);
        slept += ms;
        ++sleeps;
        return true;
    }
    std::int64_t slept = 0;
    int sleeps = 0;

private:
    ManualClock& clock_;
};

}  // namespace taizhang::sync
