#include "http_server.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "database.h"
#include "date.h"
#include "records.h"

#include "crypto.h"
#include "request_log.h"
#include "uuid.h"

namespace taizhang::server {
namespace {

using Json = nlohmann::json;

void sendJson(httplib::Response& res, int status, const std::string& body)
{
    res.status = status;
    res.set_content(body, "application/json");
}

void sendError(httplib::Response& res, const ApiError& e)
{
    if (e.retryAfterSeconds() > 0) res.set_header("Retry-After", std::to_string(e.retryAfterSeconds()));
    currentRequestNote().errorCode = e.code();
    sendJson(res, e.status(), Json{{"error", {{"code", e.code()}, {"message", e.what()}}}}.dump());
}

// Runs a handler, turning ApiError into the protocol's error body and anything else into 500.
template <class F> void guarded(httplib::Response& res, F&& f)
{
    try {
        f();
    } catch (const ApiError& e) {
        sendError(res, e);
    } catch (const StorageError& e) {
        // Database unreachable or failing (PostgreSQL down, SQLite locked too long): transient.
        logEvent("error", "storage failure", {{"error", e.what()}});
        sendError(res, ApiError(503, "unavailable", "the county database is unavailable; retry later", 5));
    } catch (const DbError& e) {
        logEvent("error", "storage failure", {{"error", e.what()}});
        sendError(res, ApiError(503, "unavailable", "the county database is unavailable; retry later", 5));
    } catch (const std::exception& e) {
        logEvent("error", "request failed", {{"error", e.what()}});
        sendError(res, ApiError(500, "internal_error", "internal server error; the request was rolled back"));
    }
}

Json parseJsonBody(const std::string& body)
{
    Json j = Json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw ApiError(400, "invalid_request", "request body is not a JSON object");
    return j;
}

std::string stringField(const Json& j, const char* key)
{
    auto it = j.find(key);
    if (it == j.end() || !it->is_string() || it->get<std::string>().empty())
        throw ApiError(400, "invalid_request", std::string("field '") + key + "' missing or not a non-empty string");
    return it->get<std::string>();
}

// A query parameter that must be a non-negative decimal integer, or `fallback` when absent.
std::int64_t counterParam(const httplib::Request& req, const char* name, std::int64_t fallback)
{
    if (!req.has_param(name)) return fallback;
    if (req.get_param_value_count(name) > 1)
        throw ApiError(400, "invalid_request", std::string("parameter '") + name + "' given more than once");
    const std::string text = req.get_param_value(name);
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
        throw ApiError(400, "invalid_request", std::string("parameter '") + name + "' must be a non-negative integer");
    return std::stoll(text);
}

constexpr std::int64_t kDefaultChangesLimit = 500;
// Advertised as max_changes_limit. Each page costs the client a round trip: a school's first
// pull after a big push (its own records come back) took 11 pages of 1 000 on a 1 Mbit/s line.
constexpr std::int64_t kMaxChangesLimit = 5000;
// The JSON of a page before gzip (about 550 bytes per entry): a page of 5 000 is about 2.8 MB,
// 200 kB on the wire, under two seconds on a 1 Mbit/s line.
constexpr std::int64_t kMaxChangesPageBytes = 4 << 20;

}  // namespace

std::string httpDate(std::int64_t unixMillis)
{
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    // core's Date arithmetic rather than gmtime_r, which Windows does not have.
    const std::int64_t seconds = unixMillis >= 0 ? unixMillis / 1000 : (unixMillis - 999) / 1000;
    const std::int64_t dayNumber = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    const int secondOfDay = static_cast<int>(seconds - dayNumber * 86400);
    const Date day = Date::fromDays(dayNumber);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[day.isoWeekday() % 7], day.day,
                  months[day.month - 1], day.year, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60);
    return buf;
}

