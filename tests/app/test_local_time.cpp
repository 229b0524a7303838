// Times on screen are the school's local time (issue 8 found UTC ISO text in the Chinese UI).
#include <QRegularExpression>

#include "client_fixture.h"
#include "local_time.h"
#include "records_model.h"
#include "retry_policy.h"

namespace taizhang::testing {
namespace {

using LocalTimeTest = ClientFixture;

TEST_F(LocalTimeTest, GIVEN_a_stored_utc_timestamp_WHEN_shown_THEN_it_is_the_schools_local_time)
{
    EXPECT_EQ(schoolLocalTimestamp(*app, "2026-11-20T09:05:00.000Z"), QStringLiteral("2026-11-20 17:05"));
    EXPECT_EQ(schoolLocalTimestamp(*app, "2026-11-20T20:30:00.000Z"), QStringLiteral("2026-11-21 04:30"))
        << "the local day, not the UTC day";
    const auto at = [](const char* utc) { return *sync::parseUtcTimestamp(utc); };
    EXPECT_EQ(schoolLocalTime(*app, at("2026-11-20T09:05:00Z"), at("2026-11-20T10:00:00Z")), QStringLiteral("17:05"));
    EXPECT_EQ(schoolLocalTime(*app, at("2026-11-19T09:05:00Z"), at("2026-11-20T10:00:00Z")), QStringLiteral("11月19日 17:05"));
}

TEST_F(LocalTimeTest, GIVEN_a_records_history_WHEN_listed_THEN_each_entry_time_is_local_not_utc_iso)
{
    RecordsModel records(*app);
    ASSERT_GT(records.rowCount(), 0);
    const QVariantList history = records.history(0);
    ASSERT_FALSE(history.isEmpty());
    for (const QVariant& entry : history) {
        const QString at = entry.toMap().value("at").toString();
        EXPECT_TRUE(at.contains(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$")))) << qPrintable(at);
    }
}

}  // namespace
}  // namespace taizhang::testing
