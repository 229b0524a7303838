#include "storage.h"

#include "day_summary.h"
#include "postgres_storage.h"
#include "sqlite_storage.h"

namespace taizhang::server {

std::unique_ptr<Storage> openStorage(const std::string& target, int connections)
{
    auto storage = target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0
                       ? openPostgresStorage(target, connections)
                       : openSqliteStorage(target);
    rebuildDaySummariesIfPending(*storage);  // once, after county migration 5
    return storage;
}

}  // namespace taizhang::server
