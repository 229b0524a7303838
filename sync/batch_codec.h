#pragma once
// The wire form of a batch (docs/sync-protocol.md): NDJSON, a header line then one record per
// line with its outbox "seq", gzip-compressed once when the batch is frozen. And the ack parser.
#include <string>
#include <string_view>
#include <vector>

#include "outbox.h"

namespace taizhang::sync {

struct BatchIdentity {
    std::string deviceId;    // server-assigned
    std::string schoolCode;  // as enrolled
};

// The uncompressed NDJSON of a batch.
std::string encodeBatchNdjson(const BatchIdentity& who, const std::string& batchId, const std::vector<OutboxRow>& rows);
// A BatchEncoder for Outbox::freezeNext / split: NDJSON then gzip.
BatchEncoder makeBatchEncoder(BatchIdentity who);

// Parses a 200 response body into an Ack; throws AckMismatch if it is not a well-formed ack.
Ack parseAck(std::string_view body);

// {"error":{"code":..,"message":..}} -> "code: message"; the raw start of the body otherwise.
std::string describeErrorBody(std::string_view body);
std::string errorCodeOf(std::string_view body);

}  // namespace taizhang::sync
