// The bulk write path's shortcuts must not change what is stored: the record's JSON is stored
// once (the outbox row and a creation's audit row refer to it), the text the outbox hands to the
// encoder and the audit "after" equal recordToJson(record).dump(), and ids made in one
// millisecond still sort.
#include <gtest/gtest.h>

#include "outbox.h"
#include "record_store.h"
#include "temp_dir.h"
#include "uuid.h"

using namespace taizhang;

TEST(WritePath, GIVEN_body_with_quotes_and_chinese_WHEN_created_THEN_stored_once_and_sent_and_audited_text_equal_recordToJson)
{
    taizhang::testing::TempDir dir;
    Database db = Database::open(dir.file("w.db"));
    ManualClock clock(unixMillisAt(Date{2026, 9, 1}));
    RecordStore store(db, clock);
    Json body{{"class_id", "c\"1\\"}, {"date", "2026-09-01"}, {"subject", "math"}, {"minutes", 20},
              {"content", "抄写\n\t\"生字\""}, {"teacher_id", "t-1"}};
    const auto r = store.create(Kind::Homework, body, ChangeContext{"作者\"x", "dev\\1", ""});
    auto s = db.prepare("SELECT o.payload, a.after IS NULL FROM outbox o JOIN audit a ON a.record_id = o.record_id");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), "");  // stored once: in records
    EXPECT_EQ(s.int64(1), 1);
    s.reset();
    Outbox outbox(db, clock);
    std::string sent;
    const auto b = outbox.freezeNext({}, [&](const std::string&, const std::vector<OutboxRow>& rows, std::size_t& raw) {
        sent = rows.at(0).payload;
        raw = sent.size();
        return sent;
    });
    ASSERT_TRUE(b);
    EXPECT_EQ(sent, recordToJson(r).dump());
    EXPECT_EQ(store.history(r.meta.id).at(0).after->dump(), recordToJson(r).dump());
    EXPECT_EQ(recordToJson(*store.find(r.meta.id)).dump(), recordToJson(r).dump());
}

TEST(WritePath, GIVEN_many_ids_in_the_same_millisecond_WHEN_generated_THEN_strictly_ascending_and_v7)
{
    std::string previous;
    for (int i = 0; i < 20000; ++i) {
        const auto id = newUuidV7(1790000000000);
        ASSERT_TRUE(isCanonicalUuid(id));
        ASSERT_EQ(id[14], '7');
        ASSERT_TRUE(id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b') << id;
        ASSERT_GT(id, previous);
        previous = id;
    }
}

TEST(WritePath, GIVEN_tombstones_of_every_kind_WHEN_written_as_text_THEN_equal_recordToJson)
{
    for (Kind kind : allKinds()) {
        Record r;
        r.kind = kind;
        r.meta = RecordMeta{"0190a3b4-0000-7000-8000-00000000000a", 7, "2026-09-01T00:00:00.000Z",
                            "2026-09-02T08:00:00.000Z", "u\"1", "d\\1", true};
        r.body = Json{{"name", "三年级1班"}, {"grade", 3}, {"note", "a\u0001b"}};
        EXPECT_EQ(recordJsonText(r, r.body.dump()), recordToJson(r).dump()) << kindName(kind);
    }
}
