#pragma once
// Internal helpers shared by the policy*.cpp checks.
#include <cstdio>
#include <map>
#include <cstdint>
#include <string>
#include <unordered_map>

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

// Dense keys for (class, day) groups: a class's ordinal (from a map of a few dozen ids) times a
// day span, so grouping a year of rows hashes integers, not strings.
class ClassDayKeys {
public:
    std::int64_t key(const std::string& classId, const Date& day)
    {
        auto it = ordinals_.find(classId);
        if (it == ordinals_.end()) it = ordinals_.emplace(classId, static_cast<std::int64_t>(ordinals_.size())).first;
        return it->second * (std::int64_t{1} << 32) + day.days();
    }

private:
    std::unordered_map<std::string, std::int64_t> ordinals_;
};

inline std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// Display name of a class for messages: its name on the day (a class renamed when it moved up
// keeps its old name in its old findings), or its id when unnamed.
inline std::string className(const SchoolClass& c, const std::string& id, const Date& day)
{
    const std::string& name = c.nameOn(day);
    return name.empty() ? id : name;
}

// The source of a figure: the national document, plus the county when its override set it.
inline std::string sourceOf(const char* national, bool county)
{
    return county ? std::string(national) + "; " + source::kCounty : std::string(national);
}

}  // namespace taizhang::detail
