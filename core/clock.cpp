#include "clock.h"

#include <chrono>
#include <cstdio>

namespace taizhang {

std::int64_t SystemClock::nowUnixMillis() const
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

const SystemClock& SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

static std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

std::string formatUtcTimestamp(std::int64_t ms)
{
    const std::int64_t days = floorDiv(ms, 86400000);
    const std::int64_t rem = ms - days * 86400000;
    const Date d = Date::fromDays(days);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year, d.month, d.day,
                  static_cast<int>(rem / 3600000), static_cast<int>(rem / 60000 % 60),
                  static_cast<int>(rem / 1000 % 60), static_cast<int>(rem % 1000));
    return buf;
}

Date localDate(std::int64_t ms, int utcOffsetMinutes)
{
    return Date::fromDays(floorDiv(ms + static_cast<std::int64_t>(utcOffsetMinutes) * 60000, 86400000));
}

std::int64_t unixMillisAt(const Date& date, int hour, int utcOffsetMinutes)
{
    return date.days() * 86400000 + static_cast<std::int64_t>(hour) * 3600000 -
           static_cast<std::int64_t>(utcOffsetMinutes) * 60000;
}

}  // namespace taizhang

namespace taizhang {

std::optional<std::int64_t> parseUtcTimestamp(std::string_view t)
{
    // "YYYY-MM-DDTHH:MM:SS.mmmZ"
    if (t.size() != 24 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != '.' || t[23] != 'Z')
        return std::nullopt;
    const auto day = Date::parse(t.substr(0, 10));
    if (!day) return std::nullopt;
    auto number = [&](std::size_t at, std::size_t len) -> int {
        int v = 0;
        for (std::size_t i = at; i < at + len; ++i) {
            if (t[i] < '0' || t[i] > '9') return -1;
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    const int h = number(11, 2), m = number(14, 2), s = number(17, 2), ms = number(20, 3);
    if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59 || ms < 0) return std::nullopt;
    const std::int64_t at = day->days() * 86400000 + h * 3600000LL + m * 60000LL + s * 1000LL + ms;
    if (formatUtcTimestamp(at) != t) return std::nullopt;  // e.g. a date Date::parse reads leniently
    return at;
}

}  // namespace taizhang
