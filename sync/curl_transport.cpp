#include "curl_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace taizhang::sync {

std::string HttpResponse::header(std::string_view name) const
{
    std::string key(name);
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    auto it = headers.find(key);
    return it == headers.end() ? std::string{} : it->second;
}

std::string tlsInterceptionMessage(const std::string& host, const std::string& detail)
{
    return "the TLS certificate presented for " + host +
           " could not be verified (" + detail +
           "). If this school's network has a firewall or web filter that inspects HTTPS, it is "
           "replacing the county server's certificate: ask the network administrator to exempt " +
           host +
           " from HTTPS inspection, or, if the county runs its own CA, configure its CA file "
           "(taizhang sync enroll --ca-file). Verification is never switched off.";
}

namespace {
std::once_flag globalInit;

struct Collected {
    HttpResponse* response;
};

size_t onBody(char* data, size_t size, size_t n, void* user)
{
    auto* c = static_cast<Collected*>(user);
    c->response->body.append(data, size * n);
    return size * n;
}

size_t onHeader(char* data, size_t size, size_t n, void* user)
{
    auto* c = static_cast<Collected*>(user);
    std::string line(data, size * n);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (line.rfind("HTTP/", 0) == 0) {
        c->response->headers.clear();  // a new response (after 100 Continue or a proxy CONNECT)
        return size * n;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) return size * n;
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
    std::string value = line.substr(colon + 1);
    const auto start = value.find_first_not_of(" \t");
    value = start == std::string::npos ? std::string{} : value.substr(start);
    c->response->headers[name] = value;
    return size * n;
}

struct ProgressContext {
    const HttpRequest* request;
};

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t ultotal, curl_off_t ulnow)
{
    auto* p = static_cast<ProgressContext*>(user);
    if (p->request->cancel && p->request->cancel->load()) return 1;  // aborts with CURLE_ABORTED_BY_CALLBACK
    if (p->request->onProgress) p->request->onProgress(ulnow, ultotal);
    return 0;
}

std::string hostOf(const std::string& url)
{
    auto start = url.find("://");
    start = start == std::string::npos ? 0 : start + 3;
    auto end = url.find_first_of(":/", start);
    return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

TransportError classify(CURLcode rc)
{
    switch (rc) {
    case CURLE_OK: return TransportError::None;
    case CURLE_OPERATION_TIMEDOUT: return TransportError::Timeout;
    case CURLE_PEER_FAILED_VERIFICATION: return TransportError::TlsVerify;
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH: return TransportError::TlsPinMismatch;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE: return TransportError::Tls;
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_PROXY: return TransportError::Proxy;
    case CURLE_ABORTED_BY_CALLBACK: return TransportError::Cancelled;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_BAD_CONTENT_ENCODING: return TransportError::Network;
    default: return TransportError::Other;
    }
}
}  // namespace

struct CurlTransport::Impl {
    CURL* easy = nullptr;
    // CURLOPT_ERRORBUFFER must stay valid for as long as the handle may write to it, which is
    // the handle's whole life (libcurl may report while closing a cached connection, after
    // send() returned): so it lives beside the handle, never on send()'s stack.
    char errorBuffer[CURL_ERROR_SIZE] = {0};
};

CurlTransport::CurlTransport(TransportOptions options) : options_(std::move(options)), impl_(std::make_unique<Impl>())
{
    std::call_once(globalInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    impl_->easy = curl_easy_init();
}

CurlTransport::~CurlTransport()
{
    if (impl_ && impl_->easy) curl_easy_cleanup(impl_->easy);
}

TransportResult CurlTransport::send(const HttpRequest& request)
{
    TransportResult result;
    CURL* h = impl_->easy;
    if (!h) {
        result.error = TransportError::Other;
        result.message = "libcurl could not be initialised";
        return result;
    }
    // Reset options but keep the connection cache: one keep-alive connection for a whole pass.
    curl_easy_reset(h);
    char* errorBuffer = impl_->errorBuffer;
    errorBuffer[0] = '\0';  // a message from the previous request must not be taken for this one's
    Collected collected{&result.response};
    ProgressContext progress{&request};

    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_USERAGENT, options_.userAgent.c_str());
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.caFile.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options_.caFile.c_str());
    if (!options_.pinnedPublicKey.empty())
        curl_easy_setopt(h, CURLOPT_PINNEDPUBLICKEY, options_.pinnedPublicKey.c_str());
    if (options_.proxy == "none")
        curl_easy_setopt(h, CURLOPT_PROXY, "");
    else if (!options_.proxy.empty())
        curl_easy_setopt(h, CURLOPT_PROXY, options_.proxy.c_str());
    // else: libcurl reads https_proxy / http_proxy / no_proxy from the environment.
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, options_.connectTimeoutSeconds);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, options_.lowSpeedLimitBytesPerSecond);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, options_.lowSpeedTimeSeconds);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &collected);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &collected);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &progress);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    if (request.acceptGzip) curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");

    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
    // No "Expect: 100-continue": on a 300 ms link it costs a round trip per batch for nothing.
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    if (request.method == "POST") {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    } else if (request.method != "GET") {
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }

    const CURLcode rc = curl_easy_perform(h);
    curl_slist_free_all(headers);

    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_off_t up = 0, down = 0;
    long requestSize = 0, headerSize = 0;
    curl_easy_getinfo(h, CURLINFO_SIZE_UPLOAD_T, &up);
    curl_easy_getinfo(h, CURLINFO_SIZE_DOWNLOAD_T, &down);
    curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &requestSize);
    curl_easy_getinfo(h, CURLINFO_HEADER_SIZE, &headerSize);
    // REQUEST_SIZE already counts a POSTFIELDS body; SIZE_UPLOAD only matters for streamed bodies.
    result.bytesSent = std::max<std::int64_t>(requestSize, static_cast<std::int64_t>(up));
    result.bytesReceived = static_cast<std::int64_t>(down) + headerSize;
    result.response.status = static_cast<int>(status);
    result.error = classify(rc);
    if (rc != CURLE_OK) {
        const std::string detail = errorBuffer[0] ? std::string(errorBuffer) : std::string(curl_easy_strerror(rc));
        const std::string host = hostOf(request.url);
        switch (result.error) {
        case TransportError::TlsVerify: result.message = tlsInterceptionMessage(host, detail); break;
        case TransportError::TlsPinMismatch:
            result.message = "the public key of " + host +
                             " does not match the pinned county key: the connection is being intercepted "
                             "(a firewall inspecting HTTPS) or the county changed its key; nothing was sent (" +
                             detail + ")";
            break;
        case TransportError::Proxy: result.message = "the proxy failed: " + detail; break;
        case TransportError::Cancelled: result.message = "cancelled"; break;
        default: result.message = "cannot reach " + host + ": " + detail; break;
        }
    }
    return result;
}

}  // namespace taizhang::sync
