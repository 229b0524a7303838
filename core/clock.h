#pragma once
// The clock is a seam: tests and the sync client's skew detection substitute their own.
#include <cstdint>
#include <optional>
#include <string_view>
#include <string>

#include "date.h"

namespace taizhang {

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::int64_t nowUnixMillis() const = 0;
};

class SystemClock final : public Clock {
public:
    std::int64_t nowUnixMillis() const override;
    static const SystemClock& instance();
};

// A clock that stands still until told otherwise; for tests and benchmarks.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t unixMillis) : now_(unixMillis) {}
    std::int64_t nowUnixMillis() const override { return now_; }
    void set(std::int64_t unixMillis) { now_ = unixMillis; }
    void advanceMillis(std::int64_t ms) { now_ += ms; }

private:
    std::int64_t now_;
};

// China uses UTC+8 everywhere; schools keep that unless a setting says otherwise.
inline constexpr int kChinaUtcOffsetMinutes = 8 * 60;

// "2026-11-22T15:04:05.123Z": how every timestamp is written in records, audit and logs.
std::string formatUtcTimestamp(std::int64_t unixMillis);
// The instant of a text formatUtcTimestamp() wrote; nullopt for any other text (so that
// formatUtcTimestamp(*parseUtcTimestamp(t)) == t whenever it returns a value).
std::optional<std::int64_t> parseUtcTimestamp(std::string_view text);
// The school-local calendar date at this instant.
Date localDate(std::int64_t unixMillis, int utcOffsetMinutes = kChinaUtcOffsetMinutes);
// The instant (unix millis) when the school-local clock shows `hour`:00 on `date`, for a school
// at `utcOffsetMinutes` from UTC: unixMillisAt(2026-11-20) is 2026-11-20 12:00 in China, i.e.
// 04:00 UTC. Tests and the CLI's --today use it for "the clock on day X"; localDate() of the
// result is `date` again for any hour 0-23.
std::int64_t unixMillisAt(const Date& date, int hour = 12, int utcOffsetMinutes = kChinaUtcOffsetMinutes);

}  // namespace taizhang
