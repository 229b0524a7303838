#pragma once
// The seam between the sync engine and the network. The engine only ever sees HttpTransport;
// CurlTransport is the real one, tests may put a fault-injecting proxy in front of it.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace taizhang::sync {

struct HttpRequest {
    std::string method = "GET";  // GET | POST
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    const std::atomic<bool>* cancel = nullptr;  // set -> the transfer is aborted promptly
    // Upload progress (bytes sent, bytes total); may be empty.
    std::function<void(std::int64_t, std::int64_t)> onProgress;
    // Ask for a gzip response and inflate it (the change feed: a school year is mostly text).
    bool acceptGzip = false;
};

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // names lower-case
    std::string body;
    std::string header(std::string_view name) const;
};

enum class TransportError {
    None,
    Network,         // DNS, refused, reset, dropped, truncated: transient
    Timeout,         // connect timeout or below the low-speed limit for too long: transient
    TlsVerify,       // the certificate did not verify: often a firewall intercepting TLS
    TlsPinMismatch,  // the server's public key is not the pinned one
    Tls,             // another TLS failure (handshake, CA file unreadable)
    Proxy,           // the proxy refused or failed
    Cancelled,
    Other,
};

struct TransportResult {
    TransportError error = TransportError::None;
    std::string message;  // English, for logs; never contains the Authorization header
    HttpResponse response;
    std::int64_t bytesSent = 0;
    std::int64_t bytesReceived = 0;
    bool ok() const { return error == TransportError::None; }
};

class HttpTransport {
public:
    virtual ~HttpTransport() = default;
    virtual TransportResult send(const HttpRequest& request) = 0;
};

}  // namespace taizhang::sync
