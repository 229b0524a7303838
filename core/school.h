#pragma once
// The installation's school profile and device identity, kept in the settings table.
#include <optional>
#include <string>
#include <vector>

#include "clock.h"
#include "database.h"
#include "records.h"

namespace taizhang {

struct SchoolProfile {
    std::string code;        // 10-digit 学校标识码
    std::string name;
    std::string countyCode;  // 6-digit administrative division code of the county (区县)
    std::string type;        // primary | junior | nine_year (九年一贯制)
    int utcOffsetMinutes = kChinaUtcOffsetMinutes;

    bool hasPrimary() const { return type == "primary" || type == "nine_year"; }
    bool hasJunior() const { return type == "junior" || type == "nine_year"; }
};

void to_json(Json& j, const SchoolProfile& v);
void from_json(const Json& j, SchoolProfile& v);

// nullopt until the school has been set up (first-run wizard or `taizhang init`).
std::optional<SchoolProfile> loadSchoolProfile(const Database& db);
// Call inside a write transaction.
void saveSchoolProfile(Database& db, const SchoolProfile& profile);

// This installation's device id (UUIDv7), created once on first use and never changed.
std::string ensureDeviceId(Database& db, const Clock& clock);

}  // namespace taizhang