CountyServer::CountyServer(Storage& storage, const Clock& clock, ServerOptions options)
    : storage_(storage),
      clock_(clock),
      options_(std::move(options)),
      ingestor_(storage, clock, options_.limits),
      deviceLimiter_(options_.limits.rateLimitPerMinute),
      enrollThrottle_(options_.enrollMaxFailures, options_.enrollWindowMs)
{
    ConnectionLimits& conn = options_.connections;
    // Raw body bytes: the largest body a route takes, plus room for chunk framing.
    conn.maxBodyBytes = std::max(options_.limits.maxBatchBytes, options_.maxEnrollBytes) + (64 << 10);
    if (conn.unlimitedAddress.empty()) conn.unlimitedAddress = options_.trustedProxy;
    http_ = makeGuardedServer(conn, options_.tlsCert, options_.tlsKey);
    options_.console.secureCookies = !options_.tlsCert.empty();
    console_ = std::make_unique<Console>(storage_, clock_, options_.console,
                                         [this](const httplib::Request& req) { return clientAddress(req); });
    // One worker per admitted connection, and a few more so that a refusal (too many
    // connections) is answered at once rather than queued behind them.
    const size_t workers = static_cast<size_t>(conn.maxConnections) + 8;
    http_->new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
    http_->set_payload_max_length(static_cast<size_t>(options_.limits.maxBatchBytes));
    http_->set_keep_alive_timeout(2);
    routes();
}

CountyServer::~CountyServer() = default;

int CountyServer::bind()
{
    int port = options_.port;
    if (port == 0) {
        port = http_->bind_to_any_port(options_.host);
        if (port <= 0) throw std::runtime_error("cannot bind " + options_.host + " on an ephemeral port");
    } else if (!http_->bind_to_port(options_.host, port)) {
        throw std::runtime_error("cannot bind " + options_.host + ":" + std::to_string(port) + " (in use?)");
    }
    widenListenBacklog(*http_);
    return port;
}

void CountyServer::run() { http_->listen_after_bind(); }

void CountyServer::shutdown()
{
    stopping_ = true;
    http_->stop();
}

std::string CountyServer::clientAddress(const httplib::Request& req) const
{
    if (!options_.trustedProxy.empty() && req.remote_addr == options_.trustedProxy && req.has_header("X-Real-IP"))
        return req.get_header_value("X-Real-IP");
    return req.remote_addr;
}

DeviceRow CountyServer::authenticate(const httplib::Request& req)
{
    const std::string header = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    if (header.empty()) throw ApiError(401, "missing_token", "Authorization: Bearer <device token> is required");
    if (header.compare(0, prefix.size(), prefix) != 0 || header.size() == prefix.size())
        throw ApiError(401, "invalid_token", "Authorization must be 'Bearer <device token>'");
    auto device = storage_.findDeviceByTokenHash(tokenHash(header.substr(prefix.size())));
    if (!device) throw ApiError(401, "invalid_token", "unknown device token; enroll this device again");
    auto& note = currentRequestNote();
    note.deviceId = device->id;
    note.schoolCode = device->schoolCode;
    if (device->revokedAt) throw ApiError(401, "device_revoked", "this device was revoked by the county");
    auto school = storage_.findSchool(device->schoolCode);
    if (!school || school->disabled) throw ApiError(403, "school_disabled", "this school is disabled at the county");
    if (int wait = deviceLimiter_.acquire(device->id, clock_.nowUnixMillis()))
        throw ApiError(429, "rate_limited", "too many requests from this device", wait);
    return *device;
}

