#pragma once
// GET /v1/changes on each backend (Storage::changesAfter): a school's records and conflict rows
// after a cursor, in change order, records unpacked (server/record_body.h). Called by the
// backends with their own connection and locks.
#include <cstdint>
#include <string>
#include <vector>

#include "county_types.h"

namespace taizhang {
class Database;
}

namespace taizhang::server {

class PgConnection;

namespace sqlite_feed {
std::vector<ChangeEntry> changesAfter(Database& db, const std::string& schoolCode, std::int64_t after, int limit,
                                      std::int64_t maxBytes);
}

namespace pg_feed {
std::vector<ChangeEntry> changesAfter(PgConnection& c, const std::string& schoolCode, std::int64_t after, int limit,
                                      std::int64_t maxBytes);
}

}  // namespace taizhang::server
