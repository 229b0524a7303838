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
    auto s = db.prepare("SELECT o.payload, a.after IS NULL, r.body FROM outbox o JOIN audit a ON a.rec = o.rec "
                        "JOIN records r ON r.rec = o.rec");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), "");  // stored once: in records
    EXPECT_EQ(s.int64(1), 1);
    // ... and the body there without what its columns hold (day, class_id, teacher_id)
    EXPECT_EQ(s.text(2), R"({"content":"抄写\n\t\"生字\"","minutes":20,"subject":"math"})");
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

// The stored row leaves out what its columns hold and puts it back when read (client migration
// 5): whatever the body and the envelope hold, reading gives back the same canonical JSON.
TEST(WritePath, GIVEN_odd_bodies_and_timestamps_WHEN_stored_and_read_THEN_the_canonical_json_is_byte_identical)
{
    taizhang::testing::TempDir dir;
    Database db = Database::open(dir.file("w.db"));
    ManualClock clock(unixMillisAt(Date{2026, 9, 1}));
    RecordStore store(db, clock);
    const std::vector<std::pair<Kind, Json>> bodies{
        {Kind::Homework, Json{{"class_id", 5}, {"date", "2026-09-01"}, {"teacher_id", nullptr}}},
        {Kind::Homework, Json{{"class_id", ""}, {"date", "2026-9-1"}, {"teacher_id", "t"}, {"z", {1.5, "x"}}}},
        {Kind::Sleep, Json{{"class_id", "c-1"}, {"date", "2026-09-02"}, {"surveyed", 30}}},
        {Kind::Training, Json{{"teacher_id", "t-1"}, {"start", "2026-07-15"}, {"end", "2026-07-16"}, {"date", "x"}}},
        {Kind::Timetable, Json{{"class_id", "c-1"}, {"teacher_id", "t-2"}, {"date", "2026-09-03"}}},
        {Kind::SchoolClass, Json{{"name", "一年级1班"}, {"class_id", "c-9"}}},
        {Kind::Homework, Json::array({1, 2})},
    };
    std::vector<Record> written;
    for (const auto& [kind, body] : bodies) written.push_back(store.create(kind, body, {"作者", "设备", ""}));
    // Versions pulled from the county may carry timestamps in another form: kept as text.
    const Record v1 = written.front();
    Record pulled = v1;
    pulled.meta.version = 2;
    pulled.meta.updatedAt = "2026-09-01T08:00:00.000+08:00";
    pulled.meta.author = "另一位";
    Record arrived = written.back();
    arrived.meta.id = "0190a3b4-0000-7000-8000-0000000000aa";
    arrived.meta.createdAt = "2026-09-01T08:00:00Z";
    arrived.meta.updatedAt = "1790000000000";
    {
        auto tx = db.beginWrite();
        PulledVersionWriter writer(db);
        writer.write(pulled, v1, "pulled");
        writer.write(arrived, std::nullopt, "pulled");
        tx.commit();
    }
    written.front() = pulled;
    written.push_back(arrived);
    for (const auto& r : written) {
        const auto back = store.find(r.meta.id);
        ASSERT_TRUE(back);
        EXPECT_EQ(recordToJson(*back).dump(), recordToJson(r).dump());
    }
    const auto history = store.history(pulled.meta.id);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[1].at, "2026-09-01T08:00:00.000+08:00");
    EXPECT_EQ(history[1].author, "另一位");
    EXPECT_EQ(history[0].after->dump(), recordToJson(v1).dump());
    EXPECT_EQ(history[1].before->dump(), recordToJson(v1).dump());
    EXPECT_EQ(history[1].after->dump(), recordToJson(pulled).dump());
    // The canonical forms are stored as numbers, the lifted fields only in their columns.
    auto s = db.prepare("SELECT typeof(created_at), body FROM records WHERE id = ?");
    s.bind(1, written[2].meta.id);
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), "integer");
    EXPECT_EQ(s.text(1), R"({"surveyed":30})");
}