void CountyServer::routes()
{
    auto& http = *http_;
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        resetRequestNote(clock_.nowUnixMillis());
        if (stopping_) {
            sendError(res, ApiError(503, "unavailable", "the server is shutting down", 5));
            return httplib::Server::HandlerResponse::Handled;
        }
        if (auto refusal = refuseBeforeBody(req)) {
            sendError(res, *refusal);
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // A client asking "Expect: 100-continue" hears the refusal before it sends the body.
    http.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (auto refusal = refuseBeforeBody(req)) {
            sendError(res, *refusal);
            return res.status;
        }
        return 100;
    });
    http.set_post_routing_handler([this](const httplib::Request&, httplib::Response& res) {
        res.set_header("Date", httpDate(clock_.nowUnixMillis()));
        // An error may leave the request body unread on the connection: never parse it as the
        // next request.
        if (res.status >= 400) {
            res.set_header("Connection", "close");
            closeConnectionAfterResponse();
        }
    });
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 404) sendError(res, ApiError(404, "not_found", "no such endpoint"));
        else if (res.status == 413) sendError(res, ApiError(413, "batch_too_large", "request body exceeds max_batch_bytes"));
        else if (res.status == 415) sendError(res, ApiError(415, "unsupported_encoding", "unsupported Content-Encoding"));
        else sendError(res, ApiError(res.status, "invalid_request", "request rejected"));
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        sendError(res, ApiError(500, "internal_error", "internal server error"));
    });
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        const auto& note = currentRequestNote();
        Json line{{"level", "info"}, {"msg", "request"}, {"method", req.method}, {"path", req.path},
                  {"status", res.status}, {"remote", clientAddress(req)},
                  {"ms", SystemClock::instance().nowUnixMillis() - note.startMs}};
        if (!note.deviceId.empty()) line["device"] = note.deviceId;
        if (!note.schoolCode.empty()) line["school"] = note.schoolCode;
        if (!note.batchId.empty()) line["batch_id"] = note.batchId;
        if (!note.errorCode.empty()) line["error"] = note.errorCode;
        if (!note.counts.is_null()) line["counts"] = note.counts;
        if (note.replayed) line["replayed"] = true;
        logLine(line);
        // Requests httplib refuses before routing (malformed request line) skip the pre-routing
        // reset: never let them inherit this request's device or batch.
        resetRequestNote(SystemClock::instance().nowUnixMillis());
    });

    http.Get("/v1/capabilities", [this](const httplib::Request& q, httplib::Response& s) { handleCapabilities(q, s); });
    http.Post("/v1/enroll", [this](const httplib::Request& q, httplib::Response& s) { handleEnroll(q, s); });
    http.Get("/v1/state", [this](const httplib::Request& q, httplib::Response& s) { handleState(q, s); });
    http.Get("/v1/config", [this](const httplib::Request& q, httplib::Response& s) { handleConfig(q, s); });
    http.Get("/v1/changes", [this](const httplib::Request& q, httplib::Response& s) { handleChanges(q, s); });
    http.Post("/v1/batches", [this](const httplib::Request& req, httplib::Response& res,
                                    const httplib::ContentReader& reader) {
        guarded(res, [&] {
            const DeviceRow device = authenticate(req);
            const std::string encoding = req.get_header_value("Content-Encoding");
            if (!encoding.empty() && encoding != "gzip" && encoding != "identity")
                throw ApiError(415, "unsupported_encoding", "Content-Encoding must be gzip or identity");
            const auto& limits = ingestor_.limits();
            if (req.has_header("Content-Length") &&
                std::strtoll(req.get_header_value("Content-Length").c_str(), nullptr, 10) > limits.maxBatchBytes)
                throw ApiError(413, "batch_too_large", "request body exceeds max_batch_bytes (" +
                                                           std::to_string(limits.maxBatchBytes) + ")");
            // httplib inflates gzip chunk by chunk into this receiver; stopping here at the cap
            // bounds memory whatever the compression ratio (gzip bomb).
            std::string body;
            bool overCap = false;
            const bool ok = reader([&](const char* data, size_t size) {
                if (static_cast<std::int64_t>(body.size() + size) > limits.maxDecompressedBytes) {
                    overCap = true;
                    return false;
                }
                body.append(data, size);
                return true;
            });
            if (overCap)
                throw ApiError(413, "decompressed_too_large", "inflated body exceeds max_decompressed_bytes (" +
                                                                  std::to_string(limits.maxDecompressedBytes) + ")");
            if (!ok && res.status == 413) throw ApiError(413, "batch_too_large", "request body exceeds max_batch_bytes");
            if (!ok && encoding == "gzip") throw ApiError(400, "invalid_gzip", "the body is not valid gzip data");
            if (!ok) throw ApiError(400, "invalid_request", "the request body could not be read");
            const std::string key = req.get_header_value("Idempotency-Key");
            currentRequestNote().batchId = key;
            IngestResult result = ingestor_.ingest(device, body, key);
            auto& note = currentRequestNote();
            note.replayed = result.replayed;
            if (!result.replayed)
                note.counts = {{"created", result.counts.created}, {"updated", result.counts.updated},
                               {"duplicate", result.counts.duplicate}, {"rejected", result.counts.rejected},
                               {"conflict", result.counts.conflict}};
            if (result.replayed) res.set_header("Idempotent-Replayed", "true");
            sendJson(res, 200, result.response);
        });
    });
    console_->addRoutes(http);
    // Unknown paths and wrong methods never reach a handler: refuseBeforeBody answers them.
}

