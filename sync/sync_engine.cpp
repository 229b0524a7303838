#include "sync_engine.h"

#include <algorithm>
#include <cstdlib>

#include "batch_codec.h"
#include "batch_flights.h"
#include "policy_overrides.h"
#include "pull_apply.h"
#include "server_url.h"
#include "token_vault.h"

namespace taizhang::sync {

int exitCodeFor(SyncOutcome outcome)
{
    switch (outcome) {
    case SyncOutcome::AllSent: return 0;
    // 1-6 and 70 are the CLI's general codes (docs/cli.md); sync's own start at 10.
    case SyncOutcome::Partial: return 10;
    case SyncOutcome::AuthProblem: return 11;
    case SyncOutcome::NotEnrolled: return 12;
    case SyncOutcome::TlsProblem: return 13;
    case SyncOutcome::Cancelled: return 14;
    }
    return 1;
}

const char* outcomeName(SyncOutcome outcome)
{
    switch (outcome) {
    case SyncOutcome::AllSent: return "all_sent";
    case SyncOutcome::Partial: return "partial";
    case SyncOutcome::AuthProblem: return "auth_problem";
    case SyncOutcome::NotEnrolled: return "not_enrolled";
    case SyncOutcome::TlsProblem: return "tls_problem";
    case SyncOutcome::Cancelled: return "cancelled";
    }
    return "unknown";
}

TransportOptions transportOptionsFrom(const SyncSettings& s)
{
    TransportOptions o;
    o.caFile = s.caFile;
    o.pinnedPublicKey = s.pinnedPublicKey;
    o.proxy = s.proxy;
    return o;
}

struct SyncEngine::Pass {
    const SyncOptions& options;
    const ProgressCallback& progress;
    const std::atomic<bool>* cancel;
    SyncReport report;
    SyncSettings settings;
    SyncStateInfo state;
    std::string token;
    CountyClient client;
    BatchLimits limits;
    SyncProgress prog;
    std::int64_t waited = 0;
    int failures = 0;  // consecutive failures outside a batch (capabilities)
    bool stopped = false;
    bool skewWarned = false;
    bool restoreWarned = false;

