#pragma once
// Which county URLs the client may send its device token to. The token travels in the
// Authorization header of every request, so plain http:// would put it on the wire in clear:
// http is allowed only to this machine (127.0.0.0/8, ::1, localhost: a test or a county server
// on the same PC), or when the user explicitly accepted the risk (--allow-insecure-http /
// the sync.allow_insecure_http setting), e.g. inside a county network that TLS cannot reach yet.
#include <string>

namespace taizhang::sync {

// The host of an http(s) URL, lower-case, without brackets, port or user info; "" if none.
std::string urlHost(const std::string& url);
// 127.0.0.0/8, ::1 and localhost.
bool isLoopbackHost(const std::string& host);
// "" when the URL may be used; otherwise the reason, Chinese first, then English.
std::string serverUrlProblem(const std::string& url, bool allowInsecureHttp);

// What --allow-insecure-http risks, for help texts.
inline constexpr const char* kInsecureHttpRisk =
    "允许以明文 http:// 连接非本机的区县服务器：设备令牌和全部记录将不加密地经过网络，"
    "同一网络中的任何人都能读取并冒充本校上报。仅在无法使用 https 的内网临时使用。"
    " (sends the device token and every record unencrypted; anyone on the network path can read "
    "them and push data as this school)";

}  // namespace taizhang::sync
