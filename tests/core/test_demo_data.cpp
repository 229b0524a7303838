#include <gtest/gtest.h>

#include <map>

#include "demo_data.h"
#include "ledger.h"
#include "temp_dir.h"

using namespace taizhang;

namespace {
struct DemoFixture : ::testing::Test {
    taizhang::testing::TempDir dir;
    ManualClock clock{unixMillisAt(Date{2026, 11, 20})};

    DemoSummary make(const std::string& file, DemoOptions options = {})
    {
        auto db = Database::open(dir.file(file));
        return createDemoSchool(db, clock, options);
    }
};

std::map<std::string, int> writtenMinutesByClassDay(const RecordStore& store, const std::string& classId)
{
    std::map<std::string, int> out;
    RecordQuery q;
    q.kind = Kind::Homework;
    q.classId = classId;
    for (const auto& r : store.query(q)) {
        const auto h = bodyAs<Homework>(r);
        if (h.written && h.atHome) out[h.date.toString()] += h.minutes;
    }
    return out;
}
}  // namespace

TEST_F(DemoFixture, GIVEN_same_seed_WHEN_generated_twice_THEN_same_school_and_counts)
{
    const auto a = make("a.db");
    const auto b = make("b.db");
    EXPECT_EQ(a.counts, b.counts);
    std::vector<std::string> namesA, namesB;
    for (const auto& [name, id] : a.teacherIds) namesA.push_back(name);
    for (const auto& [name, id] : b.teacherIds) namesB.push_back(name);
    EXPECT_EQ(namesA, namesB);
    EXPECT_EQ(a.classIds.size(), 15u);
    EXPECT_EQ(a.school.type, "nine_year");
    EXPECT_EQ(a.school.code.size(), 10u);
    EXPECT_EQ(a.school.countyCode.size(), 6u);
}

TEST_F(DemoFixture, GIVEN_demo_school_WHEN_reading_records_THEN_every_kind_present_with_outbox_rows)
{
    auto db = Database::open(dir.file("d.db"));
    const auto s = createDemoSchool(db, clock);
    RecordStore store(db, clock);
    std::size_t total = 0;
    for (const auto& [kind, count] : s.counts) {
        RecordQuery q;
        q.kind = kindFromName(kind);
        EXPECT_EQ(store.query(q).size(), count) << kind;
        EXPECT_GT(count, 0u) << kind;
        total += count;
    }
    EXPECT_EQ(store.outboxCount(), static_cast<std::int64_t>(total));
    RecordQuery late;
    late.from = Date{2026, 11, 21};
    EXPECT_TRUE(store.query(late).empty()) << "no daily data after 'today'";
    RecordQuery holiday;
    holiday.kind = Kind::Homework;
    holiday.from = Date{2026, 10, 1};
    holiday.to = Date{2026, 10, 7};
    EXPECT_TRUE(store.query(holiday).empty()) << "no homework in the 国庆 holiday";
}

TEST_F(DemoFixture, GIVEN_demo_school_WHEN_inspecting_flaws_THEN_each_deliberate_flaw_is_in_the_data)
{
    auto db = Database::open(dir.file("f.db"));
    const auto s = createDemoSchool(db, clock);
    RecordStore store(db, clock);
    ASSERT_EQ(s.overCapClass, "五年级1班");
    ASSERT_EQ(s.writtenAtHomeClass, "二年级1班");
    ASSERT_EQ(s.shortSleepClass, "八年级1班");
    ASSERT_EQ(s.shortPeClass, "四年级1班");
    ASSERT_FALSE(s.behindTrainingTeacher.empty());
    ASSERT_FALSE(s.probationTeacher.empty());

    int overCapDays = 0;
    for (const auto& [day, minutes] : writtenMinutesByClassDay(store, s.classIds.at("五年级1班")))
        if (minutes > 60) ++overCapDays;
    EXPECT_GE(overCapDays, 2);
    for (const auto& [day, minutes] : writtenMinutesByClassDay(store, s.classIds.at("五年级2班")))
        EXPECT_LE(minutes, 60) << day;
    EXPECT_FALSE(writtenMinutesByClassDay(store, s.classIds.at("二年级1班")).empty());
    EXPECT_TRUE(writtenMinutesByClassDay(store, s.classIds.at("二年级2班")).empty());

    // Timetable: weekly totals by grade, and the PE lesson missing in 四年级1班.
    std::map<std::string, int> lessons, pe;
    RecordQuery q;
    q.kind = Kind::Timetable;
    for (const auto& r : store.query(q)) {
        const auto slot = bodyAs<TimetableSlot>(r);
        ++lessons[slot.classId];
        if (slot.subject == "pe") ++pe[slot.classId];
    }
    EXPECT_EQ(lessons[s.classIds.at("一年级1班")], 26);
    EXPECT_EQ(lessons[s.classIds.at("四年级1班")], 30);
    EXPECT_EQ(lessons[s.classIds.at("九年级1班")], 34);
    EXPECT_EQ(pe[s.classIds.at("一年级1班")], 4);
    EXPECT_EQ(pe[s.classIds.at("四年级1班")], 2);
    EXPECT_EQ(pe[s.classIds.at("四年级2班")], 3);
}

TEST_F(DemoFixture, GIVEN_flaws_off_and_more_classes_WHEN_generated_THEN_no_flaw_markers_and_class_count_honoured)
{
    DemoOptions o;
    o.flaws = false;
    o.classes = 30;
    o.today = Date{2026, 9, 30};
    const auto s = make("n.db", o);
    EXPECT_EQ(s.classIds.size(), 30u);
    EXPECT_TRUE(s.overCapClass.empty());
    EXPECT_TRUE(s.behindTrainingTeacher.empty());
    EXPECT_EQ(s.today, (Date{2026, 9, 30}));
}

TEST_F(DemoFixture, GIVEN_demo_written_through_the_ledger_WHEN_generated_THEN_validation_accepts_every_record)
{
    auto db = Database::open(dir.file("v.db"));
    Ledger ledger(db, clock);
    const ChangeContext ctx{"demo", ensureDeviceId(db, clock), ""};
    std::size_t errors = 0;
    std::string first;
    createDemoSchool(db, clock, {}, [&](const std::vector<NewRecord>& batch) {
        auto result = ledger.saveMany(batch, ctx);
        for (const auto& i : result.issues)
            if (i.issue.severity == IssueSeverity::Error && errors++ == 0) first = i.issue.code + ": " + i.issue.messageEn;
        return result.records;
    });
    EXPECT_EQ(errors, 0u) << first;
}
