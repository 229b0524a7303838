#include "rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace taizhang::server {

RateLimiter::RateLimiter(int perMinute) : perMinute_(perMinute), burst_(std::max(5.0, perMinute / 10.0)) {}

int RateLimiter::acquire(const std::string& key, std::int64_t nowMs)
{
    if (perMinute_ <= 0) return 0;
    std::lock_guard lock(mu_);
    auto [it, inserted] = buckets_.try_emplace(key, Bucket{burst_, nowMs});
    Bucket& b = it->second;
    const double perMs = perMinute_ / 60000.0;
    b.tokens = std::min(burst_, b.tokens + (nowMs - b.updatedMs) * perMs);
    b.updatedMs = nowMs;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return 0;
    }
    return std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / perMs / 1000.0)));
}

void FailureThrottle::prune(std::deque<std::int64_t>& times, std::int64_t nowMs) const
{
    while (!times.empty() && times.front() + windowMs_ <= nowMs) times.pop_front();
}

int FailureThrottle::retryAfter(const std::string& key, std::int64_t nowMs)
{
    std::lock_guard lock(mu_);
    auto it = failures_.find(key);
    if (it == failures_.end()) return 0;
    prune(it->second, nowMs);
    if (static_cast<int>(it->second.size()) < max_) return 0;
    const auto waitMs = it->second.front() + windowMs_ - nowMs;
    return std::max<int>(1, static_cast<int>((waitMs + 999) / 1000));
}

void FailureThrottle::recordFailure(const std::string& key, std::int64_t nowMs)
{
    std::lock_guard lock(mu_);
    auto& times = failures_[key];
    prune(times, nowMs);
    times.push_back(nowMs);
}

}  // namespace taizhang::server
