#pragma once
// What the client does after every response, and how long it waits before trying again.
// 413 splits the batch; 429/503 wait for Retry-After; everything else transient waits with
// full-jitter exponential backoff (base 2 s, cap 10 min), never gives up and starts again from
// the base after a success; 401/403 stop and tell the user. Clock and randomness are injected so
// the schedule is testable without sleeping.
#include <cstdint>
#include <optional>
#include <string>

#include "http_transport.h"

namespace taizhang::sync {

// Uniform in [0, 1). The real one uses libsodium; tests script their own values.
class RandomSource {
public:
    virtual ~RandomSource() = default;
    virtual double uniform01() = 0;
};

class SodiumRandom final : public RandomSource {
public:
    double uniform01() override;
};

enum class Verdict {
    Accepted,      // 200 with an ack to check and apply
    Split,         // 413: split the batch in half (a single record: dead-letter it)
    RetryAfter,    // 429 / 503: wait what the server asked, then the same bytes again
    Backoff,       // transient (network, timeout, 5xx, 404/405/408/409/411/431, bad ack, a 4xx that is not the
                   // county's own error body): backoff and retry
    Refused,       // 400/415/other 4xx with the county's error body: this exact batch will be refused
                   // every time; dead-letter its records with the county's reason and go on
    Supersede,     // 422: the server holds other bytes under this key: re-freeze under a new key
    Renumber,      // 409 sequence_reused: another batch of this device holds these sequences (a disk
                   // restored from an older copy): re-freeze the changes above the county's highest
    Unauthorized,  // 401: token unknown or revoked: stop, re-enroll
    Forbidden,     // 403: wrong school or school disabled: stop, tell the user
    Fatal,         // TLS verification / pinning failed: stop this pass, tell the user
};

struct RetryPolicy {
    std::int64_t baseMillis = 2'000;
    std::int64_t capMillis = 600'000;
    // Retry-After beyond this is clamped (a misconfigured server must not park a school for days).
    std::int64_t maxRetryAfterMillis = 3'600'000;

    // Full jitter: uniform in [0, min(cap, base * 2^(attempt-1))]; attempt counts from 1.
    std::int64_t backoffMillis(int attempt, RandomSource& random) const;
    Verdict classify(const TransportResult& result) const;
    // Retry-After as seconds or an HTTP-date; nullopt if absent or unparsable.
    std::optional<std::int64_t> retryAfterMillis(const HttpResponse& response, std::int64_t nowMillis) const;
};

// "Sun, 06 Nov 1994 08:49:37 GMT" -> unix ms; nullopt if not an IMF-fixdate.
std::optional<std::int64_t> parseHttpDate(const std::string& text);
// "2026-11-22T15:04:05.123Z" or without millis -> unix ms.
std::optional<std::int64_t> parseUtcTimestamp(const std::string& text);

}  // namespace taizhang::sync
