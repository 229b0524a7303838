#pragma once
// What the county has published for its schools (policy overrides and its term calendar), read
// from the county's config table. One reader for the report and the day summaries, so both judge
// with the same rules.
#include <string>
#include <unordered_map>

#include <optional>

#include "policy_overrides.h"
#include "records.h"
#include "reporting_deadline.h"
#include "storage.h"

namespace taizhang::server {

// The county's policy overrides; none when not set (or not valid: the write path validates them).
CountyOverrides storedCountyOverrides(Storage& storage);

// The county's term calendar, used when a school has not sent its own terms.
std::unordered_map<std::string, Term> storedCountyTerms(Storage& storage);

// The county's reporting deadline; none when not set.
std::optional<ReportingDeadline> storedReportingDeadline(Storage& storage);

}  // namespace taizhang::server
