#include "sync_problem.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <QCoreApplication>
#include <QStringList>
#include <nlohmann/json.hpp>

#include "batch_codec.h"
#include "clock.h"
#include "date.h"

namespace taizhang {

namespace {

bool contains(std::string text, std::string_view needle)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text.find(needle) != std::string::npos;
}

// Context "SyncProblem" for lupdate and at run time alike.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(SyncProblem)
};

}  // namespace

SyncProblem classifyFailure(const FailureFacts& f)
{
    using sync::TransportError;
    switch (f.error) {
    case TransportError::None: break;
    case TransportError::Timeout: return SyncProblem::Timeout;
    case TransportError::TlsVerify: return SyncProblem::TlsVerify;
    case TransportError::TlsPinMismatch: return SyncProblem::TlsIntercepted;
    case TransportError::Tls: return SyncProblem::Tls;
    case TransportError::Proxy: return contains(f.technical, "407") ? SyncProblem::ProxyAuth : SyncProblem::Proxy;
    case TransportError::Cancelled: return SyncProblem::None;
    case TransportError::Network:
    case TransportError::Other:
        // libcurl folds these into one error class; its message tells them apart.
        if (contains(f.technical, "407")) return SyncProblem::ProxyAuth;
        if (contains(f.technical, "resolve proxy") || contains(f.technical, "proxy")) return SyncProblem::Proxy;
        if (contains(f.technical, "resolve")) return SyncProblem::Dns;
        if (contains(f.technical, "refused") || contains(f.technical, "couldn't connect") ||
            contains(f.technical, "could not connect") || contains(f.technical, "failed to connect"))
            return SyncProblem::Refused;
        if (contains(f.technical, "timed out") || contains(f.technical, "timeout")) return SyncProblem::Timeout;
        return SyncProblem::Network;
    }
    const int s = f.status;
    if (s == 407) return SyncProblem::ProxyAuth;
    if (s == 401) return f.serverCode == "device_revoked" ? SyncProblem::Revoked : SyncProblem::UnknownDevice;
    if (s == 403) {
        if (f.serverCode == "wrong_school") return SyncProblem::WrongSchool;
        if (f.serverCode == "school_disabled") return SyncProblem::SchoolDisabled;
        return SyncProblem::Forbidden;
    }
    if (s == 404 || s == 405) return SyncProblem::WrongAddress;
    if (s == 413) return SyncProblem::TooLarge;
    if (s == 429) return SyncProblem::RateLimited;
    if (s == 503) return SyncProblem::ServerBusy;
    if (s >= 500) return SyncProblem::ServerError;
    if (s >= 400) return SyncProblem::ClientError;
    return SyncProblem::ClientError;  // a 2xx we could not use (an acknowledgement that does not add up)
}

const char* problemName(SyncProblem p)
{
    switch (p) {
    case SyncProblem::None: return "none";
    case SyncProblem::NotEnrolled: return "not_enrolled";
    case SyncProblem::TokenUnreadable: return "token_unreadable";
    case SyncProblem::Dns: return "dns";
    case SyncProblem::Refused: return "refused";
    case SyncProblem::Timeout: return "timeout";
    case SyncProblem::Network: return "network";
    case SyncProblem::TlsVerify: return "tls_verify";
    case SyncProblem::TlsIntercepted: return "tls_intercepted";
    case SyncProblem::Tls: return "tls";
    case SyncProblem::Proxy: return "proxy";
    case SyncProblem::ProxyAuth: return "proxy_auth";
    case SyncProblem::Revoked: return "revoked";
    case SyncProblem::UnknownDevice: return "unknown_device";
    case SyncProblem::WrongSchool: return "wrong_school";
    case SyncProblem::SchoolDisabled: return "school_disabled";
    case SyncProblem::Forbidden: return "forbidden";
    case SyncProblem::WrongAddress: return "wrong_address";
    case SyncProblem::TooLarge: return "too_large";
    case SyncProblem::RateLimited: return "rate_limited";
    case SyncProblem::ServerBusy: return "server_busy";
    case SyncProblem::ServerError: return "server_error";
    case SyncProblem::ClientError: return "client_error";
    case SyncProblem::ProtocolMismatch: return "protocol_mismatch";
    case SyncProblem::LocalDatabase: return "local_database";
    }
    return "unknown";
}

