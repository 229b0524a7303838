// Forward compatibility (docs/sync-protocol.md): a client one record schema ahead of its county
// still syncs. Simulated here by records that say "schema": 2 and carry an optional body field
// this county does not know: the county checks what it knows strictly, keeps the rest as it is.
#include <gtest/gtest.h>

#include "county_client.h"
#include "sync_client_fixture.h"

using namespace taizhang;
using namespace taizhang::testing;
using sync::SyncOutcome;

namespace {
struct ForwardCompat : SyncFixture {
    void SetUp() override { startCounty(); }

    // A homework entry as a newer client writes it: one more optional field, marked schema 2
    // (or unmarked, as a client that claims to know only schema 1).
    Record newerHomework(int i, std::optional<int> schema)
    {
        auto body = homeworkBody(i);
        body["effort_level"] = 3;  // an optional field of a future schema
        const auto rec = store.create(Kind::Homework, body, {"t", "d", ""});
        if (schema) markSchema(rec, *schema);
        return rec;
    }
    // The outbox row of `rec` as a newer client would have it: the record's text with "schema".
    void markSchema(const Record& rec, int schema)
    {
        Json text = recordToJson(rec);
        text["schema"] = schema;
        auto s = db.prepare("UPDATE outbox SET payload = ? WHERE rec = (SELECT rec FROM records WHERE id = ?)");
        s.bind(1, text.dump()).bind(2, rec.meta.id).run();
    }
};
}  // namespace

TEST_F(ForwardCompat, GIVEN_a_client_one_record_schema_ahead_WHEN_it_syncs_with_an_older_county_THEN_known_fields_are_checked_and_the_new_one_kept)
{
    enrollOk();
    sync::CurlTransport t;
    sync::CountyClient client(t, county.url());
    const auto caps = client.capabilities();
    ASSERT_TRUE(caps.value) << caps.error;
    EXPECT_EQ(caps.value->recordSchema, kRecordSchemaVersion);

    addHomework(store, 3);
    const auto newer = newerHomework(100, 2);
    // A newer record whose KNOWN fields are wrong is still refused: strictness is kept for them.
    auto bad = homeworkBody(101);
    bad["effort_level"] = 1;
    bad["minutes"] = "twenty";
    const auto badRec = store.create(Kind::Homework, bad, {"t", "d", ""});
    markSchema(badRec, 2);
    // A record that claims the schema the county knows may not carry unknown fields (a typo).
    const auto typo = newerHomework(102, std::nullopt);

    const auto r = syncOnce();
    EXPECT_EQ(r.outcome, SyncOutcome::AllSent) << r.message;
    EXPECT_EQ(r.counts.created, 4);
    EXPECT_EQ(r.counts.rejected, 2);
    std::string refusals;
    for (const auto& d : Outbox(db, SystemClock::instance()).deadLetters())
        refusals += d.recordId + " " + d.code + ": " + d.message + "\n";
    const auto held = county.records(kSchool);
    ASSERT_TRUE(held.count(newer.meta.id)) << "the newer client's record was refused:\n" << refusals;
    EXPECT_NE(county.recordJsons(kSchool).at(newer.meta.id).find("\"effort_level\":3"), std::string::npos)
        << "the field the county does not know was not kept";
    std::map<std::string, std::string> codes;
    for (const auto& d : Outbox(db, SystemClock::instance()).deadLetters()) codes[d.recordId] = d.code;
    EXPECT_EQ(codes.size(), 2u);
    EXPECT_EQ(codes[badRec.meta.id].rfind("body.", 0), 0u) << codes[badRec.meta.id];
    EXPECT_EQ(codes[typo.meta.id], "body.unknown_field");
}
