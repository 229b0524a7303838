#pragma once
// The one way a request fails: an HTTP status plus the protocol's stable error code
// (docs/sync-protocol.md, "Errors"). Thrown anywhere below the HTTP layer, turned into
// {"error":{"code","message"}} at the edge.
#include <stdexcept>
#include <string>

namespace taizhang::server {

class ApiError : public std::runtime_error {
public:
    ApiError(int status, std::string code, const std::string& message, int retryAfterSeconds = 0)
        : std::runtime_error(message), status_(status), code_(std::move(code)), retryAfter_(retryAfterSeconds)
    {
    }
    int status() const { return status_; }
    const std::string& code() const { return code_; }
    int retryAfterSeconds() const { return retryAfter_; }

private:
    int status_;
    std::string code_;
    int retryAfter_;
};

}  // namespace taizhang::server
