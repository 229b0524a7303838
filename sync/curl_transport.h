#pragma once
// HttpTransport over libcurl. TLS verification is always on (there is deliberately no switch to
// turn it off); a county CA file and a pinned public key can be added. Proxy comes from the
// environment (https_proxy, no_proxy) unless the settings name one. Instead of one hard timeout
// (which kills a slow but healthy upload of a large batch on a school's 1 Mbit/s line), a
// connect timeout plus a low-speed limit: abort only when the transfer crawls for too long.
#include <memory>
#include <string>

#include "http_transport.h"

namespace taizhang::sync {

struct TransportOptions {
    std::string caFile;           // PEM bundle of the county's CA, added trust for this host
    std::string pinnedPublicKey;  // "sha256//<base64>" (several separated by ';'), optional
    std::string proxy;            // "" = from the environment; "none" = never use a proxy
    long connectTimeoutSeconds = 20;
    long lowSpeedLimitBytesPerSecond = 64;  // below this ...
    long lowSpeedTimeSeconds = 60;          // ... for this long: abort as a timeout
    std::string userAgent = "taizhang-sync/1";
};

class CurlTransport final : public HttpTransport {
public:
    explicit CurlTransport(TransportOptions options = {});
    ~CurlTransport() override;
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;

    TransportResult send(const HttpRequest& request) override;

private:
    struct Impl;
    TransportOptions options_;
    std::unique_ptr<Impl> impl_;
};

// The message shown when verification fails: explains a TLS-intercepting firewall in plain words.
std::string tlsInterceptionMessage(const std::string& host, const std::string& detail);

}  // namespace taizhang::sync
