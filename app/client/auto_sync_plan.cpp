#include "auto_sync_plan.h"

#include <algorithm>

namespace taizhang {

AutoSyncPlan::AutoSyncPlan(AutoSyncTimings timings, sync::RetryPolicy policy, sync::RandomSource& random)
    : timings_(timings), policy_(policy), random_(random)
{
}

void AutoSyncPlan::setEnabled(bool enabled, std::int64_t now)
{
    if (enabled == enabled_) return;
    enabled_ = enabled;
    blocked_ = false;
    failures_ = 0;
    firstSaveAt_.reset();
    saveDue_.reset();
    baseDue_ = enabled ? std::optional<std::int64_t>(now) : std::nullopt;
}

void AutoSyncPlan::planSave(std::int64_t now)
{
    // Trailing debounce: each save moves the pass a little later, a burst ends in one pass, and
    // a teacher typing for minutes still syncs within maxDebounce of her first save.
    if (!firstSaveAt_) firstSaveAt_ = now;
    saveDue_ = std::min(*firstSaveAt_ + timings_.maxDebounceMillis, now + timings_.debounceMillis);
}

void AutoSyncPlan::dataSaved(std::int64_t now)
{
    if (!enabled_ || blocked_) return;
    if (running_) {
        if (!firstSaveAt_) firstSaveAt_ = now;
        return;
    }
    planSave(now);
}

void AutoSyncPlan::networkBack(std::int64_t now)
{
    if (!enabled_ || blocked_) return;
    if (running_) {
        triggeredWhileRunning_ = true;
        return;
    }
    // Only worth a pass when something is waiting on the network; otherwise the interval stands.
    if (failures_ > 0 || firstSaveAt_) baseDue_ = now;
}

void AutoSyncPlan::syncNow(std::int64_t now)
{
    if (!enabled_) return;
    blocked_ = false;  // the user asked: try again even after a refusal
    if (running_) {
        triggeredWhileRunning_ = true;
        return;
    }
    baseDue_ = now;
}

void AutoSyncPlan::passStarted(std::int64_t)
{
    // The pass reads the outbox when it starts: every save so far is covered by it.
    running_ = true;
    triggeredWhileRunning_ = false;
    baseDue_.reset();
    saveDue_.reset();
    firstSaveAt_.reset();
}

void AutoSyncPlan::passFinished(std::int64_t now, PassEnd end, std::int64_t retryAfterMillis)
{
    running_ = false;
    switch (end) {
    case PassEnd::Success:
        failures_ = 0;
        baseDue_ = now + timings_.intervalMillis;
        break;
    case PassEnd::Transient:
        ++failures_;
        baseDue_ = now + policy_.backoffMillis(failures_, random_);
        break;
    case PassEnd::RetryAfter:
        ++failures_;
        baseDue_ = now + std::clamp<std::int64_t>(retryAfterMillis, 0, policy_.maxRetryAfterMillis);
        break;
    case PassEnd::Blocked:
        blocked_ = true;
        baseDue_.reset();
        break;
    case PassEnd::Tls:
        ++failures_;
        baseDue_ = now + timings_.intervalMillis;
        break;
    case PassEnd::Cancelled:
        baseDue_ = now + timings_.intervalMillis;
        break;
    }
    if (blocked_) {
        firstSaveAt_.reset();
    } else {
        // Saved while the pass ran: those rows may have missed it, so plan the usual debounced pass.
        if (firstSaveAt_) planSave(now);
        // "Sync now" or the network came back during a pass that did not get everything through.
        if (triggeredWhileRunning_ && end != PassEnd::Success) baseDue_ = now;
    }
    triggeredWhileRunning_ = false;
}

std::optional<std::int64_t> AutoSyncPlan::nextDue() const
{
    if (!enabled_ || running_) return std::nullopt;
    if (baseDue_ && saveDue_) return std::min(*baseDue_, *saveDue_);
    return baseDue_ ? baseDue_ : saveDue_;
}

}  // namespace taizhang
