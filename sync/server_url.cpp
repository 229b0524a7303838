#include "server_url.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace taizhang::sync {

namespace {
bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Dotted-quad IPv4 with the first octet 127 (and every octet 0-255).
bool isLoopbackIpv4(const std::string& host)
{
    int parts = 0;
    std::size_t pos = 0;
    int first = -1;
    while (pos <= host.size()) {
        const auto dot = host.find('.', pos);
        const std::string part = host.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
        if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), ::isdigit)) return false;
        const int value = std::atoi(part.c_str());
        if (value > 255) return false;
        if (parts == 0) first = value;
        ++parts;
        if (dot == std::string::npos) break;
        pos = dot + 1;
    }
    return parts == 4 && first == 127;
}
}  // namespace

std::string urlHost(const std::string& url)
{
    const auto scheme = url.find("://");
    if (scheme == std::string::npos) return {};
    const std::size_t start = scheme + 3;
    const std::size_t end = url.find_first_of("/?#", start);
    std::string authority = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
    // "http://127.0.0.1@evil.example/" goes to evil.example: the host is after the last '@'.
    if (const auto at = authority.rfind('@'); at != std::string::npos) authority = authority.substr(at + 1);
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        return close == std::string::npos ? std::string{} : lower(authority.substr(1, close - 1));
    }
    return lower(authority.substr(0, authority.find(':')));
}

bool isLoopbackHost(const std::string& host)
{
    const std::string h = lower(host);
    return h == "localhost" || h == "localhost." || h == "::1" || isLoopbackIpv4(h);
}

std::string serverUrlProblem(const std::string& url, bool allowInsecureHttp)
{
    const std::string u = lower(url);
    if (startsWith(u, "https://")) {
        if (urlHost(url).empty()) return "服务器地址缺少主机名 (the server URL has no host)";
        return {};
    }
    if (!startsWith(u, "http://"))
        return "服务器地址应以 https:// 开头 (the server URL must start with https://)";
    const std::string host = urlHost(url);
    if (host.empty()) return "服务器地址缺少主机名 (the server URL has no host)";
    if (isLoopbackHost(host) || allowInsecureHttp) return {};
    return "拒绝使用明文 http:// 连接 " + host +
           "：设备令牌和记录会不加密地经过网络，任何人都能截获并冒充本校上报。请改用 https:// 地址；"
           "只有本机地址（127.0.0.1、::1、localhost）可以用 http://。如确需在内网临时使用明文连接，"
           "请显式加上 --allow-insecure-http。 (plain http:// to " +
           host + " would send the device token in clear; use https://, or pass --allow-insecure-http)";
}

}  // namespace taizhang::sync
