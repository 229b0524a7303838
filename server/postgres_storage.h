#pragma once
// PostgreSQL backend via libpq: a pool of connections, one ingest transaction per batch on one
// connection, bulk reads and writes through array parameters (unnest), never string-built SQL.
#include <memory>
#include <string>

#include "storage.h"

namespace taizhang::server {

std::unique_ptr<Storage> openPostgresStorage(const std::string& url, int connections);

}  // namespace taizhang::server
