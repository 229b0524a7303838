// `taizhang data-dictionary`: the per-kind field tables of docs/data-dictionary.md, generated from
// core's kind table (core/record_kinds.h, core/data_dictionary.h). Without a file it prints every
// kind's table; `--update FILE` rewrites FILE's generated blocks; `--check FILE` exits 3 when FILE
// is out of date (what the test on the committed document runs).
#include <fstream>
#include <sstream>

#include "commands.h"
#include "data_dictionary.h"

namespace taizhang::cli {

namespace {
std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CliError(kExitNotFound, "cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

int runDataDictionary(Context& ctx)
{
    const auto update = ctx.args.option("update");
    const auto check = ctx.args.option("check");
    ctx.args.expectNoMore(0);
    if (update && check) throw usageError("use either --update FILE or --check FILE");
    if (!update && !check) {
        for (const auto& d : kindDescriptors())
            ctx.out << "### `" << d.name << "`\n\n" << kindFieldTable(d.kind) << "\n";
        return kExitOk;
    }
    const std::string path = update ? *update : *check;
    const std::string current = readFile(path);
    std::string generated;
    try {
        generated = regenerateDataDictionary(current);
    } catch (const std::invalid_argument& e) {
        throw CliError(kExitInvalid, path + ": " + e.what());
    }
    if (check) {
        if (generated == current) return kExitOk;
        ctx.err << "taizhang: " << path << " is out of date with core/record_kinds.cpp; run "
                << "taizhang data-dictionary --update " << path << "\n";
        return kExitInvalid;
    }
    if (generated != current) {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << generated;
        if (!out) throw CliError(kExitInternal, "cannot write " + path);
    }
    ctx.out << path << (generated == current ? " was up to date\n" : " updated\n");
    return kExitOk;
}

}  // namespace taizhang::cli
