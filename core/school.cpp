#include "school.h"

#include "uuid.h"

namespace taizhang {

void to_json(Json& j, const SchoolProfile& v)
{
    j = Json{{"code", v.code},
             {"name", v.name},
             {"county_code", v.countyCode},
             {"type", v.type},
             {"utc_offset_minutes", v.utcOffsetMinutes}};
}

void from_json(const Json& j, SchoolProfile& v)
{
    v.code = j.at("code").get<std::string>();
    v.name = j.at("name").get<std::string>();
    v.countyCode = j.at("county_code").get<std::string>();
    v.type = j.at("type").get<std::string>();
    v.utcOffsetMinutes = j.value("utc_offset_minutes", kChinaUtcOffsetMinutes);
}

std::optional<SchoolProfile> loadSchoolProfile(const Database& db)
{
    auto text = db.setting("school");
    if (!text) return std::nullopt;
    return Json::parse(*text).get<SchoolProfile>();
}

void saveSchoolProfile(Database& db, const SchoolProfile& profile)
{
    db.setSetting("school", Json(profile).dump());
}

std::string ensureDeviceId(Database& db, const Clock& clock)
{
    if (auto id = db.setting("device_id")) return *id;
    auto tx = db.beginWrite();
    if (auto id = db.setting("device_id")) return *id;  // another process won the race
    const std::string id = newUuidV7(clock.nowUnixMillis());
    db.setSetting("device_id", id);
    tx.commit();
    return id;
}

}  // namespace taizhang
