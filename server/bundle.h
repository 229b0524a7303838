#pragma once
// Offline bundles (docs/sync-protocol.md, "Offline bundle"): a school's unsent frozen batches on
// a USB stick, authenticated with HMAC-SHA256 under a key derived from its device token. The
// county imports them through the same Ingestor as POST /v1/batches.
#include <string>
#include <vector>

#include "ingest.h"

namespace taizhang::server {

struct BundleBatch {
    std::string batchId;
    std::string gzipBytes;
};

struct Bundle {
    std::string schoolCode;
    std::string deviceId;
    std::string createdAt;
    std::vector<BundleBatch> batches;
    std::string signedBytes;  // everything before the HMAC line
    std::string hmac;
};

// Parses the file's structure; throws std::runtime_error naming the line on any defect.
Bundle parseBundle(const std::string& fileBytes);

// Writes a bundle (tests, and the reference for the sync client's writer).
std::string writeBundle(const std::string& schoolCode, const std::string& deviceId, const std::string& createdAt,
                        const std::vector<BundleBatch>& batches, const std::string& bundleKeyHex);

struct BundleImportResult {
    std::string batchId;
    IngestResult result;
};

// Verifies device, school and HMAC, then ingests every batch. Throws std::runtime_error (bad
// bundle, nothing imported) or ApiError from a batch (earlier batches stay imported: each batch
// is its own transaction, exactly as online).
std::vector<BundleImportResult> importBundle(Storage& storage, Ingestor& ingestor, const std::string& fileBytes);

}  // namespace taizhang::server
