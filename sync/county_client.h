#pragma once
// The endpoints of docs/sync-protocol.md as typed calls over an HttpTransport. It only encodes
// requests and decodes bodies; what to do about a status code is the engine's business.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http_transport.h"
#include "outbox.h"
#include "pull_apply.h"

namespace taizhang::sync {

struct Capabilities {
    int protocol = 0;
    BatchLimits limits;
    std::size_t maxRecordBytes = 65536;
    int recordSchema = 1;  // the newest record schema the county checks fully (absent: 1)
    // Refuses a batch whose sequences another batch of the device holds (409 sequence_reused),
    // when the batch header asks: the restored-disk check then needs no round trip first.
    bool sequenceCheck = false;
    int maxChangesLimit = 1000;  // most entries per GET /v1/changes page (absent: 1000, the older counties')
    std::string serverTime;
};

struct Enrollment {
    std::string deviceId;
    std::string deviceToken;  // handle with care: seal it, never log it
    std::string schoolCode;
    std::string schoolName;
    std::string countyCode;  // "" from a county older than pull
    std::string schoolType;
};

struct ServerState {
    std::string deviceId;
    std::string schoolCode;
    std::int64_t lastSeq = 0;
    std::int64_t contiguousSeq = 0;
    std::int64_t records = 0;
};

struct CountyConfig {
    bool notModified = false;
    std::string etag;
    nlohmann::json overrides = nlohmann::json::object();
    nlohmann::json terms = nlohmann::json::array();
    // The county's reviews of the token's school's weeks: {week_start, state, reason, at}.
    nlohmann::json reviews = nlohmann::json::array();
};

// One page of GET /v1/changes.
struct ChangesPage {
    std::vector<PulledChange> changes;
    std::int64_t cursor = 0;  // pull after this next time
    bool more = false;
};

template <class T> struct ApiResult {
    TransportResult raw;
    std::optional<T> value;  // set when the status was the success status and the body parsed
    std::string error;       // why value is empty (English)
};

class CountyClient {
public:
    CountyClient(HttpTransport& transport, std::string baseUrl);

    ApiResult<Capabilities> capabilities(const std::atomic<bool>* cancel = nullptr);
    // clientNonce: the retry key of this enrollment (docs/sync-protocol.md): the same code with
    // the same nonce gets the same device and token again; "" sends none (not retry-safe).
    ApiResult<Enrollment> enroll(const std::string& schoolCode, const std::string& code, const std::string& deviceName,
                                 const std::string& clientNonce = "");
    ApiResult<ServerState> state(const std::string& token, const std::atomic<bool>* cancel = nullptr);
    ApiResult<CountyConfig> config(const std::string& token, const std::string& etag,
                                   const std::atomic<bool>* cancel = nullptr);
    // The school's changes after `after` (docs/sync-protocol.md, "Pull"); 404 from a county older
    // than the feed.
    ApiResult<ChangesPage> changes(const std::string& token, std::int64_t after, int limit,
                                   const std::atomic<bool>* cancel = nullptr);
    // The frozen bytes, as they are, under Idempotency-Key = batch id.
    TransportResult postBatch(const std::string& token, const FrozenBatch& batch, const std::atomic<bool>* cancel,
                              std::function<void(std::int64_t, std::int64_t)> onProgress = {});

    const std::string& baseUrl() const { return baseUrl_; }

private:
    HttpRequest get(const std::string& path, const std::string& token) const;
    HttpTransport& transport_;
    std::string baseUrl_;
};

// Server time of a response: "server_time" in a JSON body, else the Date header; nullopt if none.
std::optional<std::int64_t> serverTimeOf(const TransportResult& result);

}  // namespace taizhang::sync
