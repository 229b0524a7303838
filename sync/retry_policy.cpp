#include "retry_policy.h"

#include "batch_codec.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "date.h"

namespace taizhang::sync {

double SodiumRandom::uniform01()
{
    static const bool ready = sodium_init() >= 0;
    (void)ready;
    // 2^32 steps are fine-grained enough for a delay of at most ten minutes.
    return static_cast<double>(randombytes_random()) / 4294967296.0;
}

std::int64_t RetryPolicy::backoffMillis(int attempt, RandomSource& random) const
{
    const int exponent = std::clamp(attempt - 1, 0, 30);
    const double ceiling = std::min<double>(static_cast<double>(capMillis),
                                            static_cast<double>(baseMillis) * std::ldexp(1.0, exponent));
    const double u = std::clamp(random.uniform01(), 0.0, 1.0);
    return static_cast<std::int64_t>(std::llround(u * ceiling));
}

Verdict RetryPolicy::classify(const TransportResult& r) const
{
    switch (r.error) {
    case TransportError::None: break;
    case TransportError::TlsVerify:
    case TransportError::TlsPinMismatch:
    case TransportError::Tls: return Verdict::Fatal;
    default: return Verdict::Backoff;  // network, timeout, proxy, cancelled (the caller checks cancel first)
    }
    const int s = r.response.status;
    if (s == 200) return Verdict::Accepted;
    if (s == 413) return Verdict::Split;
    if (s == 429 || s == 503) return Verdict::RetryAfter;
    if (s == 422) return Verdict::Supersede;
    if (s == 401) return Verdict::Unauthorized;
    if (s == 403) return Verdict::Forbidden;
    if (s == 409 && errorCodeOf(r.response.body) == "sequence_reused") return Verdict::Renumber;
    // 409 in flight and 408 are about timing; 404/405 mean a wrong URL or a broken front end;
    // 411/431 are about the request's framing (headers), which every batch shares: none of
    // these says anything about this batch's bytes.
    if (s == 404 || s == 405 || s == 408 || s == 409 || s == 411 || s == 431) return Verdict::Backoff;
    // Any other 4xx that is the county's own verdict ({"error":{"code":...}}: 400 invalid_gzip,
    // count_mismatch, 415, ...) refuses these exact bytes, and the same bytes are all a retry
    // could send: retrying for ever blocked every record behind them. The records go to the
    // dead letters with the county's reason (the user can resend them). A 4xx without the
    // county's body comes from something in between (a proxy, a filter) and is retried.
    if (s >= 400 && s < 500 && !errorCodeOf(r.response.body).empty()) return Verdict::Refused;
    return Verdict::Backoff;
}

std::optional<std::int64_t> RetryPolicy::retryAfterMillis(const HttpResponse& response, std::int64_t nowMillis) const
{
    const std::string value = response.header("retry-after");
    if (value.empty()) return std::nullopt;
    std::int64_t ms = 0;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (value.size() > 9) return maxRetryAfterMillis;
        ms = std::stoll(value) * 1000;
    } else if (auto at = parseHttpDate(value)) {
        ms = std::max<std::int64_t>(0, *at - nowMillis);
    } else {
        return std::nullopt;
    }
    return std::min(ms, maxRetryAfterMillis);
}

// Seconds since the epoch of a UTC calendar time, by core's Date arithmetic (not timegm, which
// Windows does not have: the MinGW check keeps this file portable).
namespace {
std::int64_t utcSeconds(const Date& day, int hour, int minute, int second)
{
    return day.days() * 86400 + hour * 3600 + minute * 60 + second;
}
}  // namespace

std::optional<std::int64_t> parseHttpDate(const std::string& text)
{
    // IMF-fixdate (RFC 9110): "Sun, 06 Nov 1994 08:49:37 GMT".
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char weekday[4] = {0}, monthName[4] = {0};
    int d = 0, y = 0, h = 0, mi = 0, s = 0, consumed = 0;
    if (std::sscanf(text.c_str(), "%3[A-Za-z], %2d %3[A-Za-z] %4d %2d:%2d:%2d GMT%n", weekday, &d, monthName, &y, &h,
                    &mi, &s, &consumed) != 7 ||
        static_cast<std::size_t>(consumed) != text.size())
        return std::nullopt;
    int month = 0;
    for (int i = 0; i < 12; ++i)
        if (std::string_view(monthName) == months[i]) month = i + 1;
    const Date day{y, month, d};
    if (month == 0 || !day.isValid() || h > 23 || mi > 59 || s > 60) return std::nullopt;
    return utcSeconds(day, h, mi, s) * 1000;
}

std::optional<std::int64_t> parseUtcTimestamp(const std::string& text)
{
    int y, mo, d, h, mi, s, ms = 0;
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &consumed) != 6)
        return std::nullopt;
    const char* rest = text.c_str() + consumed;
    if (*rest == '.') {
        int digits = 0;
        ++rest;
        while (*rest >= '0' && *rest <= '9') {
            if (digits < 3) ms = ms * 10 + (*rest - '0');
            ++digits;
            ++rest;
        }
        for (; digits < 3; ++digits) ms *= 10;
    }
    if (*rest != 'Z' || rest[1] != '\0') return std::nullopt;
    return utcSeconds(Date{y, mo, d}, h, mi, s) * 1000 + ms;
}

}  // namespace taizhang::sync
