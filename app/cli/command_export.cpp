// taizhang export --kind K [--from D --to D --class X] --out FILE.csv
// taizhang export findings [--from D --to D] --out FILE.csv
// CSV in UTF-8 with a BOM and CRLF, so Excel on Chinese Windows shows the text correctly. The
// file is written beside the target and renamed into place, so a failure leaves no partial file.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "csv.h"
#include "findings.h"
#include "record_csv.h"
#include "record_fields.h"
#include "references.h"

namespace taizhang::cli {

namespace {
template <class Fill> int writeCsv(Context& ctx, const std::string& out, bool bom, Fill fill)
{
    if (out == "-") {
        CsvWriter w(ctx.out, bom);
        return fill(w);
    }
    const std::string temp = out + ".tmp";
    std::size_t rows = 0;
    {
        std::ofstream file(temp, std::ios::binary | std::ios::trunc);
        if (!file) throw CliError(kExitInvalid, "cannot write " + out);
        CsvWriter w(file, bom);
        rows = static_cast<std::size_t>(fill(w));
        file.flush();
        if (!file) {
            std::remove(temp.c_str());
            throw CliError(kExitInvalid, "writing " + out + " failed (disk full?)");
        }
    }
    std::filesystem::rename(temp, out);
    ctx.err << "wrote " << rows << " row(s) to " << out << "\n";
    return kExitOk;
}
}  // namespace

int runExport(Context& ctx)
{
    const bool findings = !ctx.args.positionals.empty() && ctx.args.positionals.front() == "findings";
    if (findings) ctx.args.positionals.erase(ctx.args.positionals.begin());
    const std::string out = ctx.args.required("out");
    const bool bom = !ctx.args.flag("no-bom");
    ctx.args.flag("bom");
    Database& db = ctx.db();
    RecordStore store(db, ctx.clock);
    References refs(store);

    if (findings) {
        const FindingsRange range = findingsRange(ctx);
        ctx.args.expectNoMore(0);
        const auto list = computeFindings(ctx, range);
        int result = writeCsv(ctx, out, bom, [&](CsvWriter& w) {
            w.row(findingsCsvHeader());
            for (const auto& f : list) w.row(findingCsvRow(f, refs));
            return static_cast<int>(list.size());
        });
        return out == "-" ? kExitOk : result;
    }

    const Kind kind = parseRecordKind(ctx.args.required("kind"));
    RecordQuery q;
    q.kind = kind;
    q.from = ctx.args.dateOption("from");
    q.to = ctx.args.dateOption("to");
    if (auto c = ctx.args.option("class")) {
        auto r = refs.findClass(*c);
        if (!r.ok()) throw CliError(kExitNotFound, r.problem);
        q.classId = r.id;
    }
    ctx.args.expectNoMore(0);
    const auto records = store.query(q);
    const int result = writeCsv(ctx, out, bom, [&](CsvWriter& w) {
        w.row(recordCsvHeader(kind));
        for (const auto& r : records) w.row(recordCsvRow(r, refs));
        return static_cast<int>(records.size());
    });
    return out == "-" ? kExitOk : result;
}

}  // namespace taizhang::cli
