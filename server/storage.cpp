#include "storage.h"

#include "postgres_storage.h"
#include "sqlite_storage.h"

namespace taizhang::server {

std::unique_ptr<Storage> openStorage(const std::string& target, int connections)
{
    if (target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0)
        return openPostgresStorage(target, connections);
    return openSqliteStorage(target);
}

}  // namespace taizhang::server
