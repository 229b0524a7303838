#include <gtest/gtest.h>

#include <set>

#include "clock.h"
#include "date.h"
#include "uuid.h"

using namespace taizhang;

TEST(Date, GIVEN_valid_and_invalid_text_WHEN_parsed_THEN_only_real_days_accepted)
{
    EXPECT_TRUE(Date::parse("2024-02-29"));
    EXPECT_FALSE(Date::parse("2023-02-29"));
    EXPECT_FALSE(Date::parse("2024-13-01"));
    EXPECT_FALSE(Date::parse("2024-1-01"));
    EXPECT_FALSE(Date::parse("2024/01/01"));
    EXPECT_FALSE(Date::parse(""));
    EXPECT_EQ(Date::parse("2026-11-22")->toString(), "2026-11-22");
}

TEST(Date, GIVEN_known_days_WHEN_converted_THEN_round_trip_and_weekday_match_calendar)
{
    EXPECT_EQ(Date::parse("1970-01-01")->days(), 0);
    EXPECT_EQ(Date::parse("2026-11-22")->isoWeekday(), 7);  // a Sunday
    EXPECT_EQ(Date::parse("2026-11-23")->isoWeekday(), 1);
    for (std::int64_t d = -1000; d < 30000; d += 37) EXPECT_EQ(Date::fromDays(d).days(), d);
    EXPECT_EQ(Date::parse("2024-02-29")->addYears(1).toString(), "2025-02-28");
    EXPECT_EQ(Date::parse("2026-11-26")->mondayOfWeek().toString(), "2026-11-23");
}

TEST(Clock, GIVEN_utc_instant_before_midnight_utc_WHEN_local_date_taken_THEN_china_day_is_next_day)
{
    const auto ms = unixMillisAt(*Date::parse("2026-09-01"), 23, 0);  // 23:00 UTC = 07:00 next day in China
    EXPECT_EQ(localDate(ms).toString(), "2026-09-02");
    EXPECT_EQ(formatUtcTimestamp(ms), "2026-09-01T23:00:00.000Z");
}

TEST(Uuid, GIVEN_many_new_ids_WHEN_generated_THEN_canonical_v7_unique_and_time_ordered)
{
    std::set<std::string> ids;
    std::string previous;
    for (int i = 0; i < 1000; ++i) {
        const auto id = newUuidV7(1700000000000 + i);
        EXPECT_TRUE(isCanonicalUuid(id)) << id;
        EXPECT_EQ(id[14], '7');
        EXPECT_GT(id, previous);
        previous = id;
        ids.insert(id);
    }
    EXPECT_EQ(ids.size(), 1000u);
    EXPECT_FALSE(isCanonicalUuid("0190A3B4-0000-7000-8000-000000000000"));
}
