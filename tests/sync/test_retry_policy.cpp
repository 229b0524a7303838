// Backoff schedule and status-code verdicts, with scripted randomness (no sleeping).
#include <gtest/gtest.h>

#include <deque>

#include "retry_policy.h"

using namespace taizhang::sync;

namespace {
class ScriptedRandom final : public RandomSource {
public:
    explicit ScriptedRandom(std::deque<double> values) : values_(std::move(values)) {}
    double uniform01() override
    {
        const double v = values_.front();
        values_.pop_front();
        values_.push_back(v);
        return v;
    }

private:
    std::deque<double> values_;
};

TransportResult status(int code, std::map<std::string, std::string> headers = {})
{
    TransportResult r;
    r.response.status = code;
    r.response.headers = std::move(headers);
    return r;
}
}  // namespace

TEST(RetryPolicy, GIVEN_the_top_of_the_jitter_range_WHEN_attempts_grow_THEN_delay_doubles_from_2s_up_to_the_10_min_cap)
{
    RetryPolicy p;
    ScriptedRandom top({0.9999999999});
    const std::int64_t expected[] = {2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 512000, 600000, 600000};
    for (int attempt = 1; attempt <= 11; ++attempt)
        EXPECT_NEAR(p.backoffMillis(attempt, top), expected[attempt - 1], 1) << attempt;
    EXPECT_EQ(p.backoffMillis(1000, top), 600000);  // never overflows, never gives up
}

TEST(RetryPolicy, GIVEN_full_jitter_WHEN_random_varies_THEN_delay_is_uniform_between_zero_and_the_ceiling)
{
    RetryPolicy p;
    ScriptedRandom r({0.0, 0.5, 0.25});
    EXPECT_EQ(p.backoffMillis(3, r), 0);
    EXPECT_EQ(p.backoffMillis(3, r), 4000);
    EXPECT_EQ(p.backoffMillis(3, r), 2000);
    SodiumRandom real;
    for (int i = 0; i < 200; ++i) {
        const auto ms = p.backoffMillis(4, real);
        EXPECT_GE(ms, 0);
        EXPECT_LE(ms, 16000);
    }
}

TEST(RetryPolicy, GIVEN_each_status_WHEN_classified_THEN_the_protocol_documents_action_is_chosen)
{
    RetryPolicy p;
    EXPECT_EQ(p.classify(status(200)), Verdict::Accepted);
    EXPECT_EQ(p.classify(status(413)), Verdict::Split);
    EXPECT_EQ(p.classify(status(429)), Verdict::RetryAfter);
    EXPECT_EQ(p.classify(status(503)), Verdict::RetryAfter);
    EXPECT_EQ(p.classify(status(422)), Verdict::Supersede);
    EXPECT_EQ(p.classify(status(401)), Verdict::Unauthorized);
    EXPECT_EQ(p.classify(status(403)), Verdict::Forbidden);
    for (int code : {404, 405, 408, 409, 411, 431, 500, 502, 504}) EXPECT_EQ(p.classify(status(code)), Verdict::Backoff) << code;
    // A 4xx in the county's own error format refuses these exact bytes for good; the same
    // status from something in between (no county error body) is retried.
    for (int code : {400, 415, 410, 418}) {
        auto refused = status(code);
        refused.response.body = R"({"error":{"code":"invalid_gzip","message":"the body is not valid gzip data"}})";
        EXPECT_EQ(p.classify(refused), Verdict::Refused) << code;
        EXPECT_EQ(p.classify(status(code)), Verdict::Backoff) << code;
    }
    // 409 sequence_reused (a restored disk) renumbers; 409 batch_in_flight is about timing.
    auto reused = status(409);
    reused.response.body = R"({"error":{"code":"sequence_reused","message":"the county already holds ..."}})";
    EXPECT_EQ(p.classify(reused), Verdict::Renumber);
    auto inFlight = status(409);
    inFlight.response.body = R"({"error":{"code":"batch_in_flight","message":"retry later"}})";
    EXPECT_EQ(p.classify(inFlight), Verdict::Backoff);
    TransportResult dropped;
    dropped.error = TransportError::Network;
    EXPECT_EQ(p.classify(dropped), Verdict::Backoff);
    TransportResult intercepted;
    intercepted.error = TransportError::TlsVerify;
    EXPECT_EQ(p.classify(intercepted), Verdict::Fatal);
}

TEST(RetryPolicy, GIVEN_retry_after_in_seconds_or_a_date_WHEN_parsed_THEN_the_wait_is_honoured_and_clamped)
{
    RetryPolicy p;
    const std::int64_t now = *parseHttpDate("Sun, 22 Nov 2026 23:40:00 GMT");
    EXPECT_EQ(p.retryAfterMillis(status(429, {{"retry-after", "7"}}).response, now), 7000);
    EXPECT_EQ(p.retryAfterMillis(status(503, {{"retry-after", "Sun, 22 Nov 2026 23:40:30 GMT"}}).response, now), 30000);
    EXPECT_EQ(p.retryAfterMillis(status(429, {{"retry-after", "99999999"}}).response, now), p.maxRetryAfterMillis);
    EXPECT_FALSE(p.retryAfterMillis(status(429, {{"retry-after", "soon"}}).response, now));
    EXPECT_FALSE(p.retryAfterMillis(status(429).response, now));
}

TEST(RetryPolicy, GIVEN_server_time_texts_WHEN_parsed_THEN_unix_millis_match)
{
    EXPECT_EQ(*parseUtcTimestamp("1970-01-01T00:00:01.250Z"), 1250);
    EXPECT_EQ(*parseUtcTimestamp("1970-01-01T00:01:00Z"), 60000);
    EXPECT_FALSE(parseUtcTimestamp("2026-11-22 10:00:00"));
    EXPECT_EQ(*parseHttpDate("Thu, 01 Jan 1970 00:00:10 GMT"), 10000);
}