std::optional<ApiError> CountyServer::refuseBeforeBody(const httplib::Request& req) const
{
    struct Route {
        const char* path;
        const char* method;
        std::int64_t maxBody;  // 0: no body
        bool takesGzipAndChunks;
    };
    std::vector<Route> routes{{"/v1/capabilities", "GET", 0, false},
                              {"/v1/state", "GET", 0, false},
                              {"/v1/config", "GET", 0, false},
                              {"/v1/changes", "GET", 0, false},
                              {"/v1/enroll", "POST", options_.maxEnrollBytes, false},
                              {"/v1/batches", "POST", options_.limits.maxBatchBytes, true}};
    // The console's pages: GETs without a body, POSTs with a small urlencoded form.
    for (const auto& r : console_->routes()) routes.push_back({r.path, r.method, r.maxBody, false});
    const std::string method = req.method == "HEAD" ? "GET" : req.method;
    const Route* route = nullptr;
    bool pathKnown = false;
    for (const auto& r : routes) {
        if (req.path != r.path) continue;
        pathKnown = true;
        if (method == r.method) route = &r;
    }
    if (!pathKnown) return ApiError(404, "not_found", "no such endpoint");
    if (!route) return ApiError(405, "method_not_allowed", "method not allowed on this endpoint");

    const bool hasLength = req.has_header("Content-Length");
    const bool hasTransferEncoding = req.has_header("Transfer-Encoding");
    if (req.get_header_value_count("Content-Length") > 1 || req.get_header_value_count("Transfer-Encoding") > 1 ||
        (hasLength && hasTransferEncoding))
        return ApiError(400, "invalid_request", "conflicting Content-Length / Transfer-Encoding headers");
    if (hasTransferEncoding && req.get_header_value("Transfer-Encoding") != "chunked")
        return ApiError(400, "invalid_request", "Transfer-Encoding must be chunked");
    std::int64_t length = 0;
    if (hasLength) {
        const std::string text = req.get_header_value("Content-Length");
        if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
            return ApiError(400, "invalid_request", "Content-Length is not a number");
        length = std::stoll(text);
    }
    if (route->maxBody == 0) {
        if (length > 0 || hasTransferEncoding)
            return ApiError(400, "invalid_request", "this endpoint takes no request body");
        return std::nullopt;
    }
    if (!hasLength && !(hasTransferEncoding && route->takesGzipAndChunks))
        return ApiError(411, "length_required", "this endpoint requires a Content-Length");
    if (length > route->maxBody)
        return route->takesGzipAndChunks
                   ? ApiError(413, "batch_too_large",
                              "request body exceeds max_batch_bytes (" + std::to_string(route->maxBody) + ")")
                   : ApiError(413, "body_too_large",
                              "request body exceeds " + std::to_string(route->maxBody) + " bytes");
    const std::string encoding = req.get_header_value("Content-Encoding");
    if (!encoding.empty() && encoding != "identity" && !(route->takesGzipAndChunks && encoding == "gzip"))
        return ApiError(415, "unsupported_encoding",
                        route->takesGzipAndChunks ? "Content-Encoding must be gzip or identity"
                                                  : "this endpoint takes no Content-Encoding");
    return std::nullopt;
}

void CountyServer::handleCapabilities(const httplib::Request&, httplib::Response& res)
{
    const auto& l = ingestor_.limits();
    sendJson(res, 200,
             Json{{"protocol", 1}, {"max_batch_records", l.maxBatchRecords}, {"max_batch_bytes", l.maxBatchBytes},
                  {"max_decompressed_bytes", l.maxDecompressedBytes}, {"max_record_bytes", l.maxRecordBytes},
                  {"max_json_depth", l.maxJsonDepth}, {"encodings", {"gzip", "identity"}},
                  {"rate_limit_per_minute", l.rateLimitPerMinute}, {"sequence_check", true},
                  {"max_changes_limit", kMaxChangesLimit},
                  // The newest record schema this server checks fully (docs/sync-protocol.md).
                  {"record_schema", kRecordSchemaVersion},
                  // GET /v1/changes is served (absent: a county from before the change feed).
                  {"changes", 1},
                  {"server_time", formatUtcTimestamp(clock_.nowUnixMillis())}}
                 .dump());
}

