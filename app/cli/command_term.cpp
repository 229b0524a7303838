// taizhang term add|list: the school calendar (学期 and holidays) the checks use for school days.
#include <algorithm>

#include "commands.h"
#include "typed_text.h"
#include "references.h"
#include "table.h"
#include "writer.h"

namespace taizhang::cli {

Term termFromArgs(Args& args, const std::string& prefix)
{
    Term t;
    t.name = args.required(prefix + "name");
    auto start = args.dateOption(prefix + "start");
    auto end = args.dateOption(prefix + "end");
    if (!start || !end) throw usageError("a term needs --" + prefix + "start and --" + prefix + "end (YYYY-MM-DD)");
    t.start = *start;
    t.end = *end;
    for (const auto& h : args.options("holiday")) {
        // NAME:START[:END], e.g. 国庆节:2026-10-01:2026-10-07
        const auto a = h.find(':');
        const auto b = a == std::string::npos ? a : h.find(':', a + 1);
        auto hs = a == std::string::npos ? std::nullopt : Date::parse(h.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1));
        auto he = b == std::string::npos ? hs : Date::parse(h.substr(b + 1));
        if (!hs || !he) throw usageError("--holiday needs NAME:START[:END] with dates as YYYY-MM-DD, got '" + h + "'");
        t.holidays.push_back({h.substr(0, a), *hs, *he});
    }
    // 调休: a Saturday or Sunday made a working day, e.g. --workday 2026-09-26.
    for (const auto& w : args.options("workday")) {
        auto day = parseTypedDate(w);
        if (!day) throw usageError("--workday needs a date (YYYY-MM-DD), got '" + w + "'");
        t.workdays.push_back(*day);
    }
    std::sort(t.workdays.begin(), t.workdays.end());
    // 作息时间: the first lesson of the morning, per section, e.g. --primary-first-lesson 08:20.
    t.primaryFirstLesson = args.option("primary-first-lesson").value_or("");
    t.juniorFirstLesson = args.option("junior-first-lesson").value_or("");
    return t;
}

namespace {
// term edit <term> [--workday D ...] [--primary-first-lesson HH:MM] [--junior-first-lesson HH:MM]:
// adds 调休 working days and sets the term's 作息时间 (an empty value clears it).
int editTerm(Context& ctx, Writer& writer)
{
    if (ctx.args.positionals.empty()) throw usageError("usage: taizhang term edit <term name or id> --workday D ...");
    const std::string which = ctx.args.positionals.front();
    ctx.args.positionals.erase(ctx.args.positionals.begin());
    References refs(writer.store());
    const auto found = refs.findTerm(which);
    if (!found.ok()) throw CliError(kExitNotFound, found.problem);
    const auto record = writer.store().find(found.id);
    if (!record) throw CliError(kExitNotFound, "no term " + which);
    auto t = record->body.get<Term>();
    for (const auto& w : ctx.args.options("workday")) {
        auto day = parseTypedDate(w);
        if (!day) throw usageError("--workday needs a date (YYYY-MM-DD), got '" + w + "'");
        if (std::find(t.workdays.begin(), t.workdays.end(), *day) == t.workdays.end()) t.workdays.push_back(*day);
    }
    std::sort(t.workdays.begin(), t.workdays.end());
    if (auto v = ctx.args.option("primary-first-lesson")) t.primaryFirstLesson = *v;
    if (auto v = ctx.args.option("junior-first-lesson")) t.juniorFirstLesson = *v;
    ctx.args.expectNoMore(0);
    Json body = record->body;  // keeps any field a newer schema added
    const Json changed = Json(t);
    for (auto it = changed.begin(); it != changed.end(); ++it) body[it.key()] = it.value();
    for (const char* key : {"primary_first_lesson", "junior_first_lesson", "workdays"})
        if (!changed.contains(key)) body.erase(key);
    const auto result = writer.update(found.id, std::move(body), record->meta.version);
    printIssues(ctx.err, result.issues);
    if (!result.ok()) return kExitInvalid;
    ctx.out << "updated term " << t.name << " " << found.id << "\n";
    return kExitOk;
}
}  // namespace

int runTerm(Context& ctx)
{
    const std::string sub = subcommand(ctx, "term", {"add", "edit", "list"});
    Database& db = ctx.db();
    Writer writer(db, ctx.clock, "cli");
    if (sub == "edit") return editTerm(ctx, writer);
    if (sub == "add") {
        Term t = termFromArgs(ctx.args);
        ctx.args.expectNoMore(0);
        const auto result = writer.save(Kind::Term, Json(t));
        printIssues(ctx.err, result.issues);
        if (!result.ok()) return kExitInvalid;
        ctx.out << "added term " << t.name << " " << result.records.front().meta.id << "\n";
        return kExitOk;
    }
    ctx.args.expectNoMore(0);
    References refs(writer.store());
    if (ctx.json) {
        Json arr = Json::array();
        for (const auto& r : refs.terms()) arr.push_back(recordToJson(r));
        ctx.out << arr.dump(2) << "\n";
        return kExitOk;
    }
    Table table({"id", "name", "start", "end", "holidays"});
    for (const auto& r : refs.terms()) {
        const auto t = bodyAs<Term>(r);
        std::string holidays;
        for (const auto& h : t.holidays)
            holidays += (holidays.empty() ? "" : "; ") + h.name + " " + h.start.toString() + ".." + h.end.toString();
        table.add({r.meta.id, t.name, t.start.toString(), t.end.toString(), holidays});
    }
    table.print(ctx.out);
    return kExitOk;
}

}  // namespace taizhang::cli
