#include "findings.h"

#include <algorithm>

#include "policy.h"
#include "record_store.h"
#include "sync_state.h"
#include "writer.h"

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
    if (!to) {
        to = today;
        // A clock before every term (a demo on a machine with an old date): check the terms.
        if (*to < *from) {
            RecordStore store(ctx.db(), ctx.clock);
            const References refs(store);
            for (const auto& r : refs.terms()) to = std::max(*to, bodyAs<Term>(r).end);
        }
    }
    if (*to < *from) throw usageError("--to " + to->toString() + " is before --from " + from->toString());
    return {*from, *to};
}

std::vector<CliFinding> computeFindings(Context& ctx, const FindingsRange& range)
{
    Database& db = ctx.db();
    RecordStore store(db, ctx.clock);
    const PolicyDataset data = loadPolicyDataset(store, range.from, range.to);
    std::vector<CliFinding> out;
    for (const auto& f : runPolicyChecks(data, range.from, range.to, loadCountyOverrides(db))) {
        CliFinding c;
        c.ruleId = f.ruleId;
        c.severity = std::string(severityName(f.severity));
        c.scopeKind = f.scopeKind;
        c.scopeId = f.scopeId;
        c.period = f.period;
        c.date = f.date.toString();
        c.expected = f.expected;
        c.actual = f.actual;
        c.source = f.source;
        c.reason = f.reason;
        c.messageEn = f.messageEn;
        c.messageZh = f.messageZh;
        c.json = toJson(f);
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<std::string> findingsCsvHeader()
{
    return {"date", "scope", "rule", "severity", "expected", "actual", "message", "message_zh", "reason", "source"};
}

std::string scopeName(const CliFinding& f, const References& refs)
{
    if (f.scopeKind == "class") {
        const auto day = Date::parse(f.date);
        return day ? refs.classNameOn(f.scopeId, *day) : refs.className(f.scopeId);
    }
    if (f.scopeKind == "teacher") return refs.teacherName(f.scopeId);
    return f.scopeId;
}

std::vector<std::string> findingCsvRow(const CliFinding& f, const References& refs)
{
    return {f.date, scopeName(f, refs), f.ruleId, f.severity, f.expected, f.actual, f.messageEn, f.messageZh,
            f.reason, f.source};
}

}  // namespace taizhang::cli
