// 无作业 against homework of the same class-day from two computers of a school (server/
// class_day_marks.h): the county stores whichever reached it first and keeps the later one as a
// natural_key_conflict naming the first, on SQLite and PostgreSQL. Edits of one record between
// mark and homework still work, and a deletion frees the class-day.
#include <gtest/gtest.h>

#include <thread>

#include "county_fixture.h"
#include "storage.h"

using namespace taizhang::testing;
using taizhang::server::openStorage;

namespace {

constexpr const char* kSchool = "3201020001";
constexpr const char* kDay = "2026-11-30";

Json markRecord(const std::string& id, const std::string& classId, const std::string& device, int version = 1,
                const std::string& date = kDay)
{
    Json r = homeworkRecord(id, classId, device, version, 0, date);
    r["body"]["subject"] = "";
    r["body"]["content"] = "";
    r["body"]["none"] = true;
    return r;
}

Json deleted(Json record)
{
    record["deleted"] = true;
    return record;
}

class ClassDayMarks : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override
    {
        db_ = std::make_unique<TestDatabase>(GetParam());
        server_ = std::make_unique<ServerProcess>(*db_);
        a_ = enroll(*db_, *server_, kSchool);
        b_ = enroll(*db_, *server_, kSchool);
        post(a_, seqA_, {classRecord(cls_, a_.deviceId)});
    }
    Json post(const Enrolled& device, std::int64_t& seq, const std::vector<Json>& records)
    {
        return postNextBatch(*server_, device, seq, records);
    }
    Json postA(const std::vector<Json>& records) { return post(a_, seqA_, records); }
    Json postB(const std::vector<Json>& records) { return post(b_, seqB_, records); }
    // The county's current records of the school by id (tombstones included).
    std::map<std::string, Json> stored()
    {
        auto storage = openStorage(db_->target(), 1);
        std::map<std::string, Json> out;
        for (const auto& j : storage->recordJsons({kSchool, "homework", std::nullopt, std::nullopt})) {
            const Json r = Json::parse(j);
            out[r["id"]] = r;
        }
        return out;
    }
    std::vector<taizhang::server::ConflictRow> conflicts()
    {
        return openStorage(db_->target(), 1)->listConflicts(kSchool);
    }
    static void expectConflict(const Json& ack, const std::string& holder)
    {
        ASSERT_EQ(ack["counts"]["conflict"], 1) << ack.dump();
        ASSERT_EQ(ack["exceptions"].size(), 1u) << ack.dump();
        EXPECT_EQ(ack["exceptions"][0]["status"], "conflict");
        EXPECT_EQ(ack["exceptions"][0]["code"], "natural_key_conflict");
        EXPECT_NE(ack["exceptions"][0]["message"].get<std::string>().find(holder), std::string::npos) << ack.dump();
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<ServerProcess> server_;
    Enrolled a_, b_;
    std::int64_t seqA_ = 1, seqB_ = 1;
    const std::string cls_ = newId();
};

TEST_P(ClassDayMarks, GIVEN_a_class_day_marked_no_homework_WHEN_another_computer_sends_homework_of_that_class_day_THEN_the_homework_is_a_tombstone_and_a_conflict_naming_the_mark)
{
    const auto mark = newId(), math = newId();
    ASSERT_EQ(postA({markRecord(mark, cls_, a_.deviceId)})["counts"]["created"], 1);
    const Json ack = postB({homeworkRecord(math, cls_, b_.deviceId, 1, 20, kDay)});
    expectConflict(ack, mark);

    auto now = stored();
    EXPECT_FALSE(now.at(mark)["deleted"].get<bool>());
    EXPECT_TRUE(now.at(math)["deleted"].get<bool>()) << "the later one is gone from every ledger";
    const auto kept = conflicts();
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].recordId, math);
    EXPECT_EQ(kept[0].code, "natural_key_conflict");
    EXPECT_EQ(kept[0].winnerId, mark);
    EXPECT_EQ(Json::parse(kept[0].recordJson)["body"]["minutes"], 20) << "its content is kept for review";

    // Other class-days are free: the same class the next day, another class the same day.
    const auto other = newId();
    postA({classRecord(other, a_.deviceId)});
    const Json free = postB({homeworkRecord(newId(), cls_, b_.deviceId, 1, 20, "2026-12-01"),
                             homeworkRecord(newId(), other, b_.deviceId, 1, 20, kDay)});
    EXPECT_EQ(free["counts"]["created"], 2) << free.dump();
}

TEST_P(ClassDayMarks, GIVEN_homework_of_a_class_day_WHEN_another_computer_marks_it_no_homework_THEN_the_mark_is_a_tombstone_and_a_conflict_naming_the_homework)
{
    const auto math = newId(), mark = newId();
    ASSERT_EQ(postA({homeworkRecord(math, cls_, a_.deviceId, 1, 20, kDay)})["counts"]["created"], 1);
    const Json ack = postB({markRecord(mark, cls_, b_.deviceId)});
    expectConflict(ack, math);
    auto now = stored();
    EXPECT_FALSE(now.at(math)["deleted"].get<bool>());
    EXPECT_TRUE(now.at(mark)["deleted"].get<bool>());
    const auto kept = conflicts();
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].recordId, mark);
    EXPECT_EQ(kept[0].winnerId, math);
    EXPECT_EQ(Json::parse(kept[0].recordJson)["body"]["none"], true);
}

