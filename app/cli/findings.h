#pragma once
// The policy findings of the school over a date range, shared by `check` and `export findings`.
#include <string>
#include <vector>

#include "cli.h"
#include "date.h"
#include "references.h"

namespace taizhang::cli {

struct FindingsRange {
    Date from;
    Date to;
};

// --from / --to, defaulting to the start of the term holding today (else the earliest term)
// and today.
FindingsRange findingsRange(Context& ctx);

struct CliFinding {
    std::string ruleId, severity, scopeKind, scopeId, period, date, expected, actual, source, reason, messageEn,
        messageZh;
    Json json;  // the full structured finding
};

std::vector<CliFinding> computeFindings(Context& ctx, const FindingsRange& range);

std::vector<std::string> findingsCsvHeader();
std::vector<std::string> findingCsvRow(const CliFinding& f, const References& refs);
std::string scopeName(const CliFinding& f, const References& refs);

}  // namespace taizhang::cli