ProblemText describeProblem(SyncProblem p, const QString& host)
{
    switch (p) {
    case SyncProblem::None: return {};
    case SyncProblem::NotEnrolled:
        return {Text::tr("本机还没有注册到区县服务器，记录只保存在本机。"),
                Text::tr("请向区县教育局索取注册码，在“设置”里填写服务器地址和注册码后点“注册”。")};
    case SyncProblem::TokenUnreadable:
        return {Text::tr("本机的注册信息打不开（数据文件可能是从别的电脑复制来的，缺少配套的密钥文件）。"),
                Text::tr("本机记录都还在。请向区县教育局索取新的注册码，在“设置”里重新注册。")};
    case SyncProblem::Dns:
        return {Text::tr("找不到区县服务器 %1（域名无法解析）。").arg(host),
                Text::tr("请检查网线或无线网络是否连好；如果别的网站也打不开，请联系学校网管。地址填错时请在“设置”里改正。")};
    case SyncProblem::Refused:
        return {Text::tr("连不上区县服务器 %1（对方没有响应连接，服务器可能暂时关闭）。").arg(host),
                Text::tr("稍后会自动重试，不用重复操作。如果一直连不上，请联系区县教育局确认服务器是否开启。")};
    case SyncProblem::Timeout:
        return {Text::tr("连接区县服务器超时，网络太慢或不稳定。"),
                Text::tr("稍后会自动重试。网络恢复后会继续发送，已保存的记录不会丢失。")};
    case SyncProblem::Network:
        return {Text::tr("网络中断，和区县服务器的连接断开了。"),
                Text::tr("稍后会自动重试。请检查网络是否正常。")};
    case SyncProblem::TlsVerify:
        return {Text::tr("无法确认区县服务器 %1 的安全证书。学校的防火墙或上网行为管理设备可能在检查加密连接，替换了证书。").arg(host),
                Text::tr("请学校网管把 %1 加入 HTTPS 检查的例外名单；如果区县使用自己的证书，请向区县索取证书文件后重新注册。为保护数据，本程序不会跳过证书检查。").arg(host)};
    case SyncProblem::TlsIntercepted:
        return {Text::tr("到区县服务器 %1 的连接被拦截：对方的证书与注册时记下的不一致，数据没有发送。").arg(host),
                Text::tr("请联系学校网管检查防火墙是否在拦截加密连接；如果区县更换了证书，请重新注册。")};
    case SyncProblem::Tls:
        return {Text::tr("与区县服务器建立加密连接失败。"),
                Text::tr("请检查电脑的日期和时间是否正确，稍后会自动重试；一直失败请联系学校网管。")};
    case SyncProblem::Proxy:
        return {Text::tr("代理服务器出错，连不到区县服务器。"),
                Text::tr("请联系学校网管检查代理设置。稍后会自动重试。")};
    case SyncProblem::ProxyAuth:
        return {Text::tr("学校的代理服务器要求登录（用户名和密码）才能上网。"),
                Text::tr("请联系学校网管，为本机开通直接访问 %1，或提供代理账号。").arg(host)};
    case SyncProblem::Revoked:
        return {Text::tr("区县教育局已停用本机的注册，同步已暂停。本机记录都还在。"),
                Text::tr("请向区县教育局索取新的注册码，在“设置”里重新注册。")};
    case SyncProblem::UnknownDevice:
        return {Text::tr("区县服务器不认识本机（注册信息无效），同步已暂停。本机记录都还在。"),
                Text::tr("请向区县教育局索取新的注册码，在“设置”里重新注册。")};
    case SyncProblem::WrongSchool:
        return {Text::tr("区县服务器说本机不属于本校的学校标识码，同步已暂停。"),
                Text::tr("请核对学校标识码，并联系区县教育局重新注册本机。")};
    case SyncProblem::SchoolDisabled:
        return {Text::tr("区县教育局暂停了本校的数据接收，同步已暂停。"),
                Text::tr("请联系区县教育局了解原因。本机记录都还在，恢复后点“立即同步”。")};
    case SyncProblem::Forbidden:
        return {Text::tr("区县服务器拒绝了本机的请求，同步已暂停。"),
                Text::tr("请联系区县教育局。")};
    case SyncProblem::WrongAddress:
        return {Text::tr("地址 %1 上不是区县台账服务器。").arg(host),
                Text::tr("请在“设置”里核对区县服务器地址。")};
    case SyncProblem::TooLarge:
        return {Text::tr("一批记录超过了区县服务器的大小限制。"),
                Text::tr("程序会自动拆小重发；单条过大的记录会列在“退回的记录”里，请改短后重新发送。")};
    case SyncProblem::RateLimited:
        return {Text::tr("区县服务器请求太多，要求稍等再发。"),
                Text::tr("会按区县要求的时间自动重试，不用操作。")};
    case SyncProblem::ServerBusy:
        return {Text::tr("区县服务器正忙或正在维护。"),
                Text::tr("会自动重试，不用操作。")};
    case SyncProblem::ServerError:
        return {Text::tr("区县服务器内部出错，这一批没有保存。"),
                Text::tr("会自动重试；如果一直出错，请联系区县教育局。")};
    case SyncProblem::ClientError:
        return {Text::tr("区县服务器没有接受这一批数据（程序之间的通信出了问题）。"),
                Text::tr("会自动重试；如果一直出现，请联系技术支持，并提供程序日志。")};
    case SyncProblem::ProtocolMismatch:
        return {Text::tr("区县服务器的版本与本程序不一致。"),
                Text::tr("请联系区县教育局或技术支持升级程序。")};
    case SyncProblem::LocalDatabase:
        return {Text::tr("本机的数据文件暂时打不开，这次没有同步。"),
                Text::tr("稍后会自动重试；如果一直出现，请关闭其他正在使用数据文件的程序。")};
    }
    return {};
}

