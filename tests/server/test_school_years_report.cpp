// School years in the county report (issue 11): the county gives the client's answers for past
// years. A class promoted on 2027-09-01 keeps its grade-2 findings of 2026 and gets grade-3 rules
// from that day; a 调休 Saturday is a school day for days missing; a teacher who left is out of
// the report's teacher count from that day only.
#include <gtest/gtest.h>

#include <set>

#include "county_fixture.h"
#include "database.h"
#include "ledger.h"
#include "record_store.h"
#include "school.h"
#include "school_year.h"
#include "subjects.h"

using namespace taizhang::testing;

namespace {
constexpr const char* kSchool = "3201020001";

taizhang::Date day(const char* text) { return *taizhang::Date::parse(text); }

class YearsReportTest : public ::testing::TestWithParam<std::string> {
protected:
    TestDatabase db{GetParam()};
};

// The client side, through the real Ledger: every record it sends.
std::vector<Json> clientRecords(const TempDir& dir)
{
    using namespace taizhang;
    auto clientDb = Database::open(dir.file("school.db"));
    ManualClock clock(unixMillisAt(day("2027-09-20")));
    {
        auto tx = clientDb.beginWrite();
        saveSchoolProfile(clientDb, SchoolProfile{kSchool, "测试学校", "320102", "primary", kChinaUtcOffsetMinutes});
        tx.commit();
    }
    Ledger ledger(clientDb, clock);
    const ChangeContext ctx{"admin", "device", ""};
    auto must = [&](const LedgerResult& r) -> std::string {
        EXPECT_TRUE(r.ok()) << describeIssues(r.issues);
        return r.ok() ? r.record->meta.id : std::string{};
    };
    Term autumn{"2026-2027学年第一学期", day("2026-09-01"), day("2027-01-15"), {}, {day("2026-09-26")}};
    must(ledger.save(Kind::Term, Json(autumn), ctx));
    must(ledger.save(Kind::Term, Json(Term{"2027-2028学年第一学期", day("2027-09-01"), day("2028-01-20"), {}, {}}), ctx));
    const auto classId =
        must(ledger.save(Kind::SchoolClass, Json(SchoolClass{2, "二年级1班", 40, defaultSubjectsForGrade(2), {}, {}}), ctx));
    Homework h{classId, day("2026-11-20"), "chinese", 20, true, true, "", "", ""};
    must(ledger.save(Kind::Homework, Json(h), ChangeContext{"admin", "device", "补记"}));
    // Promoted from 2027-09-01 (the step `taizhang year start` takes).
    auto before = ledger.store().find(classId);
    auto c = before->body.get<SchoolClass>();
    changeClassFrom(c, day("2027-09-01"), 3, "三年级1班", defaultSubjectsForGrade(3));
    must(ledger.update(classId, Json(c), before->meta.version, ctx));
    h.date = day("2027-09-16");
    h.minutes = 70;
    must(ledger.save(Kind::Homework, Json(h), ChangeContext{"admin", "device", "开学测验"}));
    // Two teachers without training; one transferred out on 2027-03-01.
    Teacher stays{"李明", "T01", {"math"}, day("2010-09-01"), true, {}};
    Teacher leaves{"王丽", "T02", {"chinese"}, day("2010-09-01"), true, {}};
    EXPECT_FALSE(teacherLeaves(leaves, day("2027-03-01"), "transferred"));
    must(ledger.save(Kind::Teacher, Json(stays), ctx));
    must(ledger.save(Kind::Teacher, Json(leaves), ctx));

    RecordStore store(clientDb, clock);
    RecordQuery all;
    all.includeDeleted = true;
    std::vector<Json> out;
    for (const auto& r : store.query(all)) out.push_back(recordToJson(r));
    return out;
}

Json report(const TestDatabase& db, const std::string& from, const std::string& to)
{
    std::vector<std::string> args{"report", "--from", from, "--to", to};
    for (const auto& a : db.storageArgs()) args.push_back(a);
    auto r = runCounty(args);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return Json::parse(r.out);
}
}  // namespace

TEST_P(YearsReportTest, GIVEN_promoted_class_tiaoxiu_day_and_departed_teacher_synced_WHEN_county_reports_THEN_same_answers_as_the_client)
{
    TempDir clientDir;
    const auto records = clientRecords(clientDir);
    ServerProcess server(db);
    const auto device = enroll(db, server, kSchool);
    auto c = server.client();
    const auto key = newId();
    auto res = postBatch(c, device, key, makeBatch(device, key, records, 1));
    ASSERT_EQ(res->status, 200) << res->body;
    ASSERT_EQ(Json::parse(res->body)["counts"]["rejected"], 0) << res->body;

    const auto all = report(db, "2026-09-01", "2027-09-20");
    ASSERT_EQ(all["schools"].size(), 1u);
    const auto& s = all["schools"][0];
    std::map<std::string, std::set<std::string>> byRule;
    for (const auto& f : s["findings"]) byRule[f["rule"].get<std::string>()].insert(f["scope"]["date"].get<std::string>());
    EXPECT_EQ(byRule["homework.g1_2_written_at_home"], std::set<std::string>{"2026-11-20"})
        << "the 2026 finding stays under grade 2's rules";
    EXPECT_EQ(byRule["homework.g3_6_cap"], std::set<std::string>{"2027-09-16"}) << "grade 3's cap from 2027-09-01";

    // The 调休 Saturday 2026-09-26 is a school day (no records: missing); a plain Saturday is not.
    std::set<std::string> missing;
    for (const auto& m : s["missing_days"]) missing.insert(m.get<std::string>());
    EXPECT_TRUE(missing.count("2026-09-26")) << s["missing_days"].dump();
    EXPECT_FALSE(missing.count("2026-09-19")) << s["missing_days"].dump();

    // The transferred teacher counts up to 2027-02-28 and not from 2027-03-01.
    EXPECT_EQ(report(db, "2027-02-01", "2027-02-28")["schools"][0]["teachers"], 2);
    EXPECT_EQ(report(db, "2027-02-01", "2027-03-01")["schools"][0]["teachers"], 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, YearsReportTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
