#pragma once
// Short names of the policy rules, for tables that count findings by rule (the county console).
// The rule ids are the stable ids findings carry (policy.h); the full message of each finding
// stays in Finding::messageZh / messageEn.
#include <string>
#include <string_view>

namespace taizhang {

// The rule's short name in Chinese (zh) or English; the id itself for an id this table lacks.
std::string ruleTitle(std::string_view ruleId, bool zh);

}  // namespace taizhang
