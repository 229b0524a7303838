// taizhang check [--from D] [--to D] [--json] [--fail-on-findings]: the policy findings of the
// school over the range, as a table or as JSON.
#include "commands.h"
#include "findings.h"
#include "table.h"

namespace taizhang::cli {

int runCheck(Context& ctx)
{
    const FindingsRange range = findingsRange(ctx);
    const bool failOnFindings = ctx.args.flag("fail-on-findings");
    ctx.args.expectNoMore(0);
    const auto findings = computeFindings(ctx, range);
    RecordStore store(ctx.db(), ctx.clock);
    References refs(store);
    if (ctx.json) {
        Json arr = Json::array();
        for (const auto& f : findings) arr.push_back(f.json);
        ctx.out << Json{{"from", range.from.toString()}, {"to", range.to.toString()}, {"count", findings.size()},
                        {"findings", arr}}
                       .dump(2)
                << "\n";
    } else {
        Table table({"date", "scope", "rule", "sev", "expected", "actual", "message"});
        std::size_t hard = 0;
        for (const auto& f : findings) {
            table.add({f.date, scopeName(f, refs), f.ruleId, f.severity, f.expected, f.actual, f.messageEn});
            if (f.severity == "hard") ++hard;
        }
        ctx.out << "Policy check " << range.from.toString() << " .. " << range.to.toString() << "\n";
        if (findings.empty()) {
            ctx.out << "no findings: every checked rule is met\n";
        } else {
            table.print(ctx.out);
            ctx.out << findings.size() << " finding(s): " << hard << " hard, " << findings.size() - hard << " soft\n";
        }
    }
    return failOnFindings && !findings.empty() ? kExitFindings : kExitOk;
}

}  // namespace taizhang::cli
