#include "demo_data.h"

#include <algorithm>
#include <array>
#include <set>

#include "subjects.h"

namespace taizhang {

namespace {
// SplitMix64: tiny, fast and identical on every platform (std distributions are not).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
    double real(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(next() % 10001) / 10000.0; }

private:
    std::uint64_t state_;
};

const std::array<const char*, 9> kGradeNames{"一", "二", "三", "四", "五", "六", "七", "八", "九"};
const std::array<const char*, 20> kSurnames{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴",
                                            "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
const std::array<const char*, 24> kGiven{"丽", "芳", "敏", "静", "伟", "强", "磊", "军", "洋", "勇", "艳", "杰",
                                         "娟", "涛", "明", "超", "秀英", "海燕", "建华", "晓东", "文静", "志刚",
                                         "雪梅", "春生"};

std::string className(int grade, int number)
{
    return std::string(kGradeNames[static_cast<std::size_t>(grade - 1)]) + "年级" + std::to_string(number) + "班";
}

// Weekly lessons per subject (Zhejiang-style allocation of the 2022 plan): totals 26 / 30 / 34.
std::vector<std::pair<std::string, int>> weeklyPlan(int grade)
{
    if (grade <= 2)
        return {{"moral", 2}, {"chinese", 8}, {"math", 4}, {"science", 1}, {"pe", 4},
                {"music", 2}, {"fine_art", 2}, {"labour", 1}, {"practice", 1}, {"school_based", 1}};
    if (grade <= 6)
        return {{"moral", 2}, {"chinese", 7}, {"math", 5}, {"foreign_language", 3}, {"science", 2}, {"it", 1},
                {"pe", 3},    {"music", 2},   {"fine_art", 2}, {"labour", 1}, {"practice", 1}, {"local", 1}};
    if (grade == 7)
        return {{"moral", 2}, {"chinese", 5},   {"math", 5},     {"foreign_language", 4}, {"history", 2},
                {"geography", 2}, {"biology", 2}, {"it", 1}, {"pe", 3}, {"music", 1}, {"fine_art", 1},
                {"labour", 1}, {"practice", 2}, {"local", 1}, {"school_based", 2}};
    if (grade == 8)
        return {{"moral", 2},   {"chinese", 5}, {"math", 5}, {"foreign_language", 4}, {"history", 2},
                {"geography", 2}, {"physics", 2}, {"biology", 2}, {"it", 1}, {"pe", 3}, {"music", 1},
                {"fine_art", 1}, {"labour", 1}, {"practice", 1}, {"school_based", 2}};
    return {{"moral", 2},   {"chinese", 6}, {"math", 6},     {"foreign_language", 5}, {"history", 2},
            {"physics", 3}, {"chemistry", 3}, {"pe", 3}, {"music", 1}, {"fine_art", 1}, {"labour", 1},
            {"practice", 1}};
}

std::vector<int> periodsPerDay(int grade)
{
    if (grade <= 2) return {6, 5, 5, 5, 5};
    if (grade <= 6) return {6, 6, 6, 6, 6};
    return {7, 7, 7, 7, 6};
}

struct DemoTerm {
    Term term;
    std::string id;
};

std::vector<Term> demoTerms(int schoolYears)
{
    std::vector<Term> out;
    for (int y = 2026 - std::max(1, schoolYears) + 1; y <= 2026; ++y) {
        Term autumn{std::to_string(y) + "-" + std::to_string(y + 1) + "学年第一学期", Date{y, 9, 1},
                    Date{y + 1, 1, 15},
                    {{"国庆节", Date{y, 10, 1}, Date{y, 10, 7}}, {"元旦", Date{y + 1, 1, 1}, Date{y + 1, 1, 1}}}};
        out.push_back(autumn);
        if (y == 2026) break;
        Term spring{std::to_string(y) + "-" + std::to_string(y + 1) + "学年第二学期", Date{y + 1, 2, 20},
                    Date{y + 1, 7, 10}, {{"劳动节", Date{y + 1, 5, 1}, Date{y + 1, 5, 5}}}};
        out.push_back(spring);
    }
    return out;
}

bool isSchoolDay(const Term& t, const Date& d)
{
    if (d < t.start || d > t.end || d.isoWeekday() > 5) return false;
    for (const auto& h : t.holidays)
        if (d >= h.start && d <= h.end) return false;
    return true;
}

struct ClassPlan {
    std::string name;
    int grade = 0;
    int students = 0;
    std::vector<std::pair<std::string, int>> plan;
    std::map<std::string, std::size_t> teacherOf;  // subject -> index into teachers
};

struct TeacherPlan {
    Teacher teacher;
    int load = 0;  // lessons per week
};

std::string homeworkContent(const std::string& subject, bool written, int day)
{
    static const std::map<std::string, std::array<const char*, 3>> texts{
        {"chinese", {"抄写本课生字词并组词", "完成练习册第%d页", "朗读课文三遍"}},
        {"math", {"完成口算练习一页", "练习册第%d页第1-4题", "订正课堂作业"}},
        {"foreign_language", {"抄写单词并默写", "完成同步练习第%d页", "跟读录音15分钟"}},
        {"science", {"观察记录植物生长", "完成实验报告", "阅读科普短文"}},
        {"physics", {"完成课后习题", "整理实验数据", "复习本节概念"}},
        {"history", {"梳理本课时间线", "完成填图练习", "阅读材料并回答问题"}},
        {"biology", {"完成课后练习", "绘制细胞结构图", "复习本节内容"}},
    };
    auto it = texts.find(subject);
    const char* pattern = it == texts.end() ? "完成课后练习" : it->second[static_cast<std::size_t>(day % 3)];
    if (!written && it != texts.end()) pattern = it->second[2];
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, pattern, 10 + day % 60);
    return buffer;
}
}  // namespace

