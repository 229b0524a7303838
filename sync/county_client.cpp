#include "county_client.h"

#include <algorithm>

#include "batch_codec.h"
#include "retry_policy.h"

namespace taizhang::sync {

using nlohmann::json;

namespace {
template <class T, class F> ApiResult<T> decode(TransportResult raw, int okStatus, F parse)
{
    ApiResult<T> r;
    r.raw = std::move(raw);
    if (!r.raw.ok()) {
        r.error = r.raw.message;
        return r;
    }
    if (r.raw.response.status != okStatus) {
        r.error = "HTTP " + std::to_string(r.raw.response.status) + " " + describeErrorBody(r.raw.response.body);
        return r;
    }
    try {
        r.value = parse(json::parse(r.raw.response.body));
    } catch (const std::exception& e) {
        r.error = std::string("unexpected response body: ") + e.what();
    }
    return r;
}

std::string trimSlash(std::string url)
{
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}
}  // namespace

CountyClient::CountyClient(HttpTransport& transport, std::string baseUrl)
    : transport_(transport), baseUrl_(trimSlash(std::move(baseUrl)))
{
}

HttpRequest CountyClient::get(const std::string& path, const std::string& token) const
{
    HttpRequest req;
    req.method = "GET";
    req.url = baseUrl_ + path;
    if (!token.empty()) req.headers.emplace_back("Authorization", "Bearer " + token);
    req.headers.emplace_back("Accept", "application/json");
    return req;
}

ApiResult<Capabilities> CountyClient::capabilities(const std::atomic<bool>* cancel)
{
    auto req = get("/v1/capabilities", "");
    req.cancel = cancel;
    return decode<Capabilities>(transport_.send(req), 200, [](const json& j) {
        Capabilities c;
        c.protocol = j.at("protocol").get<int>();
        c.limits.maxRecords = j.at("max_batch_records").get<std::size_t>();
        c.limits.maxBytes = j.at("max_batch_bytes").get<std::size_t>();
        c.limits.maxDecompressedBytes = j.at("max_decompressed_bytes").get<std::size_t>();
        c.maxRecordBytes = j.value("max_record_bytes", std::size_t{65536});
        c.limits.maxRecordBytes = c.maxRecordBytes;
        c.recordSchema = j.value("record_schema", 1);
        c.sequenceCheck = j.value("sequence_check", false);
        c.maxChangesLimit = std::max(1, j.value("max_changes_limit", 1000));
        c.serverTime = j.value("server_time", "");
        return c;
    });
}

ApiResult<Enrollment> CountyClient::enroll(const std::string& schoolCode, const std::string& code,
                                           const std::string& deviceName, const std::string& clientNonce)
{
    HttpRequest req;
    req.method = "POST";
    req.url = baseUrl_ + "/v1/enroll";
    req.headers.emplace_back("Content-Type", "application/json");
    json body{{"school_code", schoolCode}, {"enrollment_code", code}, {"device_name", deviceName}};
    if (!clientNonce.empty()) body["client_nonce"] = clientNonce;
    req.body = body.dump();
    return decode<Enrollment>(transport_.send(req), 200, [](const json& j) {
        Enrollment e;
        e.deviceId = j.at("device_id").get<std::string>();
        e.deviceToken = j.at("device_token").get<std::string>();
        e.schoolCode = j.at("school_code").get<std::string>();
        e.schoolName = j.value("school_name", "");
        e.countyCode = j.value("county_code", "");
        e.schoolType = j.value("school_type", "");
        return e;
    });
}

ApiResult<ServerState> CountyClient::state(const std::string& token, const std::atomic<bool>* cancel)
{
    auto req = get("/v1/state", token);
    req.cancel = cancel;
    return decode<ServerState>(transport_.send(req), 200, [](const json& j) {
        ServerState s;
        s.deviceId = j.value("device_id", "");
        s.schoolCode = j.value("school_code", "");
        s.lastSeq = j.at("last_seq").get<std::int64_t>();
        s.contiguousSeq = j.value("contiguous_seq", std::int64_t{0});
        s.records = j.value("records", std::int64_t{0});
        return s;
    });
}

ApiResult<CountyConfig> CountyClient::config(const std::string& token, const std::string& etag,
                                             const std::atomic<bool>* cancel)
{
    auto req = get("/v1/config", token);
    req.cancel = cancel;
    if (!etag.empty()) req.headers.emplace_back("If-None-Match", etag);
    auto raw = transport_.send(req);
    if (raw.ok() && raw.response.status == 304) {
        ApiResult<CountyConfig> r;
        r.raw = std::move(raw);
        CountyConfig c;
        c.notModified = true;
        c.etag = etag;
        r.value = c;
        return r;
    }
    const std::string newEtag = raw.response.header("etag");
    return decode<CountyConfig>(std::move(raw), 200, [&](const json& j) {
        CountyConfig c;
        c.etag = newEtag;
        c.overrides = j.value("overrides", json::object());
        c.terms = j.value("terms", json::array());
        c.reviews = j.value("reviews", json::array());
        return c;
    });
}

ApiResult<ChangesPage> CountyClient::changes(const std::string& token, std::int64_t after, int limit,
                                             const std::atomic<bool>* cancel)
{
    auto req = get("/v1/changes?after=" + std::to_string(after) + "&limit=" + std::to_string(limit), token);
    req.cancel = cancel;
    req.acceptGzip = true;
    return decode<ChangesPage>(transport_.send(req), 200, [](const json& j) {
        ChangesPage page;
        for (const auto& e : j.at("changes")) {
            page.changes.push_back({e.at("change").get<std::int64_t>(), e.at("type").get<std::string>(), e.at("record"),
                                    e.value("from_device", ""), e.value("received_at", ""), e.value("code", ""),
                                    e.value("winner_id", ""), e.value("winner_version", std::int64_t{0})});
        }
        page.cursor = j.at("cursor").get<std::int64_t>();
        page.more = j.value("more", false);
        return page;
    });
}

TransportResult CountyClient::postBatch(const std::string& token, const FrozenBatch& batch,
                                        const std::atomic<bool>* cancel,
                                        std::function<void(std::int64_t, std::int64_t)> onProgress)
{
    HttpRequest req;
    req.method = "POST";
    req.url = baseUrl_ + "/v1/batches";
    req.headers.emplace_back("Authorization", "Bearer " + token);
    req.headers.emplace_back("Idempotency-Key", batch.batchId);
    req.headers.emplace_back("Content-Type", "application/x-ndjson");
    req.headers.emplace_back("Content-Encoding", "gzip");
    req.body = batch.body;
    req.cancel = cancel;
    req.onProgress = std::move(onProgress);
    return transport_.send(req);
}

std::optional<std::int64_t> serverTimeOf(const TransportResult& result)
{
    if (!result.ok()) return std::nullopt;
    const auto& body = result.response.body;
    if (!body.empty() && body.front() == '{') {
        try {
            const auto j = json::parse(body);
            if (j.contains("server_time") && j["server_time"].is_string())
                if (auto t = parseUtcTimestamp(j["server_time"].get<std::string>())) return t;
        } catch (const std::exception&) {
        }
    }
    return parseHttpDate(result.response.header("date"));
}

}  // namespace taizhang::sync
