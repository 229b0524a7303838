#pragma once
// Token buckets per device (requests per minute) and a failure window per address/school for
// enrollment, both in memory: a restart forgets them, which only ever loosens the limit briefly.
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace taizhang::server {

class RateLimiter {
public:
    // perMinute == 0 disables the limit. Burst: a tenth of a minute's allowance, at least 5.
    explicit RateLimiter(int perMinute);
    // 0 when the request may go ahead, else the seconds to wait (for Retry-After).
    int acquire(const std::string& key, std::int64_t nowMs);
    int perMinute() const { return perMinute_; }

private:
    struct Bucket {
        double tokens = 0;
        std::int64_t updatedMs = 0;
    };
    int perMinute_;
    double burst_;
    std::mutex mu_;
    std::map<std::string, Bucket> buckets_;
};

// "5 failures within 10 minutes" per key; blocked keys wait until the oldest failure ages out.
class FailureThrottle {
public:
    FailureThrottle(int maxFailures, std::int64_t windowMs) : max_(maxFailures), windowMs_(windowMs) {}
    int retryAfter(const std::string& key, std::int64_t nowMs);  // 0 = not blocked
    void recordFailure(const std::string& key, std::int64_t nowMs);

private:
    void prune(std::deque<std::int64_t>& times, std::int64_t nowMs) const;
    int max_;
    std::int64_t windowMs_;
    std::mutex mu_;
    std::map<std::string, std::deque<std::int64_t>> failures_;
};

}  // namespace taizhang::server