SchoolProfile demoSchoolProfile()
{
    return SchoolProfile{"2133010601", "西湖区青禾实验学校", "330106", "nine_year", kChinaUtcOffsetMinutes};
}
Date demoTermStart() { return Date{2026, 9, 1}; }
Date demoTermEnd() { return Date{2027, 1, 15}; }

DemoSummary createDemoSchool(Database& db, const Clock& clock, const DemoOptions& options, RecordSink sink)
{
    RecordStore store(db, clock);
    const ChangeContext ctx{options.author, ensureDeviceId(db, clock), "demo data"};
    if (!sink) sink = [&](const std::vector<NewRecord>& batch) { return store.createMany(batch, ctx); };
    Rng rng(options.seed);

    DemoSummary summary;
    summary.school = demoSchoolProfile();
    {
        auto tx = db.beginWrite();
        saveSchoolProfile(db, summary.school);
        tx.commit();
    }
    const Date localToday = localDate(clock.nowUnixMillis(), summary.school.utcOffsetMinutes);
    Date today = options.today.value_or(localToday);
    if (!options.today && (today < demoTermStart() || today > demoTermEnd())) today = demoTermEnd();
    summary.today = today;

    // ---- Classes: lower grades get the remainder, as in a school that is growing.
    std::vector<ClassPlan> classes;
    const int n = std::max(1, options.classes);
    for (int grade = 1; grade <= 9; ++grade) {
        const int count = n / 9 + (grade <= n % 9 ? 1 : 0);
        for (int k = 1; k <= count; ++k) {
            ClassPlan c;
            c.grade = grade;
            c.name = className(grade, k);
            c.students = grade <= 6 ? rng.between(38, 45) : rng.between(42, 50);
            c.plan = weeklyPlan(grade);
            classes.push_back(std::move(c));
        }
    }
    auto findClass = [&](int grade) -> ClassPlan* {
        if (!options.flaws) return nullptr;
        for (auto& c : classes)
            if (c.grade == grade) return &c;
        return nullptr;
    };
    if (auto* c = findClass(4)) {  // PE squeezed out: one PE lesson given to maths
        for (auto& [subject, lessons] : c->plan) {
            if (subject == "pe") lessons -= 1;
            if (subject == "math") lessons += 1;
        }
        summary.shortPeClass = c->name;
    }
    if (auto* c = findClass(5)) summary.overCapClass = c->name;
    if (auto* c = findClass(2)) summary.writtenAtHomeClass = c->name;
    if (auto* c = findClass(8)) summary.shortSleepClass = c->name;

    // ---- Teachers: first fit by subject, at most 16 lessons a week (12 for main subjects).
    std::vector<TeacherPlan> teachers;
    std::set<std::string> usedNames;
    auto newTeacher = [&](const std::string& subject) {
        std::string name;
        do {
            name = std::string(kSurnames[rng.next() % kSurnames.size()]) + kGiven[rng.next() % kGiven.size()];
        } while (!usedNames.insert(name).second);
        TeacherPlan t;
        t.teacher.name = name;
        char staff[16];
        std::snprintf(staff, sizeof staff, "T%04zu", teachers.size() + 1);
        t.teacher.staffNumber = staff;
        t.teacher.subjects = {subject};
        const int hireYear = rng.between(1995, 2019);
        t.teacher.hireDate = Date{hireYear, 8, rng.between(20, 31)};
        teachers.push_back(std::move(t));
        return teachers.size() - 1;
    };
    for (auto& c : classes) {
        for (const auto& [subject, lessons] : c.plan) {
            const bool main = subject == "chinese" || subject == "math" || subject == "foreign_language";
            const int cap = main ? 12 : 16;
            std::optional<std::size_t> chosen;
            for (std::size_t i = 0; i < teachers.size() && !chosen; ++i)
                if (teachers[i].teacher.subjects.front() == subject && teachers[i].load + lessons <= cap) chosen = i;
            if (!chosen) chosen = newTeacher(subject);
            teachers[*chosen].load += lessons;
            c.teacherOf[subject] = *chosen;
        }
    }
    // Two teachers with a shorter service: hired in 2022 and 2023 (not a full 5-year cycle yet).
    if (teachers.size() > 4) {
        teachers[1].teacher.hireDate = Date{2022, 8, 25};
        teachers[2].teacher.hireDate = Date{2023, 8, 28};
    }
    std::size_t behind = teachers.size(), probation = teachers.size();
    if (options.flaws && teachers.size() > 4) {
        behind = 3;
        probation = teachers.size() - 1;  // the newest hire
        teachers[probation].teacher.hireDate = Date{2026, 8, 20};
        summary.behindTrainingTeacher = teachers[behind].teacher.name;
        summary.probationTeacher = teachers[probation].teacher.name;
    }

    // ---- Batch 1: reference data.
    const auto terms = demoTerms(options.schoolYears);
    std::vector<NewRecord> batch;
    for (const auto& t : terms) batch.push_back({Kind::Term, Json(t)});
    for (const auto& c : classes) {
        SchoolClass body{c.grade, c.name, c.students, defaultSubjectsForGrade(c.grade)};
        batch.push_back({Kind::SchoolClass, Json(body)});
    }
    for (const auto& t : teachers) batch.push_back({Kind::Teacher, Json(t.teacher)});
    auto written = sink(batch);
    std::vector<std::string> termIds, classIds, teacherIds;
    std::size_t at = 0;
    for (std::size_t i = 0; i < terms.size(); ++i) termIds.push_back(written[at++].meta.id);
    for (const auto& c : classes) {
        classIds.push_back(written[at++].meta.id);
        summary.classIds[c.name] = classIds.back();
    }
    for (const auto& t : teachers) {
        teacherIds.push_back(written[at++].meta.id);
        summary.teacherIds[t.teacher.name] = teacherIds.back();
    }
    summary.currentTermId = termIds.back();
    summary.counts["term"] = terms.size();
    summary.counts["class"] = classes.size();
    summary.counts["teacher"] = teachers.size();

    // ---- Batch 2: timetables (one per class and term) and training.
    batch.clear();
    std::map<std::string, std::array<int, 6>> peMinutesByWeekday;  // class id -> minutes per weekday 1-5
    for (std::size_t ci = 0; ci < classes.size(); ++ci) {
        const auto& c = classes[ci];
        std::vector<std::string> lessons;
        for (const auto& [subject, count] : c.plan)
            for (int k = 0; k < count; ++k) lessons.push_back(subject);
        // Deterministic shuffle; then each day takes the next periods.
        for (std::size_t i = lessons.size(); i > 1; --i) std::swap(lessons[i - 1], lessons[rng.next() % i]);
        const auto perDay = periodsPerDay(c.grade);
        std::array<int, 6> pe{};
        for (std::size_t termIndex = 0; termIndex < terms.size(); ++termIndex) {
            std::size_t li = 0;
            for (int weekday = 1; weekday <= 5; ++weekday) {
                for (int period = 1; period <= perDay[static_cast<std::size_t>(weekday - 1)] && li < lessons.size();
                     ++period, ++li) {
                    const std::string& subject = lessons[li];
                    TimetableSlot slot{classIds[ci], termIds[termIndex], weekday, period, subject,
                                       teacherIds[c.teacherOf.at(subject)]};
                    batch.push_back({Kind::Timetable, Json(slot)});
                    if (subject == "pe" && termIndex == 0) pe[static_cast<std::size_t>(weekday)] += c.grade <= 6 ? 40 : 45;
                }
            }
        }
        peMinutesByWeekday[classIds[ci]] = pe;
    }
    summary.counts["timetable"] = batch.size();
    const std::size_t timetableCount = batch.size();
    for (std::size_t ti = 0; ti < teachers.size(); ++ti) {
        const Teacher& t = teachers[ti].teacher;
        auto add = [&](Date start, Date end, const char* title, const char* level, const char* mode, double hours) {
            if (end > today || start < t.hireDate) return;
            TrainingRecord r{teacherIds[ti], start, end, title, level, mode, hours, ""};
            char cert[32];
            std::snprintf(cert, sizeof cert, "PX%04d%05zu", start.year, batch.size() % 100000);
            r.certificateNumber = cert;
            batch.push_back({Kind::Training, Json(r)});
        };
        if (ti == probation) {
            add(Date{2026, 8, 21}, Date{2026, 8, 25}, "新教师入职培训", "county", "in_person", 40);
            add(Date{2026, 9, 5}, Date{2026, 9, 30}, "新教师课堂教学规范（线上）", "provincial", "online", 12);
            continue;
        }
        if (t.hireDate > today.addYears(-6)) {  // a recent hire's probation year: 120 学时
            const int y = t.hireDate.year;
            add(Date{y, 8, 26}, Date{y, 8, 30}, "新教师入职培训", "county", "in_person", 40);
            add(Date{y, 9, 10}, Date{y, 11, 30}, "新教师跟岗研修", "school", "blended", 80);
        }
        for (int y = std::max(t.hireDate.year + 1, today.year - 6); y <= today.year; ++y) {
            add(Date{y, 7, 15}, Date{y, 8, 10}, "国家中小学智慧教育平台暑期研修", "national", "online", 20);
            if (ti == behind) continue;  // only the online course: far behind 360
            add(Date{y, 8, 20}, Date{y, 8, 22}, "县级学科骨干教师培训", "county", "in_person", 24);
            add(Date{y, 9, 10}, Date{y, 12, 20}, "校本研修：作业设计与双减", "school", "blended", 30);
        }
    }
    summary.counts["training"] = batch.size() - timetableCount;
    sink(batch);

    // ---- Batch 3: daily data for every school day up to today.
    batch.clear();
    std::size_t homework = 0, sleep = 0, activity = 0;
    int flawDays = 0;
    for (const auto& term : terms) {
        int dayIndex = 0;
        Date lastSurveyWeek;
        for (Date d = term.start; d <= term.end && d <= today; d = d.addDays(1)) {
            if (!isSchoolDay(term, d)) continue;
            ++dayIndex;
            const bool sleepSurveyDay = d.mondayOfWeek() != lastSurveyWeek;
            lastSurveyWeek = d.mondayOfWeek();
            const bool flawDay = options.flaws && &term == &terms.back() && (dayIndex % 17 == 5) && flawDays < 4;
            if (flawDay) ++flawDays;
            for (std::size_t ci = 0; ci < classes.size(); ++ci) {
                const auto& c = classes[ci];
                const std::string& classId = classIds[ci];
                auto hw = [&](const std::string& subject, int minutes, bool writtenHw, bool atHome,
                              std::string reason = {}) {
                    Homework h{classId, d, subject, minutes, writtenHw, atHome,
                               homeworkContent(subject, writtenHw, dayIndex),
                               teacherIds[c.teacherOf.at(subject)], std::move(reason)};
                    batch.push_back({Kind::Homework, Json(h)});
                    ++homework;
                };
                if (c.grade <= 2) {
                    hw("chinese", rng.between(10, 15), false, true);
                    if (flawDay && c.name == summary.writtenAtHomeClass)
                        hw("math", 15, true, true, "家长要求增加练习，已与家长沟通纠正");
                    else
                        hw("math", rng.between(8, 12), true, false);
                } else if (c.grade <= 6) {
                    if (flawDay && c.name == summary.overCapClass) {
                        // Only the entry that takes the day over the cap needs the reason.
                        hw("chinese", 25, true, true);
                        hw("math", 30, true, true);
                        hw("foreign_language", 15, true, true, "单元测验前集中复习");
                    } else {
                        hw("chinese", rng.between(15, 20), true, true);
                        hw("math", rng.between(15, 20), true, true);
                        hw("foreign_language", rng.between(8, 12), dayIndex % 2 == 0, true);
                    }
                } else {
                    hw("chinese", rng.between(18, 22), true, true);
                    hw("math", rng.between(20, 25), true, true);
                    hw("foreign_language", rng.between(15, 20), true, true);
                    const char* extra = c.grade == 7 ? "biology" : c.grade == 8 ? "physics" : "history";
                    hw(extra, rng.between(10, 15), true, true);
                }

                const bool junior = c.grade >= 7;
                const bool shortSleep = options.flaws && c.name == summary.shortSleepClass;
                // Sleep is surveyed once a week, on the week's first school day.
                if (sleepSurveyDay) {
                    SleepSurvey s{classId, d, c.students - rng.between(0, 2), 0, 0};
                    s.averageHours = shortSleep ? rng.real(8.6, 8.9) : junior ? rng.real(9.1, 9.4) : rng.real(10.1, 10.5);
                    s.averageHours = static_cast<double>(static_cast<int>(s.averageHours * 10 + 0.5)) / 10;
                    const double share = shortSleep ? rng.real(0.30, 0.45) : rng.real(0.80, 0.95);
                    s.reachingStandard = static_cast<int>(s.surveyed * share);
                    batch.push_back({Kind::Sleep, Json(s)});
                    ++sleep;
                }

                PhysicalActivity a{classId, d, 0, 60, 2, d.isoWeekday() == 5 ? 30 : 40, 30};
                a.peLessonMinutes = peMinutesByWeekday[classId][static_cast<std::size_t>(d.isoWeekday())];
                batch.push_back({Kind::Activity, Json(a)});
                ++activity;
            }
        }
    }
    sink(batch);
    summary.counts["homework"] = homework;
    summary.counts["sleep"] = sleep;
    summary.counts["activity"] = activity;
    return summary;
}

}  // namespace taizhang
