#pragma once
// The offline bundle for a USB stick (docs/sync-protocol.md, "Offline bundle"): every unsent
// change frozen into batches, the exact gzip bytes of each batch, a manifest and an HMAC-SHA256
// under a key derived from the device token. The county imports it through the same ingest path,
// so a batch imported and later also sent online is a replay, never a duplicate.
#include <string>

#include "clock.h"
#include "database.h"
#include "outbox.h"

namespace taizhang::sync {

struct BundleResult {
    int batches = 0;
    std::int64_t records = 0;
    std::int64_t bytes = 0;
};

// Throws std::runtime_error if not enrolled or the file cannot be written (written to a temporary
// file then renamed, so a half-written bundle never has the final name).
BundleResult writeOfflineBundle(Database& db, const Clock& clock, const std::string& tokenKeyFile,
                                const BatchLimits& limits, const std::string& path);

// Key = SHA-256("taizhang-bundle-v1:" + token); HMAC-SHA256 over `content`, lower-case hex.
std::string bundleHmac(const std::string& deviceToken, const std::string& content);

}  // namespace taizhang::sync
