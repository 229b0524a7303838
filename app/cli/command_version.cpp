#include <sqlite3.h>

#include "commands.h"

namespace taizhang::cli {

int runVersion(Context& ctx)
{
    ctx.args.expectNoMore(0);
    const int schema = clientMigrations().back().version;
    if (ctx.json) {
        ctx.out << Json{{"version", TAIZHANG_VERSION}, {"schema", schema}, {"sqlite", sqlite3_libversion()}}.dump()
                << "\n";
        return kExitOk;
    }
    ctx.out << "taizhang " << TAIZHANG_VERSION << " (client database schema " << schema << ", SQLite "
            << sqlite3_libversion() << ")\n";
    return kExitOk;
}

}  // namespace taizhang::cli