void CountyServer::handleEnroll(const httplib::Request& req, httplib::Response& res)
{
    guarded(res, [&] {
        const auto now = clock_.nowUnixMillis();
        const Json body = parseJsonBody(req.body);
        const std::string school = stringField(body, "school_code");
        const std::string code = stringField(body, "enrollment_code");
        const std::string name = stringField(body, "device_name");
        currentRequestNote().schoolCode = school;
        const std::string addrKey = "addr:" + clientAddress(req), schoolKey = "school:" + school;
        const int wait = std::max(enrollThrottle_.retryAfter(addrKey, now), enrollThrottle_.retryAfter(schoolKey, now));
        if (wait) throw ApiError(429, "enrollment_throttled", "too many failed enrollment attempts; wait and retry", wait);

        // Optional retry key (docs/sync-protocol.md): 32 to 128 hex characters chosen by the client.
        std::string nonce;
        if (auto it = body.find("client_nonce"); it != body.end()) {
            if (!it->is_string()) throw ApiError(400, "invalid_request", "field 'client_nonce' must be a string");
            nonce = it->get<std::string>();
            const bool hex = std::all_of(nonce.begin(), nonce.end(), [](unsigned char c) { return std::isxdigit(c); });
            if (nonce.size() < 32 || nonce.size() > 128 || !hex)
                throw ApiError(400, "invalid_request", "field 'client_nonce' must be 32 to 128 hex characters");
        }

        DeviceRow device;
        device.id = newUuidV7(now);
        device.schoolCode = school;
        device.name = name;
        std::string token = newDeviceToken();
        device.tokenHash = tokenHash(token);
        device.bundleKey = bundleKeyForToken(token);
        device.createdAt = formatUtcTimestamp(now);
        EnrollReplay replay;
        if (!nonce.empty()) {
            replay.nonceHash = enrollNonceHash(nonce);
            replay.sealedToken = sealTokenForNonce(token, nonce);
        }
        const auto outcome = storage_.enroll(school, enrollmentCodeHash(code), device, now, replay);
        if (outcome != EnrollOutcome::Enrolled && outcome != EnrollOutcome::Replayed) {
            enrollThrottle_.recordFailure(addrKey, now);
            enrollThrottle_.recordFailure(schoolKey, now);
        }
        switch (outcome) {
        case EnrollOutcome::Enrolled: break;
        case EnrollOutcome::Replayed: {
            // The same client asks again (its first answer was lost): the same device and token.
            auto first = openTokenForNonce(replay.sealedToken, nonce);
            if (!first) throw ApiError(403, "enrollment_code_used", "this enrollment code was already used");
            token = *first;
            device.id = replay.deviceId;
            break;
        }
        case EnrollOutcome::InvalidCode:
            throw ApiError(403, "enrollment_code_invalid", "unknown enrollment code for this school");
        case EnrollOutcome::Expired: throw ApiError(403, "enrollment_code_expired", "this enrollment code has expired");
        case EnrollOutcome::Used: throw ApiError(403, "enrollment_code_used", "this enrollment code was already used");
        case EnrollOutcome::SchoolDisabled: throw ApiError(403, "school_disabled", "this school is disabled at the county");
        }
        const auto schoolRow = storage_.findSchool(school);
        currentRequestNote().deviceId = device.id;
        logEvent("info", outcome == EnrollOutcome::Replayed ? "device enrollment answered again" : "device enrolled",
                 {{"device", device.id}, {"school", school}, {"device_name", name}});
        sendJson(res, 200,
                 Json{{"device_id", device.id}, {"device_token", token}, {"school_code", school},
                      {"school_name", schoolRow ? schoolRow->name : ""},
                      // A computer joining a school it has not set up takes the profile from here.
                      {"county_code", schoolRow ? schoolRow->countyCode : ""},
                      {"school_type", schoolRow ? schoolRow->type : ""}, {"server_time", formatUtcTimestamp(now)}}
                     .dump());
    });
}

