#include "county_policy.h"

#include <nlohmann/json.hpp>

namespace taizhang::server {

CountyOverrides storedCountyOverrides(Storage& storage)
{
    const auto text = storage.configValue("overrides");
    if (!text) return {};
    auto parsed = parseCountyOverrides(nlohmann::json::parse(*text));
    return parsed.ok() ? parsed.overrides : CountyOverrides{};
}

std::unordered_map<std::string, Term> storedCountyTerms(Storage& storage)
{
    std::unordered_map<std::string, Term> terms;
    const auto text = storage.configValue("terms");
    if (!text) return terms;
    const nlohmann::json j = nlohmann::json::parse(*text);
    for (std::size_t i = 0; i < j.size(); ++i) terms.emplace("county-term-" + std::to_string(i), j[i].get<Term>());
    return terms;
}

std::optional<ReportingDeadline> storedReportingDeadline(Storage& storage)
{
    const auto text = storage.configValue(kDeadlineConfigKey);
    return text ? parseStoredDeadline(*text) : std::nullopt;
}

}  // namespace taizhang::server
