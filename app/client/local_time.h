#pragma once
// Times as a school reads them: in the school's own UTC offset (profile; China +08:00 by default),
// never UTC ISO text and never the computer's zone. Records and sync state keep UTC; only the
// screen converts.
#include <cstdint>
#include <string>

#include <QString>

namespace taizhang {

class AppContext;

// "17:05" today, "11月20日 17:05" (English "11/20 17:05") another day.
QString schoolLocalTime(const AppContext& app, std::int64_t unixMillis, std::int64_t nowUnixMillis);
// "2026-11-20 17:05" from a stored UTC timestamp ("2026-11-20T09:05:00.000Z"); the text as is
// when it does not parse.
QString schoolLocalTimestamp(const AppContext& app, const std::string& utc);

}  // namespace taizhang