    void emit(const std::string& phase, const std::string& message = {})
    {
        prog.phase = phase;
        prog.message = message;
        if (progress) progress(prog);
    }
    void stop(SyncOutcome outcome, std::string message)
    {
        report.outcome = outcome;
        report.message = std::move(message);
        stopped = true;
    }
    bool cancelled() const { return cancel && cancel->load(); }
};

SyncEngine::SyncEngine(Database& db, HttpTransport& transport, const Clock& clock, RandomSource& random,
                       Sleeper& sleeper, std::string tokenKeyFile)
    : db_(db), transport_(transport), clock_(clock), random_(random), sleeper_(sleeper), keyFile_(std::move(tokenKeyFile))
{
    // The same check the county ran when the overrides were set: never looser than national.
    validate_ = [](const std::string& text) {
        const auto parsed = parseCountyOverrides(Json::parse(text));
        if (!parsed.ok()) throw std::invalid_argument(parsed.errors.front().field + ": " + parsed.errors.front().messageEn);
    };
}

bool SyncEngine::waitOrGiveUp(Pass& pass, std::int64_t ms, const std::string& why)
{
    if (pass.options.maxWaitMillis >= 0 && pass.waited + ms > pass.options.maxWaitMillis) {
        pass.stop(SyncOutcome::Partial, why + "; will retry later");
        return false;
    }
    pass.prog.waitMillis = ms;
    pass.emit("waiting", why);
    if (!sleeper_.sleepFor(ms, pass.cancel)) {
        pass.stop(SyncOutcome::Cancelled, "cancelled");
        return false;
    }
    pass.waited += ms;
    pass.prog.waitMillis = 0;
    return true;
}

void SyncEngine::noteServerTime(Pass& pass, const TransportResult& result)
{
    const auto serverTime = serverTimeOf(result);
    if (!serverTime) return;
    const std::int64_t skew = *serverTime - clock_.nowUnixMillis();
    pass.state.clockSkewMs = skew;
    if (std::llabs(skew) > kMaxClockSkewMillis && !pass.skewWarned) {
        pass.skewWarned = true;
        pass.report.warnings.push_back("this computer's clock is " + std::to_string(std::llabs(skew) / 60000) +
                                       " minutes " + (skew > 0 ? "behind" : "ahead of") +
                                       " the county server's; correct the date and time settings (records carry "
                                       "the time they were saved)");
    }
}

void SyncEngine::stopForAuth(Pass& pass, const TransportResult& r)
{
    const std::string code = errorCodeOf(r.response.body);
    pass.report.errorCode = code;
    std::string message;
    if (code == "device_revoked")
        message = "the county has revoked this device; ask the county bureau for a new enrollment code and run "
                  "`taizhang sync enroll` (nothing recorded here is lost)";
    else if (r.response.status == 401)
        message = "the county does not recognise this device (" + (code.empty() ? std::string("401") : code) +
                  "); enroll it again with a new enrollment code (nothing recorded here is lost)";
    else if (code == "wrong_school")
        message = "the county says this device does not belong to school " + pass.settings.schoolCode +
                  "; check the school code and enroll again";
    else if (code == "school_disabled")
        message = "the county has disabled school " + pass.settings.schoolCode + "; contact the county bureau";
    else
        message = "the county refused this device: " + describeErrorBody(r.response.body);
    pass.stop(SyncOutcome::AuthProblem, message);
}

bool SyncEngine::fetchCapabilities(Pass& pass)
{
    pass.emit("connecting", pass.client.baseUrl());
    const auto& st = pass.state;
    const std::int64_t age = clock_.nowUnixMillis() - st.capabilitiesAt;
    if (st.capabilitiesAt > 0 && st.maxBatchRecords > 0 && age >= 0 && age < pass.options.capabilitiesMaxAgeMillis) {
        pass.limits.maxRecords = static_cast<std::size_t>(st.maxBatchRecords);
        pass.limits.maxBytes = static_cast<std::size_t>(st.maxBatchBytes);
        pass.limits.maxDecompressedBytes = static_cast<std::size_t>(st.maxDecompressedBytes);
        if (st.maxRecordBytes > 0) pass.limits.maxRecordBytes = static_cast<std::size_t>(st.maxRecordBytes);
        return true;  // pass.state.countyChecksSequences came with the cached limits
    }
    for (;;) {
        if (pass.cancelled()) {
            pass.stop(SyncOutcome::Cancelled, "cancelled");
            return false;
        }
        auto r = pass.client.capabilities(pass.cancel);
        noteServerTime(pass, r.raw);
        if (r.value) {
            if (r.value->protocol != 1) {
                pass.stop(SyncOutcome::Partial, "the county server speaks protocol " +
                                                    std::to_string(r.value->protocol) + "; this client speaks 1");
                return false;
            }
            pass.limits = r.value->limits;
            pass.state.maxBatchRecords = static_cast<std::int64_t>(pass.limits.maxRecords);
            pass.state.maxBatchBytes = static_cast<std::int64_t>(pass.limits.maxBytes);
            pass.state.maxDecompressedBytes = static_cast<std::int64_t>(pass.limits.maxDecompressedBytes);
            pass.state.maxRecordBytes = static_cast<std::int64_t>(pass.limits.maxRecordBytes);
            pass.state.capabilitiesAt = clock_.nowUnixMillis();
            pass.state.countyChecksSequences = r.value->sequenceCheck;
            pass.state.maxChangesLimit = r.value->maxChangesLimit;
            pass.failures = 0;
            return true;
        }
        if (r.raw.error == TransportError::Cancelled) {
            pass.stop(SyncOutcome::Cancelled, "cancelled");
            return false;
        }
        const Verdict v = policy_.classify(r.raw);
        if (v == Verdict::Fatal) {
            pass.state.lastErrorKind = "tls";
            pass.stop(SyncOutcome::TlsProblem, r.raw.message);
            return false;
        }
        std::int64_t ms = policy_.backoffMillis(++pass.failures, random_);
        if (v == Verdict::RetryAfter)
            ms = policy_.retryAfterMillis(r.raw.response, clock_.nowUnixMillis()).value_or(ms);
        if (!waitOrGiveUp(pass, ms, "cannot reach the county server: " + r.error)) return false;
    }
}

namespace {
std::string restoreWarningText(std::int64_t countyLast, std::int64_t known, std::int64_t next, std::int64_t moved)
{
    return "the county holds this device's changes up to sequence " + std::to_string(countyLast) +
           " but this database only knows up to " + std::to_string(known) +
           ": it was probably restored from an older copy (还原卡 or backup). Changes made after that copy are at "
           "the county but not here; new changes continue after sequence " + std::to_string(next) +
           (moved ? " (" + std::to_string(moved) + " unsent changes renumbered)" : std::string{});
}
}  // namespace

void SyncEngine::checkServerState(Pass& pass)
{
    pass.emit("checking");
    auto r = pass.client.state(pass.token, pass.cancel);
    noteServerTime(pass, r.raw);
    if (r.raw.ok() && (r.raw.response.status == 401 || r.raw.response.status == 403)) {
        stopForAuth(pass, r.raw);
        return;
    }
    if (!r.raw.ok() && policy_.classify(r.raw) == Verdict::Fatal) {
        pass.state.lastErrorKind = "tls";
        return pass.stop(SyncOutcome::TlsProblem, r.raw.message);
    }
    if (!r.value) {
        pass.report.warnings.push_back("could not check this device's state at the county: " + r.error);
        return;
    }
    pass.state.serverLastSeq = r.value->lastSeq;
    Outbox outbox(db_, clock_);
    const auto status = outbox.status();
    if (r.value->lastSeq > status.maxBatchedSeq) {
        // The county has batches from this device that this file never froze: the disk was
        // restored from an older copy (还原卡, backup). Move future sequences past the county's.
        const auto moved = outbox.ensureSequenceAbove(r.value->lastSeq);
        pass.state.restoreWarning =
            restoreWarningText(r.value->lastSeq, status.maxBatchedSeq, r.value->lastSeq, moved);
        pass.report.warnings.push_back(pass.state.restoreWarning);
        pass.restoreWarned = true;
    }
}

void SyncEngine::renumberAfterRestore(Pass& pass, Outbox& outbox, const FrozenBatch& batch,
                                      const std::function<void(const std::string&, bool)>& backoff)
{
    // The county's highest sequence of this device: the floor for numbering again. Without it
    // the batch stays frozen and goes again later (and is refused again until this succeeds).
    // Other batches may be on their way on the first connection: this question takes its own.
    std::unique_ptr<HttpTransport> own;
    if (moreTransports_ && pass.options.batchesInFlight > 1) own = moreTransports_();
    auto r = own ? CountyClient(*own, pass.settings.serverUrl).state(pass.token, pass.cancel)
                 : pass.client.state(pass.token, pass.cancel);
    noteServerTime(pass, r.raw);
    if (!r.value)
        return backoff("the county holds other changes numbered like this batch, and its state could not be read: " +
                           r.error,
                       !r.raw.ok());
    pass.state.serverLastSeq = r.value->lastSeq;
    outbox.supersede(batch.batchId);
    const auto status = outbox.status();
    // Above the county's highest and above every batch this file froze (some may be on their way).
    const std::int64_t floor = std::max(r.value->lastSeq, status.maxBatchedSeq);
    const auto moved = outbox.ensureSequenceAbove(floor);
    if (!pass.restoreWarned) {
        pass.state.restoreWarning = restoreWarningText(r.value->lastSeq, status.maxAckedSeq, floor, moved);
        pass.report.warnings.push_back(pass.state.restoreWarning);
        pass.restoreWarned = true;
    }
}

void SyncEngine::pullConfig(Pass& pass)
{
    pass.emit("config");
    auto r = pass.client.config(pass.token, pass.state.configEtag, pass.cancel);
    noteServerTime(pass, r.raw);
    if (r.raw.ok() && (r.raw.response.status == 401 || r.raw.response.status == 403)) {
        stopForAuth(pass, r.raw);
        return;
    }
    if (!r.value) {
        pass.report.warnings.push_back("could not fetch the county's configuration: " + r.error);
        return;
    }
    if (r.value->notModified) return;
    const std::string overrides = r.value->overrides.dump();
    if (validate_) {
        try {
            validate_(overrides);
        } catch (const std::exception& e) {
            pass.report.warnings.push_back(std::string("the county's policy overrides were refused: ") + e.what());
            return;
        }
    }
    pass.state.countyOverrides = overrides;
    pass.state.terms = r.value->terms.dump();
    pass.state.countyReviews = r.value->reviews.dump();
    pass.state.configEtag = r.value->etag;
}

void SyncEngine::sendBatches(Pass& pass)
{
    Outbox outbox(db_, clock_);
    const auto encoder = makeBatchEncoder({pass.settings.deviceId, pass.settings.schoolCode});
    pass.prog.recordsTotal = outbox.status().unsent();
    pass.emit("sending");
    BatchFlights flights(transport_, moreTransports_, std::max(1, pass.options.batchesInFlight),
                         pass.settings.serverUrl, pass.token, pass.cancel);
    // A backlog larger than a full first wave, with several connections: the first batches grow
    // (1/room, 2/room, ... of the county's limit). Equal batches sharing the line all arrive at
    // the same moment, the county then works through them one by one while the line sits idle;
    // growing ones arrive one after another and their answers start the next batches sooner.
    const std::int64_t room = flights.room();
    const bool ramp = room > 1 && pass.prog.recordsTotal > room * static_cast<std::int64_t>(pass.limits.maxRecords);
    std::int64_t frozenThisPass = 0;
    const auto limitsNow = [&] {
        BatchLimits l = pass.limits;
        if (ramp && frozenThisPass < room - 1)
            l.maxRecords = std::max<std::size_t>(1, l.maxRecords * static_cast<std::size_t>(frozenThisPass + 1) /
                                                        static_cast<std::size_t>(room));
        return l;
    };
    const auto launchFrozen = [&](FrozenBatch batch) {
        ++frozenThisPass;
        flights.launch(std::move(batch));
    };
    const auto roomForAnother = [&] {
        return pass.options.maxBatches <= 0 ||
               pass.report.batchesSent + static_cast<int>(flights.size()) < pass.options.maxBatches;
    };
    // A failed batch does not stop the others. Where only the line failed (a dropped or timed
    // out connection), batches of new records keep going while it waits, and it goes again
    // beside them once its retry is due. Where the county asked to wait (429, 503) or failed
    // itself (5xx, an ack that does not add up), nothing new goes until that time has passed.
    // The waiting itself happens once nothing else is on its way.
    std::int64_t retryAt = 0;
    std::string retryWhy;
    bool countyAskedToWait = false;
    const WaitFor later = [&](std::int64_t ms, const std::string& why, bool lineOnly) {
        const std::int64_t at = clock_.nowUnixMillis() + ms;
        if (at > retryAt) {
            retryAt = at;
            retryWhy = why;
        }
        if (!lineOnly) countyAskedToWait = true;
    };
    while (!pass.stopped) {
        if (pass.cancelled()) {
            pass.stop(SyncOutcome::Cancelled, "cancelled");
            break;
        }
        const bool held = countyAskedToWait && clock_.nowUnixMillis() < retryAt;
        if (flights.empty()) {
            if (flights.room() > 1 && retryAt > clock_.nowUnixMillis() && !held && outbox.pendingBatch() &&
                roomForAnother()) {
                // Only the line failed: new records go while the failed batch waits.
                if (auto another = outbox.freezeAlongside(limitsNow(), encoder)) launchFrozen(std::move(*another));
            }
            if (flights.empty() && retryAt > 0) {
                const std::int64_t ms = std::max<std::int64_t>(0, retryAt - clock_.nowUnixMillis());
                retryAt = 0;
                countyAskedToWait = false;
                if (outbox.pendingBatch() && !waitOrGiveUp(pass, ms, retryWhy)) break;
            }
            if (flights.empty()) {
                if (!roomForAnother()) return;
                auto batch = outbox.freezeNext(limitsNow(), encoder);
                if (!batch) return;
                launchFrozen(std::move(*batch));
            }
        }
        while (!held && static_cast<int>(flights.size()) < flights.room() && roomForAnother()) {
            if (auto due = outbox.dueRetryAlongside(flights.batchIds(), clock_.nowUnixMillis())) {
                flights.launch(std::move(*due));
                continue;
            }
            auto another = outbox.freezeAlongside(limitsNow(), encoder);
            if (!another) break;
            launchFrozen(std::move(*another));
        }
        auto landed = flights.takeNext();
        handleBatchAnswer(pass, outbox, encoder, landed.batch, landed.result, later);
    }
    // Stopped (auth, TLS, cancelled, out of waiting time) with batches still on their way: what
    // the county answered is applied, so an accepted batch is not sent again next pass.
    while (!flights.empty()) {
        auto landed = flights.takeNext();
        handleBatchAnswer(pass, outbox, encoder, landed.batch, landed.result, later);
    }
}

void SyncEngine::handleBatchAnswer(Pass& pass, Outbox& outbox, const BatchEncoder& encoder,
                                   const FrozenBatch& batch, const TransportResult& r, const WaitFor& wait)
{
    ++pass.report.attempts;
    pass.report.bytesSent += r.bytesSent;
    pass.prog.bytesSent += r.bytesSent;
    noteServerTime(pass, r);
    if (r.error == TransportError::Cancelled) return pass.stop(SyncOutcome::Cancelled, "cancelled");

    const auto now = clock_.nowUnixMillis();
    const auto backoffFor = [&](const std::string& why, bool lineOnly) {
        const std::int64_t ms = policy_.backoffMillis(batch.attempts + 1, random_);
        outbox.recordFailure(batch.batchId, why, now + ms);
        pass.state.lastError = why;
        wait(ms, why, lineOnly);
    };
    switch (policy_.classify(r)) {
    case Verdict::Accepted: {
        std::vector<DeadLetter> dead;
        try {
            dead = outbox.applyAck(batch, parseAck(r.response.body));
        } catch (const AckMismatch& e) {
            pass.state.lastErrorKind = "protocol";
            backoffFor(std::string("the county's acknowledgement does not add up: ") + e.what(), false);
            break;
        }
        const Ack ack = parseAck(r.response.body);
        pass.report.counts.created += ack.counts.created;
        pass.report.counts.updated += ack.counts.updated;
        pass.report.counts.duplicate += ack.counts.duplicate;
        pass.report.counts.rejected += ack.counts.rejected;
        pass.report.counts.conflict += ack.counts.conflict;
        pass.report.recordsSent += batch.count;
        pass.report.newDeadLetters += static_cast<std::int64_t>(dead.size());
        ++pass.report.batchesSent;
        pass.prog.recordsDone += batch.count;
        ++pass.prog.batchesDone;
        pass.emit("sending");
        break;
    }
    case Verdict::Split: {
        std::string code = errorCodeOf(r.response.body);
        if (batch.count == 1 || code.empty()) code = batch.count == 1 ? "record_too_large" : "batch_too_large";
        pass.state.capabilitiesAt = 0;  // the county's limits changed: ask again next pass
        outbox.split(batch, encoder, code, describeErrorBody(r.response.body));
        break;
    }
    case Verdict::RetryAfter: {
        const std::int64_t ms = policy_.retryAfterMillis(r.response, now)
                                    .value_or(policy_.backoffMillis(batch.attempts + 1, random_));
        const std::string why = "the county asked to wait (HTTP " + std::to_string(r.response.status) + ")";
        outbox.recordFailure(batch.batchId, why, now + ms);
        pass.state.lastErrorKind = "server";
        wait(ms, why, false);
        break;
    }
    case Verdict::Backoff:
        pass.state.lastErrorKind = r.ok() ? "server" : "network";
        backoffFor(r.ok() ? "HTTP " + std::to_string(r.response.status) + " " + describeErrorBody(r.response.body)
                          : r.message,
                   !r.ok());
        break;
    case Verdict::Refused: {
        // The county will refuse these bytes every time: its reason goes with each record
        // into the dead letters and the queue moves on (docs/sync-protocol.md, Errors).
        const std::string code = errorCodeOf(r.response.body);
        const std::string message = "HTTP " + std::to_string(r.response.status) + ": " +
                                    describeErrorBody(r.response.body);
        const auto dead = outbox.refuseBatch(batch, code, message);
        pass.report.newDeadLetters += static_cast<std::int64_t>(dead.size());
        pass.report.counts.rejected += static_cast<int>(dead.size());
        pass.report.warnings.push_back("the county refused a batch of " + std::to_string(dead.size()) +
                                       " changes (" + message + "); they are in the dead letters");
        break;
    }
    case Verdict::Supersede: outbox.supersede(batch.batchId); break;
    case Verdict::Renumber: renumberAfterRestore(pass, outbox, batch, backoffFor); break;
    case Verdict::Unauthorized:
    case Verdict::Forbidden:
        pass.state.lastErrorKind = r.response.status == 401 ? "auth" : "forbidden";
        outbox.recordFailure(batch.batchId, describeErrorBody(r.response.body), now);
        return stopForAuth(pass, r);
    case Verdict::Fatal:
        pass.state.lastErrorKind = "tls";
        outbox.recordFailure(batch.batchId, r.message, now);
        return pass.stop(SyncOutcome::TlsProblem, r.message);
    }
}

void SyncEngine::pullChanges(Pass& pass)
{
    pass.emit("receiving");
    std::int64_t cursor = pullCursor(db_);
    int failures = 0;  // in a row, for the backoff
    // A county older than max_changes_limit refuses pages over 1 000 entries.
    const std::int64_t countyMax = pass.state.maxChangesLimit > 0 ? pass.state.maxChangesLimit : 1000;
    const int pageSize = static_cast<int>(std::min<std::int64_t>(std::max(1, pass.options.pullPageSize), countyMax));
    for (;;) {
        if (pass.cancelled()) return pass.stop(SyncOutcome::Cancelled, "cancelled");
        auto r = pass.client.changes(pass.token, cursor, pageSize, pass.cancel);
        noteServerTime(pass, r.raw);
        if (r.raw.error == TransportError::Cancelled) return pass.stop(SyncOutcome::Cancelled, "cancelled");
        if (r.raw.ok() && (r.raw.response.status == 401 || r.raw.response.status == 403)) return stopForAuth(pass, r.raw);
        // A county from before the change feed: this computer only sends, as before.
        if (r.raw.ok() && r.raw.response.status == 404) return;
        if (!r.value) {
            const Verdict verdict = policy_.classify(r.raw);
            if (verdict == Verdict::Fatal) {
                pass.state.lastErrorKind = "tls";
                return pass.stop(SyncOutcome::TlsProblem, r.raw.message);
            }
            const std::string why = "could not receive the school's changes from the county: " + r.error;
            if (verdict == Verdict::Backoff || verdict == Verdict::RetryAfter) {
                // A dropped connection or a busy county on a poor line: the same page again after
                // the backoff, within the pass's waiting budget (the next pass goes on from the
                // cursor; nothing applied is fetched twice).
                ++failures;
                const std::int64_t ms =
                    (verdict == Verdict::RetryAfter ? policy_.retryAfterMillis(r.raw.response, clock_.nowUnixMillis())
                                                    : std::nullopt)
                        .value_or(policy_.backoffMillis(failures, random_));
                if (pass.options.maxWaitMillis >= 0 && pass.waited + ms > pass.options.maxWaitMillis) {
                    // Longer than this pass may wait (the county is down, not a dropped page):
                    // what was sent is sent, the pass is not failed for it, the next one goes on.
                    pass.report.warnings.push_back(why);
                    return;
                }
                if (!waitOrGiveUp(pass, ms, why)) return;
                continue;
            }
            // Like the county's configuration: what this computer sent is sent; the school's
            // changes come with the next pass (the cursor stays where the last page left it).
            pass.report.warnings.push_back(why);
            return;
        }
        failures = 0;
        if (r.value->cursor < cursor) {
            // The county's numbers went back (its database restored from a backup): nothing here
            // is lost; changes numbered up to our cursor again are not fetched twice.
            pass.report.warnings.push_back("the county's change feed is behind this computer's cursor (" +
                                           std::to_string(r.value->cursor) + " < " + std::to_string(cursor) +
                                           "); the county database may have been restored from a backup");
            break;
        }
        const PullPageResult applied = applyPulledPage(db_, r.value->changes, r.value->cursor);
        pass.report.pulled += applied.applied;
        pass.report.pulledConflicts += applied.conflicts;
        pass.prog.message = std::to_string(pass.report.pulled) + " changes received";
        pass.emit("receiving", pass.prog.message);
        cursor = r.value->cursor;
        if (!r.value->more) break;
    }
    pass.report.pullComplete = true;
    pass.state.lastPullAt = formatUtcTimestamp(clock_.nowUnixMillis());
}

SyncReport SyncEngine::runOnce(const SyncOptions& options, const ProgressCallback& progress,
                               const std::atomic<bool>* cancel)
{
    const SyncSettings settings = loadSyncSettings(db_);
    Pass pass{options, progress, cancel, {}, settings, loadSyncState(db_), {}, CountyClient(transport_, settings.serverUrl),
              {}, {}};
    if (!settings.enrolled()) {
        pass.report.outcome = SyncOutcome::NotEnrolled;
        pass.report.message = "this installation is not enrolled with a county server; run `taizhang sync enroll "
                              "--server URL --school CODE --code ENROLLMENT-CODE`";
        return pass.report;
    }
    // Checked on every pass, not only at enrollment: the token must never go out in clear to a
    // URL that was changed later or enrolled by an older version.
    if (const std::string problem = serverUrlProblem(settings.serverUrl, settings.allowInsecureHttp); !problem.empty()) {
        pass.report.outcome = SyncOutcome::TlsProblem;
        pass.report.errorCode = "insecure_url";
        pass.report.message = problem;
        return pass.report;
    }
    try {
        pass.token = TokenVault(keyFile_).open(settings.sealedToken);
    } catch (const std::exception& e) {
        pass.report.outcome = SyncOutcome::NotEnrolled;
        pass.report.message = e.what();
        return pass.report;
    }
    pass.state.lastAttemptAt = formatUtcTimestamp(clock_.nowUnixMillis());
    pass.state.lastErrorKind.clear();
    pass.state.lastError.clear();

    if (fetchCapabilities(pass)) {
        // A county that checks sequences itself refuses a batch numbered like changes it holds
        // (409 sequence_reused, a disk restored from an older copy), so the records need not wait
        // a round trip for GET /v1/state. With nothing to send the state is read as before.
        const bool countyChecks = pass.state.countyChecksSequences && Outbox(db_, clock_).status().unsent() > 0;
        if (options.checkState && !countyChecks && !pass.stopped) checkServerState(pass);
        if (!pass.stopped) sendBatches(pass);
        if (options.checkState && countyChecks && !pass.stopped && pass.report.batchesSent == 0 && !pass.restoreWarned)
            checkServerState(pass);
        // Push first, then pull: what this computer changed is at the county before the
        // school's ledger comes back, so the feed already carries the county's verdict on it.
        if (options.pullChanges && !pass.stopped) pullChanges(pass);
        // Data first: on a slow line the county's configuration must not delay the records.
        if (options.pullConfig && !pass.stopped) pullConfig(pass);
    }
    Outbox outbox(db_, clock_);
    pass.report.remaining = outbox.status().unsent();
    if (!pass.stopped && pass.report.remaining > 0)
        pass.stop(SyncOutcome::Partial, std::to_string(pass.report.remaining) + " changes not sent yet");
    if (pass.report.outcome == SyncOutcome::AllSent) {
        pass.report.message = "all changes sent (" + std::to_string(pass.report.recordsSent) + " in this pass)";
        pass.state.lastSuccessAt = formatUtcTimestamp(clock_.nowUnixMillis());
        pass.state.lastError.clear();
    } else {
        pass.state.lastError = pass.report.message;
        if (pass.state.lastErrorKind.empty() && pass.report.outcome == SyncOutcome::AuthProblem)
            pass.state.lastErrorKind = "auth";
    }
    saveSyncState(db_, pass.state);
    pass.prog.message = pass.report.message;
    pass.emit("done", pass.report.message);
    return pass.report;
}

}  // namespace taizhang::sync
