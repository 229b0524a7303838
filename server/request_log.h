#pragma once
// Structured logs: one JSON object per line on stderr. Never given a token: callers pass ids.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace taizhang::server {

// What a handler learned about the request, picked up by the access log line. One per worker
// thread; reset at the start of every request.
struct RequestNote {
    std::int64_t startMs = 0;
    std::string deviceId;
    std::string schoolCode;
    std::string batchId;
    std::string errorCode;
    nlohmann::json counts;
    bool replayed = false;
};

RequestNote& currentRequestNote();
void resetRequestNote(std::int64_t nowMs);

void logLine(const nlohmann::json& fields);  // adds "ts"; thread-safe
void logEvent(const std::string& level, const std::string& message, nlohmann::json fields = nlohmann::json::object());

}  // namespace taizhang::server
