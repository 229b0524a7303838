#include "postgres_storage.h"

namespace taizhang::server {

std::unique_ptr<Storage> openPostgresStorage(const std::string&, int)
{
    throw StorageError("PostgreSQL backend not built yet");
}

}  // namespace taizhang::server
