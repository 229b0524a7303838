// taizhang import --kind K FILE.csv: all or nothing; every bad row is reported on stderr.
#include <fstream>
#include <iterator>

#include "commands.h"
#include "importer.h"
#include "record_fields.h"

namespace taizhang::cli {

int runImport(Context& ctx)
{
    const Kind kind = parseRecordKind(ctx.args.required("kind"));
    if (ctx.args.positionals.size() != 1) throw usageError("usage: taizhang import --kind K FILE.csv");
    const std::string path = ctx.args.positionals.front();
    ctx.args.expectNoMore(1);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CliError(kExitNotFound, "cannot read " + path);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Database& db = ctx.db();
    const ImportReport report = importCsv(db, ctx.clock, kind, bytes);
    for (const auto& w : report.warnings) ctx.err << path << ": warning: " << w << "\n";
    if (!report.ok()) {
        for (const auto& p : report.problems) ctx.err << path << ": " << describe(p) << "\n";
        ctx.err << "taizhang: " << report.problems.size() << " problem(s) in " << path
                << "; nothing was imported (fix the rows above and import the whole file again)\n";
        return report.conflict() ? kExitConflict : kExitInvalid;
    }
    ctx.out << "imported " << report.written << " " << kindName(kind) << " record(s) from " << path << " ("
            << encodingName(report.encoding) << ")\n";
    return kExitOk;
}

}  // namespace taizhang::cli
