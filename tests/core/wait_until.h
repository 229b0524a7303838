#pragma once
// Waiting for an event in a test that has no signal to wait on (a row in another process's
// database, a line in its log, a counter of the fault proxy): the condition is looked at again
// every pollMs until it holds or timeoutMs has passed. Never a fixed sleep: the test goes on the
// moment the event happened, and a missing event fails it instead of passing by luck.
#include <chrono>
#include <functional>
#include <thread>

namespace taizhang::testing {

inline bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 30000, int pollMs = 2)
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        if (condition()) return true;
        if (std::chrono::steady_clock::now() >= until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(pollMs));
    }
}

}  // namespace taizhang::testing
