// core's kind table (record_kinds.h) against the code it describes: the typed bodies' JSON codecs,
// the uniqueness keys, the daily kinds. A field added to a body but not to the table (or the other
// way round) fails here.
#include <gtest/gtest.h>

#include <set>

#include "records.h"
#include "validation.h"

using namespace taizhang;

namespace {
// The keys the typed body's to_json writes for a default value of the kind's struct.
std::set<std::string> codecKeys(Kind kind)
{
    Json j;
    switch (kind) {
    // Optional fields the codec leaves out when unset are set here, so it writes every key.
    case Kind::SchoolClass:
        j = SchoolClass{.history = {ClassPeriod{.until = Date{2026, 8, 31}, .grade = 2, .name = "二年级1班"}},
                        .archivedFrom = Date{2030, 9, 1},
                        .openedFrom = Date{2026, 9, 1}};
        break;
    case Kind::Teacher:
        j = Teacher{.hireDate = Date{2020, 9, 1}, .away = {AwayPeriod{.from = Date{2026, 9, 1}, .reason = "left"}}};
        break;
    case Kind::Term:
        j = Term{.start = Date{2026, 9, 1},
                 .end = Date{2027, 1, 20},
                 .workdays = {Date{2026, 9, 27}},
                 .primaryFirstLesson = "08:00",
                 .juniorFirstLesson = "07:50"};
        break;
    case Kind::Subject: j = CustomSubject{}; break;
    case Kind::Homework: j = Homework{.date = Date{2026, 9, 1}, .overCapReason = "x", .none = true}; break;
    case Kind::Sleep: j = SleepSurvey{.date = Date{2026, 9, 1}}; break;
    case Kind::Activity: j = PhysicalActivity{.date = Date{2026, 9, 1}}; break;
    case Kind::Timetable: j = TimetableSlot{.draft = true}; break;
    case Kind::Training: j = TrainingRecord{.start = Date{2026, 9, 1}, .end = Date{2026, 9, 1}}; break;
    }
    std::set<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.insert(it.key());
    return keys;
}

std::set<std::string> descriptorKeys(Kind kind)
{
    std::set<std::string> keys;
    for (const auto& f : describe(kind).fields) keys.insert(std::string(f.key));
    return keys;
}
}  // namespace

TEST(KindTable, GIVEN_the_table_WHEN_read_THEN_one_row_per_kind_whose_name_round_trips)
{
    ASSERT_EQ(kindDescriptors().size(), kKindCount);
    ASSERT_EQ(allKinds().size(), kKindCount);
    std::set<std::string_view> names;
    for (const auto& d : kindDescriptors()) {
        EXPECT_EQ(&describe(d.kind), &d);
        EXPECT_EQ(kindFromName(d.name), d.kind) << d.name;
        EXPECT_FALSE(d.nameZh.empty());
        EXPECT_FALSE(d.nameEn.empty());
        names.insert(d.name);
    }
    EXPECT_EQ(names.size(), kKindCount) << "two kinds share a name";
    EXPECT_EQ(kindFromName("homeworks"), std::nullopt);
}

TEST(KindTable, GIVEN_each_kind_WHEN_its_body_is_written_by_the_codec_THEN_the_table_lists_exactly_those_fields)
{
    for (Kind k : allKinds()) EXPECT_EQ(codecKeys(k), descriptorKeys(k)) << kindName(k);
}

TEST(KindTable, GIVEN_each_kind_WHEN_keys_and_summary_name_fields_THEN_those_fields_exist_with_CSV_headers)
{
    for (const auto& d : kindDescriptors()) {
        if (!d.dateKey.empty()) {
            const auto* f = findFieldDescriptor(d.kind, d.dateKey);
            ASSERT_NE(f, nullptr) << d.name << " date key " << d.dateKey;
            EXPECT_EQ(f->type, FieldType::Date);
            EXPECT_TRUE(f->required) << d.name;
        }
        for (auto part : splitAliases(d.uniqueKey))
            EXPECT_NE(findFieldDescriptor(d.kind, part), nullptr) << d.name << " unique key part " << part;
        for (std::string_view text : {d.summaryZh, d.summaryEn}) {
            for (auto open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
                auto name = text.substr(open + 1, text.find_first_of(":}", open) - open - 1);
                EXPECT_NE(findFieldDescriptor(d.kind, name), nullptr) << d.name << " summary names " << name;
            }
        }
        for (const auto& f : d.fields) {
            // A field without a CSV column is written by its own command (the school-year fields:
            // class history, teacher away periods, term workdays, draft slots): it must be optional,
            // or a CSV row could never create the record.
            if (f.csv.empty()) {
                EXPECT_FALSE(f.required) << d.name << "." << f.key << " is required but has no CSV column";
                EXPECT_TRUE(f.csvZh.empty()) << d.name << "." << f.key;
            } else {
                EXPECT_FALSE(f.csvZh.empty()) << d.name << "." << f.key;
            }
            if (f.type == FieldType::ObjectArray) {
                EXPECT_FALSE(f.items.empty()) << d.name << "." << f.key << " has no item fields";
            }
            EXPECT_FALSE(f.meaning.empty()) << d.name << "." << f.key;
            if (f.type == FieldType::Boolean) {
                EXPECT_TRUE(!f.fallback.empty()) << d.name << "." << f.key;
            }
        }
    }
}

TEST(KindTable, GIVEN_the_table_WHEN_asked_for_daily_kinds_THEN_homework_sleep_activity_and_each_has_a_date)
{
    EXPECT_EQ(dailyKinds(), (std::vector<Kind>{Kind::Homework, Kind::Sleep, Kind::Activity}));
    for (Kind k : dailyKinds()) EXPECT_EQ(describe(k).dateKey, "date");
}