QString describeEnrollFailure(const std::string& code, const std::optional<FailureFacts>& failure, const QString& host)
{
    if (code == "enrollment_code_expired") return Text::tr("注册码已过期，请向区县教育局索取新的注册码。");
    if (code == "enrollment_code_used") return Text::tr("这个注册码已经用过了（每个注册码只能注册一台电脑），请向区县教育局索取新的注册码。");
    if (code == "enrollment_code_invalid")
        return Text::tr("注册码不对，或者不是发给本校的。请核对注册码和学校标识码。");
    if (code == "school_disabled") return Text::tr("区县教育局暂停了本校的数据接收，请联系区县教育局。");
    if (code == "enrollment_throttled") return Text::tr("注册失败次数太多，请过 10 分钟再试。");
    if (!failure) return Text::tr("注册没有成功，请稍后再试。");
    const SyncProblem p = classifyFailure(*failure);
    const ProblemText t = describeProblem(p, host);
    // Enrollment is not retried by itself: the advice is the user's next step, not "wait".
    switch (p) {
    case SyncProblem::Dns:
    case SyncProblem::Refused:
    case SyncProblem::Timeout:
    case SyncProblem::Network:
    case SyncProblem::WrongAddress:
    case SyncProblem::ServerBusy:
    case SyncProblem::ServerError:
    case SyncProblem::RateLimited:
        return t.what + Text::tr("请核对服务器地址、检查网络后再点“注册”。");
    default: return t.what + t.todo;
    }
}

QString describeClockSkew(std::int64_t skewMillis)
{
    if (std::llabs(skewMillis) <= 5 * 60 * 1000) return {};
    const qint64 minutes = std::llabs(skewMillis) / 60000;
    return skewMillis > 0 ? Text::tr("本机时钟比区县服务器慢 %1 分钟，请在电脑的“日期和时间”设置里改正。").arg(minutes)
                          : Text::tr("本机时钟比区县服务器快 %1 分钟，请在电脑的“日期和时间”设置里改正。").arg(minutes);
}

QString describeReturnedWeeks(const std::string& reviewsJson)
{
    if (reviewsJson.empty()) return {};
    const auto reviews = nlohmann::json::parse(reviewsJson, nullptr, false);
    if (!reviews.is_array()) return {};
    QStringList lines;
    for (const auto& r : reviews) {
        if (!r.is_object() || r.value("state", "") != "returned") continue;
        const auto monday = Date::parse(r.value("week_start", ""));
        if (!monday) continue;
        lines << Text::tr("区县退回了 %1 至 %2 这一周：%3。请核对并改正这一周的记录，区县会重新审核。")
                     .arg(QString::fromStdString(monday->toString()), QString::fromStdString(monday->addDays(6).toString()),
                          QString::fromStdString(r.value("reason", "")));
    }
    return lines.join(QLatin1Char('\n'));
}

ObservingTransport::ObservingTransport(sync::HttpTransport& inner) : inner_(inner), seen_(std::make_shared<Seen>()) {}

ObservingTransport::ObservingTransport(std::unique_ptr<sync::HttpTransport> owned, std::shared_ptr<Seen> seen)
    : owned_(std::move(owned)), inner_(*owned_), seen_(std::move(seen))
{
}

std::unique_ptr<sync::HttpTransport> ObservingTransport::alongside(std::unique_ptr<sync::HttpTransport> inner) const
{
    return std::unique_ptr<sync::HttpTransport>(new ObservingTransport(std::move(inner), seen_));
}

std::optional<FailureFacts> ObservingTransport::lastFailure() const
{
    std::lock_guard lock(seen_->mu);
    return seen_->last;
}

sync::TransportResult ObservingTransport::send(const sync::HttpRequest& request)
{
    sync::TransportResult r = inner_.send(request);
    const bool failed = !r.ok() || r.response.status >= 400;
    if (failed && r.error != sync::TransportError::Cancelled) {
        FailureFacts f;
        f.error = r.error;
        f.status = r.ok() ? r.response.status : 0;
        if (r.ok()) {
            f.serverCode = sync::errorCodeOf(r.response.body);
            f.technical = "HTTP " + std::to_string(r.response.status) + " " + sync::describeErrorBody(r.response.body);
            f.retryAfterMillis = policy_.retryAfterMillis(r.response, SystemClock::instance().nowUnixMillis());
        } else {
            f.technical = r.message;
        }
        std::lock_guard lock(seen_->mu);
        seen_->last = std::move(f);
    }
    return r;
}

}  // namespace taizhang