void CountyServer::handleState(const httplib::Request& req, httplib::Response& res)
{
    guarded(res, [&] {
        const DeviceRow device = authenticate(req);
        const DeviceState state = storage_.deviceState(device.id);
        std::int64_t last = 0, contiguous = 0;
        bool started = false;
        for (const auto& r : state.ranges) {  // sorted by first_seq
            last = std::max(last, r.last);
            if (!started) {
                contiguous = r.last;
                started = true;
            } else if (r.first <= contiguous + 1) {
                contiguous = std::max(contiguous, r.last);
            }
        }
        // A hole stops contiguity for good: later ranges only extend it if they touch it.
        sendJson(res, 200,
                 Json{{"device_id", device.id}, {"school_code", device.schoolCode}, {"last_seq", last},
                      {"contiguous_seq", contiguous}, {"records", state.records},
                      {"server_time", formatUtcTimestamp(clock_.nowUnixMillis())}}
                     .dump());
    });
}

void CountyServer::handleConfig(const httplib::Request& req, httplib::Response& res)
{
    guarded(res, [&] {
        const DeviceRow device = authenticate(req);
        const std::string overrides = storage_.configValue("overrides").value_or("{}");
        const std::string terms = storage_.configValue("terms").value_or("[]");
        // The county's reviews of this school's weeks (approved = locked, returned = 退回 with a
        // reason), so that a return reaches the school in the same sync round.
        Json reviews = Json::array();
        for (const auto& r : storage_.periodReviews(device.schoolCode))
            reviews.push_back({{"week_start", r.weekStart}, {"state", r.state}, {"reason", r.reason}, {"at", r.at}});
        const std::string etag = "\"" + sha256Hex(overrides + "\n" + terms + "\n" + reviews.dump()).substr(0, 32) + "\"";
        res.set_header("ETag", etag);
        if (req.get_header_value("If-None-Match") == etag) {
            res.status = 304;
            return;
        }
        sendJson(res, 200,
                 Json{{"overrides", Json::parse(overrides)}, {"terms", Json::parse(terms)}, {"reviews", reviews},
                      {"server_time", formatUtcTimestamp(clock_.nowUnixMillis())}}
                     .dump());
    });
}

}  // namespace taizhang::server

namespace taizhang::server {

void CountyServer::handleChanges(const httplib::Request& req, httplib::Response& res)
{
    guarded(res, [&] {
        // The school is the token's, always: no parameter names one.
        const DeviceRow device = authenticate(req);
        const std::int64_t after = counterParam(req, "after", 0);
        const std::int64_t limit = counterParam(req, "limit", kDefaultChangesLimit);
        if (limit < 1 || limit > kMaxChangesLimit)
            throw ApiError(400, "invalid_request",
                           "parameter 'limit' must be between 1 and " + std::to_string(kMaxChangesLimit));
        const auto entries =
            storage_.changesAfter(device.schoolCode, after, static_cast<int>(limit), kMaxChangesPageBytes);
        // The stored record JSON is already the canonical wire form: spliced in, not re-encoded.
        std::string body = "{\"changes\":[";
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const auto& e = entries[i];
            if (i) body += ',';
            body += "{\"change\":" + std::to_string(e.change) + ",\"type\":" + Json(e.type).dump() +
                    ",\"from_device\":" + Json(e.deviceId).dump() + ",\"received_at\":" + Json(e.receivedAt).dump() +
                    ",\"record\":" + e.recordJson;
            if (e.type == "conflict")
                body += ",\"code\":" + Json(e.code).dump() + ",\"winner_id\":" + Json(e.winnerId).dump() +
                        ",\"winner_version\":" + std::to_string(e.winnerVersion);
            body += '}';
        }
        const std::int64_t cursor = entries.empty() ? after : entries.back().change;
        const bool more = !entries.empty() && !storage_.changesAfter(device.schoolCode, cursor, 1, 0).empty();
        body += "],\"cursor\":" + std::to_string(cursor) + ",\"more\":" + (more ? "true" : "false") +
                ",\"server_time\":" + Json(formatUtcTimestamp(clock_.nowUnixMillis())).dump() + "}";
        sendJson(res, 200, body);
    });
}

}  // namespace taizhang::server
