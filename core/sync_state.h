#pragma once
// Sync settings and state of this installation, kept in the settings table under "sync.*" keys.
// The device token is stored only encrypted (sync/token_vault.h seals it); this file never sees
// it in clear.
#include <cstdint>
#include <optional>
#include <string>

#include "database.h"
#include "policy_overrides.h"

namespace taizhang {

struct SyncSettings {
    std::string serverUrl;       // https://county.example.cn (no trailing slash)
    std::string schoolCode;      // as enrolled
    std::string schoolName;      // as the county calls it
    std::string deviceId;        // server-assigned at enrollment
    std::string deviceName;
    std::string sealedToken;     // hex of nonce + crypto_secretbox ciphertext; never the token
    std::string caFile;          // county CA bundle (PEM) when it is not in the system store
    std::string pinnedPublicKey; // "sha256//base64" (CURLOPT_PINNEDPUBLICKEY), optional
    std::string proxy;           // overrides the environment's https_proxy when set
    int intervalMinutes = 15;    // scheduler period while the client runs
    // Plain http:// to a host other than this machine, accepted explicitly at enrollment
    // (--allow-insecure-http): the token then travels in clear (sync/server_url.h).
    bool allowInsecureHttp = false;

    bool enrolled() const { return !serverUrl.empty() && !deviceId.empty() && !sealedToken.empty(); }
};

// What the last passes found; shown by `taizhang sync --status` and the client's sync panel.
struct SyncStateInfo {
    std::string lastAttemptAt;       // UTC timestamps, "" = never
    std::string lastSuccessAt;       // last pass that left nothing unsent
    std::string lastError;           // English, for logs and the CLI
    std::string lastErrorKind;       // network | tls | auth | forbidden | server | protocol | ""
    std::int64_t serverLastSeq = 0;  // from GET /v1/state
    std::int64_t clockSkewMs = 0;    // server time - local time at the last response
    std::string configEtag;          // of the last applied GET /v1/config
    std::string countyOverrides;     // the overrides JSON as the county sent it ("" = none)
    std::string terms;               // the county's term calendar JSON array ("" = none)
    std::string countyReviews;       // the county's reviews of this school's weeks, JSON array ("" = none)
    std::int64_t maxBatchRecords = 0;  // last advertised limits (0 = unknown)
    std::int64_t maxBatchBytes = 0;
    std::int64_t maxDecompressedBytes = 0;
    std::int64_t maxRecordBytes = 0;
    std::int64_t capabilitiesAt = 0;  // unix ms of the last GET /v1/capabilities (0 = refetch)
    bool countyChecksSequences = false;  // advertised "sequence_check": no GET /v1/state before sending
    std::int64_t maxChangesLimit = 0;    // advertised entries per GET /v1/changes page (0 = unknown: 1000)
    std::string restoreWarning;      // set when the server knew more of this device than the file
    std::string lastPullAt;          // UTC: the last pass that read the school's change feed to its end
};

SyncSettings loadSyncSettings(const Database& db);
// Each save runs in its own write transaction.
void saveSyncSettings(Database& db, const SyncSettings& settings);
// Forgets the enrollment (token, device id) but keeps server URL and TLS options.
void clearEnrollment(Database& db);

SyncStateInfo loadSyncState(const Database& db);
void saveSyncState(Database& db, const SyncStateInfo& state);

// The county overrides last pulled by sync (GET /v1/config), parsed; empty overrides when none
// were pulled or the stored JSON no longer parses. Callers hand them to Ledger::setOverrides.
CountyOverrides loadCountyOverrides(const Database& db);

}  // namespace taizhang
