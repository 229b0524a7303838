#pragma once
// The one ingest path: POST /v1/batches and offline bundle import both call Ingestor::ingest.
// One transaction per batch; the idempotency row stores the ack; records dedup on their id;
// higher version wins; equal version with other content is kept as a conflict.
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "batch_parser.h"
#include "clock.h"
#include "county_types.h"
#include "record_check.h"
#include "storage.h"

namespace taizhang::server {

struct AckCounts {
    std::int64_t created = 0, updated = 0, duplicate = 0, rejected = 0, conflict = 0;
};

struct IngestResult {
    std::string response;  // the ack JSON body
    bool replayed = false;
    AckCounts counts;      // zero for a replay
    std::string batchId;
};

class Ingestor {
public:
    Ingestor(Storage& storage, const Clock& clock, Limits limits);
    // Fault injection for crash tests: called after the records are written, before commit.
    void setBeforeCommitHook(std::function<void()> hook) { beforeCommit_ = std::move(hook); }
    // The ingest benchmark's baseline only (serve_command.cpp): batches stored without refreshing
    // the day summaries. Whoever turns it off must leave the summaries marked for a rebuild.
    void setDaySummaries(bool on) { daySummaries_ = on; }

    // ndjson is the inflated body. Throws ApiError for envelope failures, 409 and 422.
    IngestResult ingest(const DeviceRow& device, std::string_view ndjson, const std::string& idempotencyKey);

    const Limits& limits() const { return limits_; }

private:
    IngestResult ingestParsed(const DeviceRow& device, const ParsedBatch& batch, const std::string& bodyHash);

    Storage& storage_;
    const Clock& clock_;
    Limits limits_;
    std::function<void()> beforeCommit_;
    bool daySummaries_ = true;
    std::mutex inFlightMutex_;
    std::set<std::string> inFlight_;  // device id + batch id being processed by this process
};

}  // namespace taizhang::server