TEST_P(ClassDayMarks, GIVEN_a_mark_and_homework_of_one_class_day_in_one_batch_WHEN_ingested_THEN_the_first_line_keeps_the_class_day_either_way)
{
    const auto mark1 = newId(), math1 = newId();
    expectConflict(postA({markRecord(mark1, cls_, a_.deviceId), homeworkRecord(math1, cls_, a_.deviceId, 1, 20, kDay)}),
                   mark1);
    const auto math2 = newId(), mark2 = newId();
    expectConflict(postA({homeworkRecord(math2, cls_, a_.deviceId, 1, 20, "2026-12-01"),
                          markRecord(mark2, cls_, a_.deviceId, 1, "2026-12-01")}),
                   math2);
    auto now = stored();
    EXPECT_FALSE(now.at(mark1)["deleted"].get<bool>());
    EXPECT_TRUE(now.at(math1)["deleted"].get<bool>());
    EXPECT_FALSE(now.at(math2)["deleted"].get<bool>());
    EXPECT_TRUE(now.at(mark2)["deleted"].get<bool>());
}

TEST_P(ClassDayMarks, GIVEN_a_stored_mark_WHEN_the_same_record_becomes_homework_and_back_THEN_each_edit_is_stored_unless_other_homework_holds_the_day)
{
    const auto mark = newId();
    postA({markRecord(mark, cls_, a_.deviceId)});
    Json math = homeworkRecord(mark, cls_, a_.deviceId, 2, 25, kDay);
    EXPECT_EQ(postA({math})["counts"]["updated"], 1) << "a mark turned into homework";
    EXPECT_EQ(postA({markRecord(mark, cls_, a_.deviceId, 3)})["counts"]["updated"], 1) << "and back into a mark";
    EXPECT_EQ(postA({homeworkRecord(mark, cls_, a_.deviceId, 4, 30, kDay)})["counts"]["updated"], 1);

    // While another record is homework of the day, turning this one into a mark is refused as a
    // conflict (the county keeps version 4), until that homework is deleted.
    Json chinese = homeworkRecord(newId(), cls_, b_.deviceId, 1, 15, kDay);
    chinese["body"]["subject"] = "chinese";
    ASSERT_EQ(postB({chinese})["counts"]["created"], 1);
    expectConflict(postA({markRecord(mark, cls_, a_.deviceId, 5)}), chinese["id"]);
    EXPECT_EQ(stored().at(mark)["version"], 4);
    chinese["version"] = 2;
    const Json freed = postB({deleted(chinese)});
    ASSERT_EQ(freed["counts"]["updated"], 1) << freed.dump();
    EXPECT_EQ(postA({markRecord(mark, cls_, a_.deviceId, 5)})["counts"]["updated"], 1);
    EXPECT_EQ(stored().at(mark)["body"]["none"], true);
}

TEST_P(ClassDayMarks, GIVEN_a_class_day_held_by_a_mark_or_by_homework_WHEN_the_holder_is_deleted_THEN_the_other_kind_is_stored)
{
    const auto mark = newId();
    postA({markRecord(mark, cls_, a_.deviceId)});
    // The deletion and the homework in one batch, then a mark of the next day after its homework
    // was deleted in an earlier batch.
    const Json ack = postB({deleted(markRecord(mark, cls_, a_.deviceId, 2)),
                            homeworkRecord(newId(), cls_, b_.deviceId, 1, 20, kDay)});
    EXPECT_EQ(ack["counts"]["updated"], 1) << ack.dump();
    EXPECT_EQ(ack["counts"]["created"], 1) << ack.dump();

    const auto math = newId();
    postA({homeworkRecord(math, cls_, a_.deviceId, 1, 20, "2026-12-01")});
    postA({deleted(homeworkRecord(math, cls_, a_.deviceId, 2, 20, "2026-12-01"))});
    const Json marked = postB({markRecord(newId(), cls_, b_.deviceId, 1, "2026-12-01")});
    EXPECT_EQ(marked["counts"]["created"], 1) << marked.dump();
    EXPECT_TRUE(conflicts().empty());
}

// Two computers send a mark and homework of one class-day at the same moment: exactly one of
// them is live, whichever committed first, and the other is its conflict.
TEST_P(ClassDayMarks, GIVEN_a_mark_and_homework_of_one_class_day_sent_at_once_WHEN_both_commit_THEN_exactly_one_is_live)
{
    server_.reset();
    server_ = std::make_unique<ServerProcess>(*db_, std::vector<std::string>{},
                                              std::vector<std::string>{"TAIZHANG_COUNTY_TEST_COMMIT_DELAY_MS=30"});
    constexpr int kRounds = 5;
    for (int round = 0; round < kRounds; ++round) {
        const std::string day = "2026-11-" + std::to_string(10 + round);
        std::thread t([&] { postB({markRecord(newId(), cls_, b_.deviceId, 1, day)}); });
        postA({homeworkRecord(newId(), cls_, a_.deviceId, 1, 20, day)});
        t.join();
    }
    std::map<std::string, int> liveByDay;
    for (const auto& [id, r] : stored())
        if (!r["deleted"].get<bool>()) ++liveByDay[r["body"]["date"]];
    EXPECT_EQ(liveByDay.size(), static_cast<std::size_t>(kRounds));
    for (const auto& [day, live] : liveByDay) EXPECT_EQ(live, 1) << day;
    EXPECT_EQ(conflicts().size(), static_cast<std::size_t>(kRounds));
}

INSTANTIATE_TEST_SUITE_P(Backends, ClassDayMarks, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
