#include "county_admin.h"

#include "crypto.h"
#include "csv.h"
#include "day_summary.h"
#include "policy_overrides.h"
#include "text_encoding.h"
#include "validation.h"

namespace taizhang::server {
namespace {

bool allDigits(const std::string& s, std::size_t n)
{
    return s.size() == n && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

std::optional<AdminMessage> checkSchool(SchoolRow& s)
{
    if (!allDigits(s.code, 10))
        return AdminMessage{"学校标识码应为 10 位数字，收到“" + s.code + "”",
                            "school code must be 10 digits (学校标识码), got '" + s.code + "'"};
    if (!allDigits(s.countyCode, 6))
        return AdminMessage{"区县代码应为 6 位数字，收到“" + s.countyCode + "”",
                            "county code must be 6 digits, got '" + s.countyCode + "'"};
    if (s.name.empty()) return AdminMessage{"学校名称不能为空", "school name must not be empty"};
    if (s.type.empty()) s.type = "primary";
    if (s.type != "primary" && s.type != "junior" && s.type != "nine_year")
        return AdminMessage{"学校类型应为 primary（小学）、junior（初中）或 nine_year（九年一贯制），收到“" + s.type + "”",
                            "school type must be primary, junior or nine_year, got '" + s.type + "'"};
    return std::nullopt;
}

SchoolsCsv parseSchoolsCsv(const std::string& bytes, const std::string& createdAt)
{
    SchoolsCsv out;
    const auto decoded = decodeToUtf8(bytes);
    const CsvDocument doc = parseCsv(decoded.utf8);
    for (const auto& p : doc.problems)
        out.problems.push_back({static_cast<int>(p.line), {"CSV 格式错误：" + p.message, p.message}});
    if (!out.problems.empty()) return out;
    for (const auto& row : doc.rows) {
        if (!row.fields.empty() && (row.fields[0] == "code" || row.fields[0] == "学校标识码")) continue;
        if (row.fields.size() == 1 && row.fields[0].empty()) continue;  // an empty line
        if (row.fields.size() < 3) {
            out.problems.push_back({static_cast<int>(row.line), {"应有 学校标识码,名称,区县代码[,类型] 几列", "expected code,name,county[,type]"}});
            continue;
        }
        SchoolRow school{row.fields[0], row.fields[1], row.fields[2], row.fields.size() > 3 ? row.fields[3] : "", false,
                         createdAt};
        if (auto problem = checkSchool(school)) {
            out.problems.push_back({static_cast<int>(row.line), *problem});
            continue;
        }
        out.schools.push_back(std::move(school));
    }
    if (out.schools.empty() && out.problems.empty())
        out.problems.push_back({0, {"文件里没有学校", "the file holds no school"}});
    return out;
}

AddedSchools addSchools(Storage& storage, const std::vector<SchoolRow>& schools)
{
    AddedSchools result;
    for (const auto& s : schools) {
        try {
            storage.addSchool(s);
            ++result.added;
        } catch (const AlreadyExists&) {
            ++result.existing;
        }
    }
    return result;
}

IssuedCode issueEnrollmentCode(Storage& storage, const std::string& schoolCode, std::int64_t ttlMs, std::int64_t nowMs)
{
    IssuedCode issued{newEnrollmentCode(), nowMs + ttlMs};
    storage.addEnrollmentCode({enrollmentCodeHash(issued.code), schoolCode, issued.expiresAtMs, formatUtcTimestamp(nowMs)});
    return issued;
}

CheckedConfig checkOverrides(const nlohmann::json& json)
{
    CheckedConfig out;
    const auto parsed = parseCountyOverrides(json);
    for (const auto& e : parsed.errors) out.problems.push_back({0, {e.messageZh, e.field + ": " + e.messageEn}});  // the Chinese message names the field
    if (parsed.ok()) out.value = toJson(parsed.overrides).dump();
    return out;
}

CheckedConfig checkTerms(const nlohmann::json& json)
{
    CheckedConfig out;
    if (!json.is_array()) {
        out.problems.push_back({0, {"学期应为一个 JSON 数组", "terms must be a JSON array of terms"}});
        return out;
    }
    for (std::size_t i = 0; i < json.size(); ++i) {
        ValidationContext ctx;
        ctx.checkReferences = false;
        for (const auto& issue : validateBody(Kind::Term, json[i], ctx)) {
            if (issue.severity != IssueSeverity::Error) continue;
            const auto n = std::to_string(i + 1);
            out.problems.push_back({0, {"第 " + n + " 个学期：" + issue.messageZh, "term " + n + ": " + issue.code + ": " + issue.messageEn}});
        }
    }
    if (out.problems.empty()) out.value = json.dump();
    return out;
}

void storeCountyConfig(Storage& storage, const std::string& key, const std::string& value, const std::string& at)
{
    storage.setConfigValue(key, value, at);
    // The marker first: an interrupted rebuild is finished by whoever opens the database next.
    storage.setConfigValue(kSummariesConfigKey, "rebuild", at);
    rebuildDaySummariesIfPending(storage);
}

std::optional<AdminMessage> checkStaff(const std::string& username, const std::string& role, const std::string& password)
{
    if (role != "admin" && role != "reviewer" && role != "viewer")
        return AdminMessage{"角色应为 管理员、审核员 或 查看员", "role must be admin, reviewer or viewer, got '" + role + "'"};
    if (username.empty() || username.size() > 64 || username.find_first_of(" \t\r\n") != std::string::npos)
        return AdminMessage{"用户名应为 1–64 个字符，不含空格", "the username must be 1-64 characters without spaces"};
    if (password.size() < kMinStaffPasswordChars)
        return AdminMessage{"控制台密码至少 10 个字符", "a console password needs at least 10 characters"};
    return std::nullopt;
}

}  // namespace taizhang::server
