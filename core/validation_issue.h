#pragma once
// Internal helpers shared by validation*.cpp and ledger.cpp.
#include <string>

#include "validation.h"

namespace taizhang {

inline ValidationIssue makeIssue(std::string code, std::string field, std::string zh, std::string en,
                                 IssueSeverity severity = IssueSeverity::Error)
{
    return ValidationIssue{std::move(code), std::move(field), std::move(zh), std::move(en), severity};
}

inline ValidationIssue makeWarning(std::string code, std::string field, std::string zh, std::string en)
{
    return makeIssue(std::move(code), std::move(field), std::move(zh), std::move(en), IssueSeverity::Warning);
}

namespace detail {
using Issues = std::vector<ValidationIssue>;
// Semantic checks per kind; the body has already passed validateShape().
void validateClass(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out);
void validateTeacher(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out);
void validateTerm(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out);
void validateSubject(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out);
void validateHomework(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out);
void validateSleep(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out);
void validateActivity(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out);
void validateTimetable(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out);
void validateTraining(const Json& body, const ValidationContext& ctx, const std::string& id, Issues& out);

// A subject code is known: national catalogue, or a custom course defined by the school.
bool subjectKnown(const std::string& code, const ValidationContext& ctx);
// Reports `code` when another live record holds the same uniqueness key.
void checkUnique(Kind kind, const Json& body, const ValidationContext& ctx, const std::string& id,
                 const std::string& code, const std::string& field, const std::string& zh, const std::string& en,
                 Issues& out);
// The same for a key worked out otherwise (another record's key this one must not meet, such as
// its class-day's 无作业 mark); "" checks nothing.
void checkKeyFree(const std::string& key, const ValidationContext& ctx, const std::string& id, const std::string& code,
                  const std::string& field, const std::string& zh, const std::string& en, Issues& out);
}  // namespace detail

}  // namespace taizhang
