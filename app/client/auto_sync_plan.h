#pragma once
// When the client syncs by itself: at start, shortly after saves (debounced), every interval, when
// the network comes back, and after a failure with the protocol's backoff (sync/retry_policy.h:
// full jitter, base 2 s, cap 10 min, never gives up, Retry-After honoured, reset on success).
// Pure bookkeeping over a millisecond time line the caller supplies, so tests drive it with
// made-up times; SyncService (sync_service.h) turns nextDue() into a timer.
#include <cstdint>
#include <optional>

#include "retry_policy.h"

namespace taizhang {

struct AutoSyncTimings {
    std::int64_t debounceMillis = 3'000;     // a save waits this long for more saves ...
    std::int64_t maxDebounceMillis = 30'000; // ... but a stream of saves never postpones past this
    std::int64_t intervalMillis = 15 * 60'000;
};

// How a pass ended, as far as scheduling cares.
enum class PassEnd {
    Success,     // nothing left unsent
    Transient,   // network, timeout, 5xx, county busy: back off and retry
    RetryAfter,  // the county said when (429 / 503 with Retry-After)
    Blocked,     // the county refused this device (401/403), not enrolled: wait for the user
    Tls,         // certificate problem: retry only at the normal interval or when the network changes
    Cancelled,
};

class AutoSyncPlan {
public:
    AutoSyncPlan(AutoSyncTimings timings, sync::RetryPolicy policy, sync::RandomSource& random);

    // Syncing happens only for an enrolled ledger; enabling (at start or after enrolling) is due now.
    void setEnabled(bool enabled, std::int64_t now);
    void dataSaved(std::int64_t now);
    void networkBack(std::int64_t now);
    void syncNow(std::int64_t now);

    // The pass the timer started; triggers arriving while it runs are remembered.
    void passStarted(std::int64_t now);
    // retryAfterMillis is used with PassEnd::RetryAfter.
    void passFinished(std::int64_t now, PassEnd end, std::int64_t retryAfterMillis = 0);

    // When the next pass should start (absolute, on the caller's time line); nullopt = none planned.
    std::optional<std::int64_t> nextDue() const;
    bool enabled() const { return enabled_; }
    bool running() const { return running_; }
    bool blocked() const { return blocked_; }
    int failures() const { return failures_; }

private:
    void planSave(std::int64_t now);
    AutoSyncTimings timings_;
    sync::RetryPolicy policy_;
    sync::RandomSource& random_;
    bool enabled_ = false;
    bool running_ = false;
    bool blocked_ = false;
    int failures_ = 0;
    std::optional<std::int64_t> baseDue_;       // start, interval, backoff, network back, sync now
    std::optional<std::int64_t> firstSaveAt_;   // first save not yet covered by a pass
    std::optional<std::int64_t> saveDue_;
    bool triggeredWhileRunning_ = false;
};

}  // namespace taizhang
