#pragma once
// Parses the inflated NDJSON body of POST /v1/batches into a header and record lines, enforcing
// every envelope rule of docs/sync-protocol.md. Envelope failures throw ApiError (nothing is
// stored); a line that is JSON but not a valid record is kept for a per-record rejection.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_error.h"

namespace taizhang::server {

struct Limits {
    std::int64_t maxBatchRecords = 1000;
    std::int64_t maxBatchBytes = 1 << 20;           // compressed request body
    std::int64_t maxDecompressedBytes = 8 << 20;    // inflated NDJSON
    std::int64_t maxRecordBytes = 64 << 10;         // one line
    std::int64_t maxJsonDepth = 32;
    int rateLimitPerMinute = 600;                   // per device; 0 disables
};

struct BatchHeader {
    std::string batchId;
    std::string deviceId;
    std::string schoolCode;
    std::int64_t firstSeq = 0;
    std::int64_t lastSeq = 0;
    std::int64_t count = 0;
    // "sequence_check": true. The client asks the county to refuse this batch (409
    // sequence_reused) when another batch of the device already holds one of its sequences: it
    // then needs no GET /v1/state before sending (docs/sync-protocol.md, "Restored disks").
    bool sequenceCheck = false;
};

struct BatchLine {
    std::int64_t seq = 0;
    nlohmann::json value;  // the record line, "seq" removed
};

struct ParsedBatch {
    BatchHeader header;
    std::vector<BatchLine> lines;
};

// Who sent the batch, as established by the token (never by the body).
struct BatchIdentity {
    std::string deviceId;
    std::string schoolCode;
    std::string idempotencyKey;
};

ParsedBatch parseBatch(std::string_view ndjson, const BatchIdentity& identity, const Limits& limits);

}  // namespace taizhang::server
