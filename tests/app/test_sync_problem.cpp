// Every sync and network failure becomes a plain sentence and what to do, in Chinese (source
// strings), with no curl text or error codes on screen.
#include <gtest/gtest.h>

#include <set>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTranslator>

#include "curl_transport.h"
#include "sync_problem.h"

namespace taizhang {
namespace {

using sync::TransportError;

struct Case {
    FailureFacts facts;
    SyncProblem expected;
};

FailureFacts net(TransportError e, const std::string& message) { return {e, 0, "", message, std::nullopt}; }
FailureFacts http(int status, const std::string& code = "") { return {TransportError::None, status, code, "HTTP", std::nullopt}; }

TEST(SyncProblemTest, GIVEN_each_kind_of_failure_WHEN_classified_THEN_it_gets_its_own_plain_chinese_explanation_and_advice)
{
    const std::vector<Case> cases{
        {net(TransportError::Network, "cannot reach county.invalid: Could not resolve host: county.invalid"), SyncProblem::Dns},
        {net(TransportError::Network, "cannot reach 127.0.0.1: Failed to connect to 127.0.0.1 port 9 after 0 ms: Connection refused"), SyncProblem::Refused},
        {net(TransportError::Timeout, "cannot reach x: Operation timed out after 20001 milliseconds"), SyncProblem::Timeout},
        {net(TransportError::Network, "cannot reach x: Recv failure: Connection reset by peer"), SyncProblem::Network},
        {net(TransportError::TlsVerify, "the TLS certificate presented for x could not be verified"), SyncProblem::TlsVerify},
        {net(TransportError::TlsPinMismatch, "the public key of x does not match"), SyncProblem::TlsIntercepted},
        {net(TransportError::Tls, "SSL connect error"), SyncProblem::Tls},
        {net(TransportError::Proxy, "the proxy failed: Received HTTP code 407 from proxy after CONNECT"), SyncProblem::ProxyAuth},
        {net(TransportError::Network, "cannot reach x: Received HTTP code 407 from proxy after CONNECT"), SyncProblem::ProxyAuth},
        {net(TransportError::Proxy, "the proxy failed: Could not resolve proxy: proxy.school"), SyncProblem::Proxy},
        {http(407), SyncProblem::ProxyAuth},
        {http(401, "device_revoked"), SyncProblem::Revoked},
        {http(401, "invalid_token"), SyncProblem::UnknownDevice},
        {http(403, "wrong_school"), SyncProblem::WrongSchool},
        {http(403, "school_disabled"), SyncProblem::SchoolDisabled},
        {http(404, "not_found"), SyncProblem::WrongAddress},
        {http(413, "batch_too_large"), SyncProblem::TooLarge},
        {http(429, "rate_limited"), SyncProblem::RateLimited},
        {http(503, "unavailable"), SyncProblem::ServerBusy},
        {http(500, "internal_error"), SyncProblem::ServerError},
        {http(502), SyncProblem::ServerError},
        {http(400, "invalid_header"), SyncProblem::ClientError},
        {http(415, "unsupported_encoding"), SyncProblem::ClientError},
    };
    const QRegularExpression latinWord(QStringLiteral("[A-Za-z_]{3,}"));
    std::set<QString> sentences;
    for (const auto& c : cases) {
        const SyncProblem p = classifyFailure(c.facts);
        EXPECT_EQ(problemName(p), std::string(problemName(c.expected))) << c.facts.technical << " " << c.facts.status;
        const ProblemText t = describeProblem(p, QStringLiteral("county.example.cn"));
        EXPECT_FALSE(t.what.isEmpty()) << problemName(p);
        EXPECT_FALSE(t.todo.isEmpty()) << problemName(p);
        // Only the county's host name may appear in Latin letters.
        const QString shown = QString(t.what + t.todo).remove(QStringLiteral("county.example.cn")).remove(QStringLiteral("HTTPS"));
        EXPECT_FALSE(shown.contains(latinWord)) << problemName(p) << ": " << qPrintable(shown);
        sentences.insert(t.what);
    }
    EXPECT_GE(sentences.size(), 19u) << "each failure gets its own explanation, not one catch-all";
}

TEST(SyncProblemTest, GIVEN_a_clock_far_off_WHEN_described_THEN_the_warning_says_which_way_and_how_much_and_within_five_minutes_nothing)
{
    EXPECT_TRUE(describeClockSkew(60'000).isEmpty());
    EXPECT_EQ(describeClockSkew(12 * 60'000), QStringLiteral("本机时钟比区县服务器慢 12 分钟，请在电脑的“日期和时间”设置里改正。"));
    EXPECT_TRUE(describeClockSkew(-30 * 60'000).contains(QStringLiteral("快 30 分钟")));
}

TEST(SyncProblemTest, GIVEN_a_refused_enrollment_code_WHEN_described_THEN_the_user_reads_what_to_ask_for)
{
    EXPECT_TRUE(describeEnrollFailure("enrollment_code_used", std::nullopt, "h").contains(QStringLiteral("已经用过")));
    EXPECT_TRUE(describeEnrollFailure("enrollment_code_expired", std::nullopt, "h").contains(QStringLiteral("过期")));
    const auto refused = FailureFacts{TransportError::Network, 0, "", "Connection refused", std::nullopt};
    const QString text = describeEnrollFailure("", refused, "h");
    EXPECT_TRUE(text.contains(QStringLiteral("连不上")));
    EXPECT_TRUE(text.contains(QStringLiteral("再点“注册”"))) << "enrollment is not retried by itself";
    EXPECT_FALSE(text.contains(QStringLiteral("自动重试")));
}

TEST(SyncProblemTest, GIVEN_nothing_listening_on_a_loopback_port_WHEN_the_real_transport_connects_THEN_the_observer_classifies_it_as_refused)
{
    sync::CurlTransport curl;
    ObservingTransport observed(curl);
    sync::HttpRequest request;
    request.url = "http://127.0.0.1:9/v1/capabilities";  // discard port: nothing listens on loopback
    const auto r = observed.send(request);
    ASSERT_FALSE(r.ok());
    ASSERT_TRUE(observed.lastFailure());
    EXPECT_EQ(classifyFailure(*observed.lastFailure()), SyncProblem::Refused) << observed.lastFailure()->technical;
}

TEST(SyncProblemTest, GIVEN_the_english_catalogue_WHEN_every_problem_is_described_THEN_no_chinese_is_left_in_the_english_ui)
{
    QTranslator english;
    ASSERT_TRUE(english.load(QStringLiteral(TAIZHANG_QM_DIR "/taizhang_en.qm")));
    QCoreApplication::installTranslator(&english);
    const QRegularExpression han(QStringLiteral("\\p{Han}"));
    for (int p = static_cast<int>(SyncProblem::NotEnrolled); p <= static_cast<int>(SyncProblem::LocalDatabase); ++p) {
        const ProblemText t = describeProblem(static_cast<SyncProblem>(p), QStringLiteral("county.example.cn"));
        EXPECT_FALSE(QString(t.what + t.todo).contains(han)) << problemName(static_cast<SyncProblem>(p)) << ": "
                                                             << qPrintable(t.what + t.todo);
    }
    EXPECT_FALSE(describeClockSkew(10 * 60'000).contains(han));
    EXPECT_FALSE(describeEnrollFailure("enrollment_code_used", std::nullopt, "h").contains(han));
    QCoreApplication::removeTranslator(&english);
}

}  // namespace
}  // namespace taizhang
