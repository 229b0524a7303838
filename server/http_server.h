#pragma once
// The county's HTTP API (docs/sync-protocol.md) on cpp-httplib: plain HTTP for loopback or
// behind nginx, or TLS directly (OpenSSL) when given a certificate and key.
#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "batch_parser.h"
#include "clock.h"
#include "console.h"
#include "guarded_server.h"
#include "ingest.h"
#include "rate_limiter.h"
#include "storage.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace taizhang::server {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8787;  // 0 = ephemeral
    Limits limits;
    int threads = 16;  // PostgreSQL connections; HTTP connections are bounded by `connections`
    ConnectionLimits connections;
    std::int64_t maxEnrollBytes = 16 << 10;
    std::string tlsCert;  // both set: serve HTTPS
    std::string tlsKey;
    int enrollMaxFailures = 5;
    std::int64_t enrollWindowMs = 10 * 60 * 1000;
    // Behind nginx every request comes from the proxy's address: requests from this address
    // are attributed to X-Real-IP instead (enrollment throttling per address, logs).
    std::string trustedProxy;
    ConsoleOptions console;  // the staff console under /console (secure cookies follow TLS)
};

class CountyServer {
public:
    CountyServer(Storage& storage, const Clock& clock, ServerOptions options);
    ~CountyServer();

    int bind();  // returns the bound port; throws on failure
    void run();  // blocks until shutdown()
    // Stops accepting, answers new requests with 503 and lets requests in hand finish.
    void shutdown();
    Ingestor& ingestor() { return ingestor_; }

private:
    void routes();
    // Decides from the request line and headers alone, before any body byte is read, whether
    // this request may send its body: unknown paths, wrong methods, bodies where none belongs,
    // missing or oversized lengths and encodings a route does not take are answered here.
    std::optional<ApiError> refuseBeforeBody(const httplib::Request& req) const;
    void handleCapabilities(const httplib::Request& req, httplib::Response& res);
    void handleEnroll(const httplib::Request& req, httplib::Response& res);
    void handleState(const httplib::Request& req, httplib::Response& res);
    void handleConfig(const httplib::Request& req, httplib::Response& res);
    void handleChanges(const httplib::Request& req, httplib::Response& res);
    DeviceRow authenticate(const httplib::Request& req);
    std::string clientAddress(const httplib::Request& req) const;

    Storage& storage_;
    const Clock& clock_;
    ServerOptions options_;
    Ingestor ingestor_;
    RateLimiter deviceLimiter_;
    FailureThrottle enrollThrottle_;
    std::unique_ptr<Console> console_;
    std::unique_ptr<httplib::Server> http_;
    std::atomic<bool> stopping_{false};
};

// RFC 7231 date for the Date header: "Sun, 22 Nov 2026 23:40:00 GMT".
std::string httpDate(std::int64_t unixMillis);

}  // namespace taizhang::server
