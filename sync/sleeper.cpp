#include "sleeper.h"

#include <algorithm>
#include <chrono>

namespace taizhang::sync {

bool RealSleeper::sleepFor(std::int64_t ms, const std::atomic<bool>* cancel)
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    std::unique_lock lock(mutex_);
    for (;;) {
        if (cancel && cancel->load()) return false;
        if (woken_) {
            woken_ = false;
            return true;
        }
        const auto now = std::chrono::steady_clock::now();
        if (now >= until) return true;
        // Poll the cancel flag at least every 100 ms: it is a plain atomic, not a notifier.
        cv_.wait_for(lock, std::min<std::chrono::steady_clock::duration>(until - now, std::chrono::milliseconds(100)));
    }
}

void RealSleeper::wake()
{
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    cv_.notify_all();
}

}  // namespace taizhang::sync
