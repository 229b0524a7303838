#pragma once
// Why a sync pass did not get everything through, in words a school secretary can act on.
// Every failure the network or the county can produce is mapped to one SyncProblem, and each
// problem to a plain sentence and what to do (Chinese source strings, English in the catalogue).
// The technical text (curl's message, the county's English error) goes to the log only.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <QString>

#include "http_transport.h"
#include "retry_policy.h"

namespace taizhang {

enum class SyncProblem {
    None,
    NotEnrolled,       // no county server configured
    TokenUnreadable,   // the database was copied without its key file
    Dns,               // the server's name does not resolve
    Refused,           // nothing listens at the address / the server is down
    Timeout,
    Network,           // reset, dropped, other network trouble
    TlsVerify,         // certificate not trusted: usually a firewall inspecting HTTPS
    TlsIntercepted,    // pinned key mismatch: the connection is being intercepted
    Tls,               // other TLS failure
    Proxy,
    ProxyAuth,         // the proxy wants a user name and password (407)
    Revoked,           // 401 device_revoked
    UnknownDevice,     // 401 otherwise
    WrongSchool,       // 403 wrong_school
    SchoolDisabled,    // 403 school_disabled
    Forbidden,         // 403 otherwise
    WrongAddress,      // 404: not a county server at this address
    TooLarge,          // 413 that splitting could not solve
    RateLimited,       // 429
    ServerBusy,        // 503
    ServerError,       // other 5xx
    ClientError,       // 400/409/415/422 or an acknowledgement that does not add up
    ProtocolMismatch,  // the county speaks another protocol version
    LocalDatabase,     // this computer's ledger file could not be opened for the pass
};

// What the transport and the county said about the last failed request of a pass.
struct FailureFacts {
    sync::TransportError error = sync::TransportError::None;
    int status = 0;                 // HTTP status when a response arrived
    std::string serverCode;         // the county's error code ("device_revoked", ...)
    std::string technical;          // English detail for the log
    std::optional<std::int64_t> retryAfterMillis;
};

SyncProblem classifyFailure(const FailureFacts& facts);
const char* problemName(SyncProblem problem);  // stable English id for logs and tests

struct ProblemText {
    QString what;  // what happened, plainly
    QString todo;  // what the user can do
};
// host: the county server's host name, shown where the user has to tell someone about it.
ProblemText describeProblem(SyncProblem problem, const QString& host);
// Why enrollment failed, in the UI language (the code's refusal or the network problem).
QString describeEnrollFailure(const std::string& serverCode, const std::optional<FailureFacts>& failure,
                              const QString& host);
// Clock skew beyond the protocol's 5 minutes, as a warning sentence ("" when within).
QString describeClockSkew(std::int64_t skewMillis);
// The weeks the county returned (退回), one sentence each with the county's reason ("" when none):
// reviewsJson is the array GET /v1/config carries ({week_start, state, reason, at}); a week stays
// listed until the county approves or reopens it.
QString describeReturnedWeeks(const std::string& reviewsJson);

// Records the last failed request of a pass on the way through to the real transport, so the
// pass's outcome can be explained without parsing English messages of the engine. The
// connections of batches in flight (alongside) report into the same record, from their threads.
class ObservingTransport final : public sync::HttpTransport {
public:
    explicit ObservingTransport(sync::HttpTransport& inner);
    // Another connection, owned by the result, whose failures count as this one's.
    std::unique_ptr<sync::HttpTransport> alongside(std::unique_ptr<sync::HttpTransport> inner) const;
    sync::TransportResult send(const sync::HttpRequest& request) override;
    std::optional<FailureFacts> lastFailure() const;

private:
    struct Seen {
        std::mutex mu;
        std::optional<FailureFacts> last;  // guarded by mu
    };
    ObservingTransport(std::unique_ptr<sync::HttpTransport> owned, std::shared_ptr<Seen> seen);

    std::unique_ptr<sync::HttpTransport> owned_;
    sync::HttpTransport& inner_;
    sync::RetryPolicy policy_;
    std::shared_ptr<Seen> seen_;
};

}  // namespace taizhang
