#pragma once
// SQLite backend: one file, WAL, one connection guarded by a mutex (SQLite has one writer at a
// time anyway; parsing and validation happen outside the lock).
#include <memory>
#include <string>

#include "storage.h"

namespace taizhang::server {

std::unique_ptr<Storage> openSqliteStorage(const std::string& path);

}  // namespace taizhang::server
