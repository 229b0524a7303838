#pragma once
// Internal helpers shared by the policy*.cpp checks.
#include <cstdio>
#include <map>
#include <string>

#include "policy.h"

namespace taizhang::detail {

// effectiveRules() per national rule set, computed once per run: rule sets change only on their
// effective dates, so a check over 190 days needs two at most.
class RulesCache {
public:
    explicit RulesCache(const CountyOverrides& overrides) : overrides_(overrides) {}
    const RuleSet& at(const Date& day)
    {
        const RuleSet& national = nationalRuleSetFor(day);
        auto it = cache_.find(national.id);
        if (it == cache_.end()) it = cache_.emplace(national.id, effectiveRules(day, overrides_)).first;
        return it->second;
    }
    const CountyOverrides& overrides() const { return overrides_; }

private:
    const CountyOverrides& overrides_;
    std::map<std::string, RuleSet> cache_;
};

inline std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// Display name of a class for messages: its name, or its id when unnamed.
inline std::string className(const SchoolClass& c, const std::string& id) { return c.name.empty() ? id : c.name; }

// The source of a figure: the national document, plus the county when its override set it.
inline std::string sourceOf(const char* national, bool county)
{
    return county ? std::string(national) + "; " + source::kCounty : std::string(national);
}

}  // namespace taizhang::detail
