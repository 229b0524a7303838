// The county's administration, shared by the admin commands (a shell on the server) and the
// console's administration pages (a browser): the checks live here once, with the message in
// Chinese and English; each front end only presents them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "storage.h"

namespace taizhang::server {

struct AdminMessage {
    std::string zh;
    std::string en;
};

// A problem found in an input; line is the CSV line (0 when not from a file).
struct AdminProblem {
    int line = 0;
    AdminMessage message;
};

// code: 10 digits (学校标识码); county: 6 digits; type: primary | junior | nine_year ("" = primary).
std::optional<AdminMessage> checkSchool(SchoolRow& school);

// code,name,county[,type] per row, header optional, UTF-8 (BOM) or GBK. Every row is checked:
// problems name their line, and with any problem no school should be added.
struct SchoolsCsv {
    std::vector<SchoolRow> schools;
    std::vector<AdminProblem> problems;
};
SchoolsCsv parseSchoolsCsv(const std::string& bytes, const std::string& createdAt);

struct AddedSchools {
    int added = 0;
    int existing = 0;
};
AddedSchools addSchools(Storage& storage, const std::vector<SchoolRow>& schools);

// A single-use enrollment code for the school (only its hash is stored).
struct IssuedCode {
    std::string code;
    std::int64_t expiresAtMs = 0;
};
inline constexpr std::int64_t kMaxEnrollTtlHours = 24 * 90;
IssuedCode issueEnrollmentCode(Storage& storage, const std::string& schoolCode, std::int64_t ttlMs, std::int64_t nowMs);

// County overrides (core's parseCountyOverrides: stricter than national only) and the county
// term calendar (each term checked by core). value: the normalised JSON to store.
struct CheckedConfig {
    std::string value;
    std::vector<AdminProblem> problems;
};
CheckedConfig checkOverrides(const nlohmann::json& json);
CheckedConfig checkTerms(const nlohmann::json& json);
// Stores "overrides" or "terms" and rebuilds every school's day summaries (their findings depend
// on both).
void storeCountyConfig(Storage& storage, const std::string& key, const std::string& value, const std::string& at);

// Console staff: username 1-64 characters without spaces, role admin | reviewer | viewer,
// password at least 10 characters.
std::optional<AdminMessage> checkStaff(const std::string& username, const std::string& role, const std::string& password);
inline constexpr std::size_t kMinStaffPasswordChars = 10;

}  // namespace taizhang::server
