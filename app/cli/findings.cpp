#include "findings.h"

#include "record_store.h"

namespace taizhang::cli {

FindingsRange findingsRange(Context& ctx)
{
    const Date today = ctx.today();
    auto from = ctx.args.dateOption("from");
    auto to = ctx.args.dateOption("to");
    if (!from) {
        RecordStore store(ctx.db(), ctx.clock);
        References refs(store);
        std::optional<Date> earliest;
        for (const auto& r : refs.terms()) {
            const auto t = bodyAs<Term>(r);
            if (t.start <= today && today <= t.end) from = t.start;
            if (!earliest || t.start < *earliest) earliest = t.start;
        }
        if (!from) from = earliest.value_or(today.addDays(-30));
    }
    if (!to) to = today;
    if (*to < *from) throw usageError("--to " + to->toString() + " is before --from " + from->toString());
    return {*from, *to};
}

std::vector<CliFinding> computeFindings(Context&, const FindingsRange&)
{
    throw CliError(kExitInternal, "policy checks are not available in this build yet");
}

std::vector<std::string> findingsCsvHeader()
{
    return {"date", "scope", "rule", "severity", "expected", "actual", "message", "message_zh", "reason", "source"};
}

std::string scopeName(const CliFinding& f, const References& refs)
{
    if (f.scopeKind == "class") return refs.className(f.scopeId);
    if (f.scopeKind == "teacher") return refs.teacherName(f.scopeId);
    return f.scopeId;
}

std::vector<std::string> findingCsvRow(const CliFinding& f, const References& refs)
{
    return {f.date, scopeName(f, refs), f.ruleId, f.severity, f.expected, f.actual, f.messageEn, f.messageZh,
            f.reason, f.source};
}

}  // namespace taizhang::cli