TEST(KindTable, GIVEN_a_daily_record_and_a_training_record_WHEN_their_day_is_read_THEN_it_is_the_kinds_date_key)
{
    Record hw{.kind = Kind::Homework, .body = Json{{"date", "2026-11-20"}, {"start", "2026-01-01"}}};
    EXPECT_EQ(hw.date(), (Date{2026, 11, 20}));
    Record tr{.kind = Kind::Training, .body = Json{{"start", "2026-11-16"}, {"end", "2026-11-17"}}};
    EXPECT_EQ(tr.date(), (Date{2026, 11, 16}));
    Record klass{.kind = Kind::SchoolClass, .body = Json{{"date", "2026-11-20"}}};
    EXPECT_EQ(klass.date(), std::nullopt);
}

TEST(KindTable, GIVEN_bodies_WHEN_their_uniqueness_key_is_built_from_the_table_THEN_the_historic_form_holds)
{
    EXPECT_EQ(uniquenessKey(Kind::Activity, Json{{"class_id", "c1"}, {"date", "2026-11-20"}}), "activity|c1|2026-11-20");
    EXPECT_EQ(uniquenessKey(Kind::SchoolClass, Json{{"name", " 三年级１班"}}), "class|三年级1班");
    EXPECT_EQ(uniquenessKey(Kind::Subject, Json{{"code", "school:go"}}), "subject|school:go");
    EXPECT_EQ(uniquenessKey(Kind::Teacher, Json{{"name", "王"}}), "") << "no 工号, no key";
    EXPECT_EQ(uniquenessKey(Kind::Term, Json{{"name", "x"}}), "");
    // The wrong JSON type of a key part is no key (validation refuses the body anyway).
    EXPECT_EQ(uniquenessKey(Kind::Timetable, Json{{"class_id", "c1"}, {"term_id", "t"}, {"weekday", "2"}, {"period", 3}}),
              "");
    EXPECT_EQ(uniquenessKey(Kind::Sleep, Json{{"class_id", 5}, {"date", "2026-11-20"}}), "");
}

namespace {
// A valid body of each kind that has ranged fields, in the context below.
Json baseline(Kind kind)
{
    switch (kind) {
    case Kind::SchoolClass: return Json{{"grade", 3}, {"name", "三年级2班"}, {"students", 40}};
    case Kind::Homework:
        return Json{{"class_id", "c3"}, {"date", "2026-11-20"}, {"subject", "math"}, {"minutes", 30}};
    case Kind::Sleep:
        return Json{{"class_id", "c3"}, {"date", "2026-11-20"}, {"surveyed", 30}, {"reaching_standard", 20},
                    {"average_hours", 9.5}};
    case Kind::Activity:
        return Json{{"class_id", "c3"}, {"date", "2026-11-20"}, {"long_break_minutes", 30}, {"long_break_sessions", 1}};
    case Kind::Timetable:
        return Json{{"class_id", "c3"}, {"term_id", "term1"}, {"weekday", 1}, {"period", 1}, {"subject", "math"}};
    case Kind::Training:
        return Json{{"teacher_id", "t1"}, {"start", "2026-09-01"}, {"end", "2026-10-10"}, {"title", "研修"},
                    {"hours", 24}};
    case Kind::Teacher:
    case Kind::Term:
    case Kind::Subject: return Json();  // no ranged fields
    }
    return Json();
}

bool errorOn(const std::vector<ValidationIssue>& issues, std::string_view field)
{
    for (const auto& i : issues)
        if (i.severity == IssueSeverity::Error && i.field == field) return true;
    return false;
}
}  // namespace

TEST(KindTable, GIVEN_each_ranged_field_WHEN_validated_at_and_past_its_documented_range_THEN_validation_enforces_exactly_that_range)
{
    ValidationContext ctx;
    ctx.school = SchoolProfile{"2111000123", "示范学校", "110105", "nine_year", kChinaUtcOffsetMinutes};
    ctx.classes["c3"] = SchoolClass{3, "三年级1班", 40, {}};
    ctx.teachers["t1"] = Teacher{"王老师", "T1", {"math"}, Date{2015, 9, 1}, true};
    ctx.terms["term1"] = Term{"2026-2027学年第一学期", Date{2026, 9, 1}, Date{2027, 1, 15}, {}};
    ctx.today = Date{2026, 11, 20};
    int checked = 0;
    for (const auto& d : kindDescriptors()) {
        for (const auto& f : d.fields) {
            if (!f.min && !f.max) continue;
            const Json base = baseline(d.kind);
            ASSERT_TRUE(base.is_object()) << d.name << " needs a baseline body for its ranged field " << f.key;
            ASSERT_FALSE(hasErrors(validateBody(d.kind, base, ctx))) << describeIssues(validateBody(d.kind, base, ctx));
            const double step = f.type == FieldType::Integer ? 1 : 0.5;
            auto at = [&](double v) {
                Json body = base;
                if (f.type == FieldType::Integer) body[std::string(f.key)] = static_cast<int>(v);
                else body[std::string(f.key)] = v;
                return validateBody(d.kind, body, ctx);
            };
            for (auto bound : {f.min, f.max}) {
                if (!bound) continue;
                const double outside = bound == f.min ? *bound - step : *bound + step;
                EXPECT_FALSE(errorOn(at(*bound), f.key)) << d.name << "." << f.key << " = " << *bound << ": "
                                                         << describeIssues(at(*bound));
                EXPECT_TRUE(errorOn(at(outside), f.key)) << d.name << "." << f.key << " = " << outside
                                                         << " is outside the documented range but accepted";
                ++checked;
            }
        }
    }
    EXPECT_GE(checked, 20);
}
