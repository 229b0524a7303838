#pragma once
// One sync pass, the API the CLI (`taizhang sync`) and the Qt client's sync panel wrap:
// capabilities -> state (restored-disk check; skipped while changes wait and the county checks
// each batch's sequences itself) -> freeze/send/ack batches (several in flight where they
// only create records) until the outbox is empty, the pass budget for waiting is used up, or the
// county refuses this device -> pull -> config (ETag). Thread-compatible: one pass at a time per
// engine; the database and progress stay on the calling thread (batches in flight only use their
// connections in threads of their own); cancel is a flag any thread may set.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "batch_flights.h"
#include "clock.h"
#include "county_client.h"
#include "curl_transport.h"
#include "database.h"
#include "outbox.h"
#include "retry_policy.h"
#include "sleeper.h"
#include "sync_state.h"

namespace taizhang::sync {

enum class SyncOutcome {
    AllSent,      // nothing left unsent (dead letters may exist: they do not block)
    Partial,      // something is left: network or server trouble, try again later
    AuthProblem,  // 401 / 403: device revoked or unknown, wrong school, school disabled
    NotEnrolled,  // no server or token configured
    TlsProblem,   // certificate verification or pinning failed (firewall interception?)
    Cancelled,
};

// Exit codes of `taizhang sync` (docs/cli.md, docs/sync-protocol.md).
int exitCodeFor(SyncOutcome outcome);
const char* outcomeName(SyncOutcome outcome);

struct SyncOptions {
    bool checkState = true;   // GET /v1/state first (at program start)
    bool pullConfig = true;   // GET /v1/config with If-None-Match
    bool pullChanges = true;  // GET /v1/changes after the batches (the school's other computers)
    int pullPageSize = 5000;  // entries per GET /v1/changes, at most the county's max_changes_limit
    // How long this pass may spend waiting between attempts (backoff, Retry-After) before it
    // gives the rest back as Partial; the batch keeps its attempts and next_attempt_at. A
    // negative value waits as long as it takes (the client's background scheduler).
    std::int64_t maxWaitMillis = 60'000;
    int maxBatches = 0;  // 0 = until empty
    // Batches on their way at the same time (docs/sync-protocol.md, "Batches in flight"): while
    // the county stores some and its answers travel back, the others keep the line busy. More
    // than one needs setTransportFactory; only batches that create records go together, so the
    // order in which the county stores them cannot matter.
    int batchesInFlight = 4;
    // The advertised limits are reused this long (a round trip saved per pass on a slow line);
    // a 413 forgets them. 0 = always ask.
    std::int64_t capabilitiesMaxAgeMillis = 6 * 3600 * 1000;
};

struct SyncProgress {
    std::string phase;  // connecting | checking | config | sending | receiving | waiting | done
    std::int64_t recordsDone = 0;
    std::int64_t recordsTotal = 0;  // unsent when the pass started (grows with new data)
    int batchesDone = 0;
    std::int64_t bytesSent = 0;
    std::int64_t waitMillis = 0;    // while phase == waiting
    std::string message;            // English, for logs / status line
};

struct SyncReport {
    SyncOutcome outcome = SyncOutcome::AllSent;
    std::string message;                // the one line to show
    std::string errorCode;              // the server's code when the county refused (e.g. device_revoked)
    std::vector<std::string> warnings;  // clock skew, restored disk, config problems
    AckCounts counts;                   // summed over the acks of this pass
    std::int64_t recordsSent = 0;       // rows acknowledged in this pass
    int batchesSent = 0;
    int attempts = 0;                   // POST /v1/batches requests made
    std::int64_t bytesSent = 0;         // request bytes on the wire (headers + bodies)
    std::int64_t remaining = 0;         // rows still unsent at the end
    std::int64_t newDeadLetters = 0;
    // Pull: versions from the school's other computers written here, conflicts listed.
    std::int64_t pulled = 0;
    std::int64_t pulledConflicts = 0;
    bool pullComplete = false;          // the feed was read to its end in this pass
    int exitCode() const { return exitCodeFor(outcome); }
};

using ProgressCallback = std::function<void(const SyncProgress&)>;

// A clock skew beyond this is reported (records carry the device's UTC timestamps).
inline constexpr std::int64_t kMaxClockSkewMillis = 5 * 60 * 1000;

class SyncEngine {
public:
    SyncEngine(Database& db, HttpTransport& transport, const Clock& clock, RandomSource& random, Sleeper& sleeper,
               std::string tokenKeyFile);

    SyncReport runOnce(const SyncOptions& options = {}, const ProgressCallback& progress = {},
                       const std::atomic<bool>* cancel = nullptr);

    void setRetryPolicy(RetryPolicy policy) { policy_ = policy; }
    // Opens the connections for batches in flight beside the first (SyncOptions::batchesInFlight);
    // without it batches go one at a time over the engine's transport.
    void setTransportFactory(TransportFactory more) { moreTransports_ = std::move(more); }
    // Called with the county overrides JSON when a new config arrives; throw to refuse it
    // Default: core's parseCountyOverrides; refused overrides are not stored (a warning says why).
    void setOverridesValidator(std::function<void(const std::string&)> validate) { validate_ = std::move(validate); }

private:
    struct Pass;
    bool waitOrGiveUp(Pass& pass, std::int64_t ms, const std::string& why);
    void noteServerTime(Pass& pass, const TransportResult& result);
    bool fetchCapabilities(Pass& pass);
    void checkServerState(Pass& pass);
    void pullConfig(Pass& pass);
    void sendBatches(Pass& pass);
    // Notes that a failed batch must wait `ms` before it is sent again; lineOnly: the connection
    // failed, not the county (other batches of new records may go meanwhile).
    using WaitFor = std::function<void(std::int64_t ms, const std::string& why, bool lineOnly)>;
    // 409 sequence_reused: the county holds other changes numbered like this batch (the disk was
    // put back to an older copy). Its changes are numbered again above the county's highest.
    // When the state cannot be read the batch stays frozen and `backoff` (why, lineOnly) delays it,
    // as for any failed batch.
    void renumberAfterRestore(Pass& pass, Outbox& outbox, const FrozenBatch& batch,
                              const std::function<void(const std::string&, bool)>& backoff);
    void handleBatchAnswer(Pass& pass, Outbox& outbox, const BatchEncoder& encoder, const FrozenBatch& batch,
                           const TransportResult& result, const WaitFor& wait);
    void pullChanges(Pass& pass);
    void stopForAuth(Pass& pass, const TransportResult& result);

    Database& db_;
    HttpTransport& transport_;
    const Clock& clock_;
    RandomSource& random_;
    Sleeper& sleeper_;
    std::string keyFile_;
    RetryPolicy policy_;
    std::function<void(const std::string&)> validate_;
    TransportFactory moreTransports_;
};

// Transport options from the stored settings (CA file, pinned key, proxy).
TransportOptions transportOptionsFrom(const SyncSettings& settings);

}  // namespace taizhang::sync
