#pragma once
// Waiting between attempts, as a seam: the real one can be woken early (new data, network back,
// "sync now") and cancelled; tests substitute their own (tests/sync/sync_client_fixture.h).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>


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

}  // namespace taizhang::sync
