// taizhang record add|edit|delete|list|history: the daily records (and any other kind by id).
#include "commands.h"
#include "record_fields.h"

namespace taizhang::cli {

namespace {
std::string takePositional(Context& ctx, const char* what)
{
    if (ctx.args.positionals.empty()) throw usageError(std::string("missing ") + what);
    std::string v = ctx.args.positionals.front();
    ctx.args.positionals.erase(ctx.args.positionals.begin());
    return v;
}

// `record edit <id>` or `record edit homework <id>`: the kind word is optional when editing.
Kind optionalKind(Context& ctx)
{
    if (ctx.args.positionals.size() >= 2) return parseRecordKind(takePositional(ctx, "the record kind"));
    return Kind::Subject;  // "any kind": findRecord accepts whatever the id names
}
}  // namespace

int runRecord(Context& ctx)
{
    const std::string sub = subcommand(ctx, "record", {"add", "edit", "delete", "list", "history"});
    if (sub == "add") return addRecord(ctx, parseRecordKind(takePositional(ctx, "the record kind (e.g. homework)")));
    if (sub == "list") return listRecords(ctx, parseRecordKind(takePositional(ctx, "the record kind (e.g. homework)")));
    if (sub == "history") return showHistory(ctx, takePositional(ctx, "the record id"));
    const Kind kind = optionalKind(ctx);
    const std::string id = takePositional(ctx, "the record id");
    return sub == "edit" ? editRecord(ctx, kind, id) : deleteRecord(ctx, kind, id);
}

}  // namespace taizhang::cli
