#pragma once
// The county database schema, one migration list per backend (same tables, dialect differences
// only). Numbered like the client's: a server refuses a database newer than itself.
#include <string>
#include <vector>

#include "database.h"

namespace taizhang::server {

const std::vector<Migration>& sqliteCountyMigrations();
const std::vector<Migration>& postgresCountyMigrations();

}  // namespace taizhang::server
