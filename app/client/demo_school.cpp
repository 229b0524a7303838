#include "demo_school.h"

#include "app_context.h"
#include "logging.h"
#include "setup_controller.h"

namespace taizhang {

bool createDemoSchool(AppContext& app)
{
    if (app.hasSchool()) return true;
    SetupController setup(app);
    setup.fillDemo();
    if (!setup.finish()) return false;

    const Date today = app.todayDate();
    std::vector<NewRecord> records;
    const auto& teachers = app.teachers();
    auto teacherFor = [&](const std::string& subject) -> std::string {
        for (const auto& t : teachers)
            for (const auto& s : t.body.subjects)
                if (s == subject) return t.id;
        return {};
    };
    int classNo = 0;
    for (const auto& c : app.classes()) {
        ++classNo;
        // Timetable: a plausible week for the grade (Monday-Friday, 6 periods).
        static const char* week[5][6] = {{"chinese", "math", "pe", "moral", "music", "labour"},
                                         {"chinese", "math", "science", "fine_art", "pe", "practice"},
                                         {"chinese", "math", "chinese", "pe", "music", "school_based"},
                                         {"chinese", "math", "science", "fine_art", "moral", "local"},
                                         {"chinese", "math", "chinese", "pe", "math", "practice"}};
        for (int d = 0; d < 5; ++d)
            for (int p = 0; p < 6; ++p) {
                std::string subject = week[d][p];
                if (c.body.grade >= 3 && d == 2 && p == 2) subject = "foreign_language";
                records.push_back({Kind::Timetable,
                                   Json(TimetableSlot{c.id, "", d + 1, p + 1, subject, teacherFor(subject)})});
            }
        for (int back = 13; back >= 0; --back) {
            const Date day = today.addDays(-back);
            if (day.isoWeekday() > 5) continue;
            // Today: one class has not entered homework yet, one is over the cap.
            const bool missingToday = back == 0 && classNo == 2;
            if (!missingToday) {
                const int over = (back == 0 && classNo == 4) ? 35 : 0;
                const bool lowGrade = c.body.grade <= 2;
                records.push_back({Kind::Homework, Json(Homework{c.id, day, "chinese", lowGrade ? 15 : 25 + over, true,
                                                                 !lowGrade, "练习册第 12 页，背诵古诗一首",
                                                                 teacherFor("chinese"), over ? "期中复习，已告知家长" : ""})});
                records.push_back({Kind::Homework, Json(Homework{c.id, day, "math", lowGrade ? 10 : 20, !lowGrade, true,
                                                                 lowGrade ? "口算游戏" : "课本第 36 页习题 1-5",
                                                                 teacherFor("math"), ""})});
            }
            records.push_back({Kind::Activity, Json(PhysicalActivity{c.id, day, (day.isoWeekday() % 2) ? 40 : 0,
                                                                     back == 0 && classNo == 3 ? 20 : 60, 2, 45, 20})});
            if (day.isoWeekday() == 5)
                records.push_back({Kind::Sleep, Json(SleepSurvey{c.id, day, c.body.students,
                                                                 c.body.students - 6 - classNo,
                                                                 c.body.grade <= 2 ? 10.1 : 9.6})});
        }
    }
    // Training: a spread of progress, including a new teacher in the probation year.
    const double hours[] = {320, 365, 40, 150, 280};
    int i = 0;
    for (const auto& t : teachers) {
        const double h = hours[i++ % 5];
        records.push_back({Kind::Training, Json(TrainingRecord{t.id, today.addYears(-2), today.addYears(-2).addDays(4),
                                                               "暑期全员培训", "county", "in_person", h * 0.6, ""})});
        records.push_back({Kind::Training, Json(TrainingRecord{t.id, today.addDays(-60), today.addDays(-58),
                                                               "新课标专题研修", "provincial", "online", h * 0.4, ""})});
    }
    try {
        app.store().createMany(records, app.change());
    } catch (const std::exception& e) {
        qCWarning(lcData) << "demo records failed:" << e.what();
        return false;
    }
    app.notifyDataChanged();
    qCInfo(lcApp) << "demo school created with" << records.size() << "daily records";
    return true;
}

}  // namespace taizhang
