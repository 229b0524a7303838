#include "school_year.h"

#include <algorithm>
#include <array>

#include "subjects.h"
#include "validation_issue.h"

namespace taizhang {

namespace {
const std::array<const char*, 9> kGradeWords{"一", "二", "三", "四", "五", "六", "七", "八", "九"};
const std::array<const char*, 3> kJuniorWords{"初一", "初二", "初三"};  // 七 / 八 / 九年级

bool replaceOnce(std::string& text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    if (at == std::string::npos) return false;
    text.replace(at, from.size(), to);
    return true;
}

std::vector<Record> live(const RecordStore& store, Kind kind)
{
    RecordQuery q;
    q.kind = kind;
    return store.query(q);
}

// The section's top grade graduates and its entry grade opens (policy-rules.md: G1-6, G7-9).
struct Section {
    int entry;
    int top;
};
std::vector<Section> sectionsOf(const std::optional<SchoolProfile>& school)
{
    std::vector<Section> out;
    if (!school || school->hasPrimary()) out.push_back({1, 6});
    if (!school || school->hasJunior()) out.push_back({7, 9});
    return out;
}

bool isTop(int grade, const std::vector<Section>& sections)
{
    return std::any_of(sections.begin(), sections.end(), [&](const Section& s) { return s.top == grade; });
}
}  // namespace

// ---- Teachers -------------------------------------------------------------------------------------

std::optional<Problem> teacherLeaves(Teacher& teacher, const Date& from, const std::string& reason)
{
    if (reason != "left" && reason != "transferred")
        return Problem{"离开原因只能是 离职（left）或 调出（transferred）", "the reason must be 'left' or 'transferred'"};
    if (!teacher.employedOn(from))
        return Problem{teacher.name + " 在 " + from.toString() + " 已不在本校",
                       teacher.name + " is already away on " + from.toString()};
    if (from < teacher.hireDate)
        return Problem{"离开日期早于入职日期", "the teacher cannot leave before the hire date"};
    if (!teacher.away.empty() && teacher.away.back().from > from)
        return Problem{"离开日期早于已登记的离开记录", "an earlier departure is already recorded after this day"};
    teacher.away.push_back(AwayPeriod{from, std::nullopt, reason});
    return std::nullopt;
}

std::optional<Problem> teacherRejoins(Teacher& teacher, const Date& day)
{
    if (teacher.away.empty() || teacher.away.back().until)
        return Problem{teacher.name + " 没有未结束的离开记录", teacher.name + " has no open departure to end"};
    AwayPeriod& open = teacher.away.back();
    if (day <= open.from)
        return Problem{"返校日期必须晚于离开日期 " + open.from.toString(),
                       "the rejoin day must come after the departure on " + open.from.toString()};
    open.until = day.addDays(-1);
    return std::nullopt;
}

// ---- New school year ----------------------------------------------------------------------------

std::string promotedClassName(const std::string& name, int fromGrade, int toGrade)
{
    if (fromGrade < 1 || fromGrade > 9 || toGrade < 1 || toGrade > 9) return name;
    std::string out = name;
    const auto idx = [](int g) { return static_cast<std::size_t>(g - 1); };
    if (replaceOnce(out, std::string(kGradeWords[idx(fromGrade)]) + "年级", std::string(kGradeWords[idx(toGrade)]) + "年级"))
        return out;
    if (replaceOnce(out, std::to_string(fromGrade) + "年级", std::to_string(toGrade) + "年级")) return out;
    if (fromGrade >= 7 && toGrade >= 7 && replaceOnce(out, kJuniorWords[idx(fromGrade - 6)], kJuniorWords[idx(toGrade - 6)]))
        return out;
    return out;
}

std::string entryClassName(int grade, int number)
{
    return std::string(kGradeWords[static_cast<std::size_t>(std::clamp(grade, 1, 9) - 1)]) + "年级" +
           std::to_string(number) + "班";
}

int YearPlan::count(ClassStep::Action a) const
{
    return static_cast<int>(std::count_if(classes.begin(), classes.end(), [&](const ClassStep& s) { return s.action == a; }));
}

std::optional<Date> latestSchoolYearStart(const RecordStore& store)
{
    std::optional<Date> latest;
    for (const auto& r : live(store, Kind::SchoolClass)) {
        if (!validateShape(Kind::SchoolClass, r.body).empty()) continue;
        const auto c = r.body.get<SchoolClass>();
        for (const auto& day : {c.openedFrom, c.archivedFrom})
            if (day && (!latest || *day > *latest)) latest = day;
    }
    return latest;
}

std::vector<Term> countyTermsFromJson(const std::string& json)
{
    std::vector<Term> out;
    const Json j = Json::parse(json.empty() ? std::string("[]") : json, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& t : j) {
        if (!validateShape(Kind::Term, t).empty()) continue;
        out.push_back(t.get<Term>());
    }
    return out;
}

YearPlan planSchoolYear(const RecordStore& store, const std::optional<SchoolProfile>& school,
                        const YearStartOptions& options, const std::vector<Term>& countyTerms)
{
    YearPlan plan;
    plan.start = options.start;
    plan.yearName = std::to_string(options.start.year) + "-" + std::to_string(options.start.year + 1) + "学年";
    const Date dayBefore = options.start.addDays(-1);
    const auto sections = sectionsOf(school);

    // Classes in use the day before the new year, by grade, top grade first (so every promoted
    // name is free when it is taken).
    struct Current {
        const Record* record;
        SchoolClass body;
    };
    const auto classRecords = live(store, Kind::SchoolClass);
    std::vector<Current> current;
    for (const auto& r : classRecords) {
        if (!validateShape(Kind::SchoolClass, r.body).empty()) continue;
        auto c = r.body.get<SchoolClass>();
        // Graduated, or a new entry class of a year starting on or after this one: not moved up.
        if (!c.activeOn(dayBefore)) continue;
        if (!c.history.empty() && c.history.back().until >= dayBefore) {
            plan.problems.push_back({"班级「" + c.name + "」在 " + options.start.toString() + " 或之后已有年级变更，新学年似乎已经开始",
                                     "class '" + c.name + "' already changes grade on or after " +
                                         options.start.toString() + "; the new year seems to be started already"});
            continue;
        }
        if (c.archivedFrom) {
            plan.problems.push_back({"班级「" + c.name + "」已计划在 " + c.archivedFrom->toString() + " 归档",
                                     "class '" + c.name + "' is already archived from " + c.archivedFrom->toString()});
            continue;
        }
        current.push_back({&r, std::move(c)});
    }
    std::stable_sort(current.begin(), current.end(), [&](const Current& a, const Current& b) {
        const int ga = a.body.gradeOn(dayBefore), gb = b.body.gradeOn(dayBefore);
        return ga != gb ? ga > gb : a.body.nameOn(dayBefore) < b.body.nameOn(dayBefore);
    });
    std::map<int, int> entryNow;  // entry grade -> classes this year (default count of new ones)
    for (const auto& c : current) {
        const int grade = c.body.gradeOn(dayBefore);
        ++entryNow[grade];
        ClassStep step;
        step.classId = c.record->meta.id;
        step.version = c.record->meta.version;
        step.fromGrade = grade;
        step.fromName = c.body.nameOn(dayBefore);
        if (isTop(grade, sections)) {
            step.action = ClassStep::Action::Graduate;
            step.toGrade = grade;
            step.toName = step.fromName;
        } else {
            step.action = ClassStep::Action::Promote;
            step.toGrade = grade + 1;
            step.toName = promotedClassName(step.fromName, grade, grade + 1);
            if (step.toName == step.fromName)
                plan.notes.push_back({"班级「" + step.fromName + "」的名称中没有年级，升级后名称不变",
                                      "class '" + step.fromName + "' has no grade in its name; it keeps the name"});
        }
        plan.classes.push_back(std::move(step));
    }
    for (const auto& section : sections) {
        auto wanted = options.entryClasses.find(section.entry);
        const int n = wanted != options.entryClasses.end() ? wanted->second : entryNow[section.entry];
        if (n < 0 || n > 40) {
            plan.problems.push_back({"新生班数量必须在0到40之间", "the number of new entry classes must be 0 to 40"});
            continue;
        }
        for (int k = 1; k <= n; ++k) {
            ClassStep step;
            step.action = ClassStep::Action::Create;
            step.toGrade = section.entry;
            step.toName = entryClassName(section.entry, k);
            plan.classes.push_back(std::move(step));
        }
    }

    // The year's terms: given, else the county's published calendar for that year.
    const Date yearEnd = options.start.addYears(1).addDays(-1);
    if (!options.terms.empty()) {
        plan.terms = options.terms;
        plan.termsSource = "given";
    } else {
        for (const auto& t : countyTerms)
            if (t.start >= options.start && t.start <= yearEnd) plan.terms.push_back(t);
        if (!plan.terms.empty()) plan.termsSource = "county";
    }
    std::sort(plan.terms.begin(), plan.terms.end(), [](const Term& a, const Term& b) { return a.start < b.start; });
    const auto termRecords = live(store, Kind::Term);
    std::vector<Term> kept;
    for (const auto& t : plan.terms) {
        const bool exists = std::any_of(termRecords.begin(), termRecords.end(), [&](const Record& r) {
            return validateShape(Kind::Term, r.body).empty() && r.body.get<Term>().start == t.start &&
                   r.body.get<Term>().end == t.end;
        });
        if (exists)
            plan.notes.push_back({"学期「" + t.name + "」已存在，不再添加", "term '" + t.name + "' exists already; not added again"});
        else
            kept.push_back(t);
    }
    plan.terms = std::move(kept);
    if (plan.terms.empty() && plan.termsSource.empty())
        plan.notes.push_back({"县区尚未发布新学年校历，请稍后同步或手动添加学期",
                              "the county has not published the new year's calendar; sync later or add the terms by hand"});

    // Timetables: the last term before the new year, carried into the first new term as drafts.
    const Record* source = nullptr;
    for (const auto& r : termRecords) {
        if (!validateShape(Kind::Term, r.body).empty()) continue;
        const auto t = r.body.get<Term>();
        if (t.start < options.start && (!source || source->body.get<Term>().start < t.start)) source = &r;
    }
    if (options.copyTimetables && source && !plan.terms.empty()) {
        plan.copyFromTermId = source->meta.id;
        plan.copyFromTermName = source->body.value("name", "");
        std::map<std::string, const ClassStep*> promoted;
        for (const auto& s : plan.classes)
            if (s.action == ClassStep::Action::Promote) promoted[s.classId] = &s;
        std::map<std::string, Teacher> teachers;
        for (const auto& r : live(store, Kind::Teacher))
            if (validateShape(Kind::Teacher, r.body).empty()) teachers[r.meta.id] = r.body.get<Teacher>();
        std::map<std::string, std::vector<std::string>> newSubjects;
        for (const auto& c : current) {
            auto p = promoted.find(c.record->meta.id);
            if (p == promoted.end()) continue;
            const auto& listed = c.body.subjectsOn(dayBefore);
            newSubjects[c.record->meta.id] =
                listed.empty() || listed == defaultSubjectsForGrade(p->second->fromGrade)
                    ? defaultSubjectsForGrade(p->second->toGrade)
                    : listed;
        }
        RecordQuery q;
        q.kind = Kind::Timetable;
        for (const auto& r : store.query(q)) {
            if (!validateShape(Kind::Timetable, r.body).empty()) continue;
            auto slot = r.body.get<TimetableSlot>();
            if (slot.termId != source->meta.id || !promoted.count(slot.classId)) continue;
            const auto& subjects = newSubjects[slot.classId];
            if (!isCustomSubjectCode(slot.subject) &&
                std::find(subjects.begin(), subjects.end(), slot.subject) == subjects.end()) {
                ++plan.slotsDropped;
                continue;
            }
            if (!slot.teacherId.empty()) {
                auto t = teachers.find(slot.teacherId);
                if (t == teachers.end() || !t->second.employedOn(options.start)) slot.teacherId.clear();
            }
            slot.termId.clear();
            slot.draft = true;
            plan.drafts.push_back(std::move(slot));
        }
    }
    return plan;
}

YearStartResult startSchoolYear(Database& db, Ledger& ledger, const YearPlan& plan, const ChangeContext& ctx)
{
    YearStartResult result;
    if (!plan.ok()) {
        for (const auto& p : plan.problems) result.issues.push_back(makeIssue("year.plan_refused", "", p.zh, p.en));
        return result;
    }
    auto tx = db.beginWrite();  // every Ledger write below is a savepoint of this one transaction
    auto refuse = [&](std::vector<ValidationIssue> issues, const std::string& what) {
        for (auto& i : issues) {
            if (i.severity != IssueSeverity::Error) continue;
            i.messageZh = what + "：" + i.messageZh;
            i.messageEn = what + ": " + i.messageEn;
            result.issues.push_back(std::move(i));
        }
        return result;  // tx rolls back: nothing of the step is kept
    };
    const Date dayBefore = plan.start.addDays(-1);
    for (const auto& step : plan.classes) {
        if (step.action == ClassStep::Action::Create) {
            SchoolClass c;
            c.grade = step.toGrade;
            c.name = step.toName;
            c.subjects = defaultSubjectsForGrade(step.toGrade);
            c.openedFrom = plan.start;  // not offered for entries before the new year
            auto r = ledger.save(Kind::SchoolClass, Json(c), ctx);
            if (!r.ok()) return refuse(r.issues, step.toName);
            ++result.created;
            continue;
        }
        const auto before = ledger.store().find(step.classId);
        if (!before || before->meta.deleted || before->meta.version != step.version) {
            result.issues.push_back(makeIssue("record.stale_version", "", "班级「" + step.fromName + "」已被他人修改，请重新预览",
                                              "class '" + step.fromName + "' changed since the preview; preview again"));
            return result;
        }
        auto c = before->body.get<SchoolClass>();
        if (step.action == ClassStep::Action::Graduate) {
            c.archivedFrom = plan.start;
            ++result.graduated;
        } else {
            const auto& listed = c.subjectsOn(dayBefore);
            auto subjects = listed.empty() || listed == defaultSubjectsForGrade(step.fromGrade)
                                ? defaultSubjectsForGrade(step.toGrade)
                                : listed;
            changeClassFrom(c, plan.start, step.toGrade, step.toName, std::move(subjects));
            ++result.promoted;
        }
        Json body = before->body;  // keeps any field a newer schema added
        const Json changed = Json(c);
        for (auto it = changed.begin(); it != changed.end(); ++it) body[it.key()] = it.value();
        auto r = ledger.update(step.classId, std::move(body), step.version, ctx);
        if (!r.ok()) return refuse(r.issues, step.fromName);
    }
    std::string firstTermId;
    for (const auto& t : plan.terms) {
        auto r = ledger.save(Kind::Term, Json(t), ctx);
        if (!r.ok()) return refuse(r.issues, t.name);
        if (firstTermId.empty()) firstTermId = r.record->meta.id;
        ++result.terms;
    }
    if (!firstTermId.empty() && !plan.drafts.empty()) {
        std::vector<NewRecord> rows;
        for (auto slot : plan.drafts) {
            slot.termId = firstTermId;
            rows.push_back({Kind::Timetable, Json(slot), ""});
        }
        auto r = ledger.saveMany(rows, ctx);
        if (!r.ok()) {
            std::vector<ValidationIssue> issues;
            for (auto& i : r.issues) issues.push_back(std::move(i.issue));
            return refuse(std::move(issues), "课表 / timetable");
        }
        result.drafts = static_cast<int>(r.records.size());
    }
    tx.commit();
    result.ok = true;
    return result;
}

}  // namespace taizhang
