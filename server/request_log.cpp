#include "request_log.h"

#include <cstdio>
#include <mutex>

#include "clock.h"

namespace taizhang::server {

RequestNote& currentRequestNote()
{
    thread_local RequestNote note;
    return note;
}

void resetRequestNote(std::int64_t nowMs)
{
    currentRequestNote() = RequestNote{};
    currentRequestNote().startMs = nowMs;
}

void logLine(const nlohmann::json& fields)
{
    static std::mutex mu;
    nlohmann::json line = fields;
    line["ts"] = formatUtcTimestamp(SystemClock::instance().nowUnixMillis());
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::lock_guard lock(mu);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

void logEvent(const std::string& level, const std::string& message, nlohmann::json fields)
{
    fields["level"] = level;
    fields["msg"] = message;
    logLine(fields);
}

}  // namespace taizhang::server
