#include "references.h"

#include "subjects.h"
#include "typed_text.h"
#include "validation.h"

namespace taizhang::cli {

namespace {
std::vector<Record> live(const RecordStore& store, Kind kind)
{
    RecordQuery q;
    q.kind = kind;
    return store.query(q);
}

std::string field(const Record& r, const char* key)
{
    auto it = r.body.find(key);
    return it != r.body.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

Resolved resolve(std::string_view text, const std::vector<Record>& records, const char* what,
                 std::initializer_list<const char*> keys)
{
    if (text.empty()) return {"", std::string("no ") + what + " given"};
    for (const auto& r : records)
        if (r.meta.id == text) return {r.meta.id, ""};
    std::vector<std::string> hits;
    for (const auto& r : records)
        for (const char* key : keys)
            if (field(r, key) == text) {
                hits.push_back(r.meta.id);
                break;
            }
    if (hits.size() == 1) return {hits.front(), ""};
    if (hits.empty()) return {"", std::string("no ") + what + " named '" + std::string(text) + "'"};
    return {"", std::to_string(hits.size()) + " " + what + "s are named '" + std::string(text) + "'; use the id"};
}
}  // namespace

References::References(const RecordStore& store)
    : classes_(live(store, Kind::SchoolClass)),
      teachers_(live(store, Kind::Teacher)),
      terms_(live(store, Kind::Term)),
      subjects_(live(store, Kind::Subject))
{
    for (const auto& r : classes_) classNames_[r.meta.id] = field(r, "name");
    for (const auto& r : teachers_) teacherNames_[r.meta.id] = field(r, "name");
    for (const auto& r : terms_) termNames_[r.meta.id] = field(r, "name");
}

// A graduated class keeps its name (三年级 … 六年级1班) next to the class that moved up into it:
// a name finds the class in use, the archived one only when it is the only one of that name.
Resolved References::findClass(std::string_view text) const
{
    Resolved r = resolve(text, classes_, "class", {"name"});
    if (r.ok()) return r;
    std::vector<Record> current;
    for (const auto& c : classes_)
        if (!c.body.contains("archived_from") || c.body["archived_from"].is_null()) current.push_back(c);
    Resolved inUse = resolve(text, current, "class", {"name"});
    return inUse.ok() ? inUse : r;
}
// Teachers share names (two 王伟 in one school is common), so the staff number decides: an id,
// then a staff number, then the export's "王伟（T0101）" form, and a bare name only when exactly
// one teacher has it.
Resolved References::findTeacher(std::string_view raw) const
{
    const std::string text = normaliseTyped(raw);
    if (text.empty()) return {"", "no teacher given"};
    for (const auto& r : teachers_)
        if (r.meta.id == text) return {r.meta.id, ""};
    auto byStaffNumber = [&](const std::string& number) -> const Record* {
        for (const auto& r : teachers_)
            if (!number.empty() && normaliseTyped(field(r, "staff_number")) == number) return &r;
        return nullptr;
    };
    if (const Record* r = byStaffNumber(text)) return {r->meta.id, ""};
    const auto [labelName, labelNumber] = splitTeacherLabel(text);
    if (const Record* r = byStaffNumber(labelNumber)) {
        if (!labelName.empty() && normaliseTyped(field(*r, "name")) != labelName)
            return {"", "工号「" + labelNumber + "」是" + field(*r, "name") + "，不是" + labelName + " / staff number '" +
                            labelNumber + "' belongs to " + field(*r, "name") + ", not " + labelName};
        return {r->meta.id, ""};
    }
    std::vector<const Record*> hits;
    for (const auto& r : teachers_)
        if (normaliseTyped(field(r, "name")) == text) hits.push_back(&r);
    if (hits.size() == 1) return {hits.front()->meta.id, ""};
    if (hits.empty() && !labelNumber.empty())
        return {"", "没有工号为「" + labelNumber + "」的教师 / no teacher with staff number '" + labelNumber + "'"};
    if (hits.empty()) return {"", "no teacher named '" + text + "'"};
    std::string numbers;
    for (const Record* r : hits) {
        const std::string n = field(*r, "staff_number");
        numbers += (numbers.empty() ? "" : "、") + (n.empty() ? std::string("无工号") : n);
    }
    return {"", "有 " + std::to_string(hits.size()) + " 位教师叫「" + text + "」（工号 " + numbers +
                    "），请写工号或「" + text + "（工号）」 / " + std::to_string(hits.size()) + " teachers are named '" +
                    text + "'; give the staff number, e.g. " + text + "（" + field(*hits.front(), "staff_number") + "）"};
}

std::pair<std::string, std::string> References::splitTeacherLabel(const std::string& text)
{
    // "王伟（T0101）" (full-width brackets were folded to ASCII by normaliseTyped) or "王伟 (T0101)".
    if (text.size() < 3 || text.back() != ')') return {};
    const auto open = text.rfind('(');
    if (open == std::string::npos) return {};
    std::string name = normaliseTyped(text.substr(0, open));
    std::string number = normaliseTyped(text.substr(open + 1, text.size() - open - 2));
    return {name, number};
}

std::string References::teacherLabel(const std::string& id) const
{
    for (const auto& r : teachers_)
        if (r.meta.id == id) {
            const std::string number = field(r, "staff_number");
            return number.empty() ? field(r, "name") : field(r, "name") + "（" + number + "）";
        }
    return id;
}
Resolved References::findTerm(std::string_view text) const { return resolve(text, terms_, "term", {"name"}); }

Resolved References::findSubject(std::string_view raw) const
{
    // One mapping for every front end: core's catalogue words (英语 -> 外语, 体育 -> 体育与健康, ...).
    if (auto code = subjectCodeFromWord(raw)) return {*code, ""};
    const std::string text = normaliseTyped(raw);
    for (const auto& r : subjects_)
        if (field(r, "code") == text || field(r, "name") == text) return {field(r, "code"), ""};
    if (isCustomSubjectCode(text)) return {text, ""};
    return {"", "unknown subject '" + text + "' (use a code such as math or a name such as 数学)"};
}

static std::string nameOr(const std::map<std::string, std::string>& names, const std::string& id)
{
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
}

std::string References::className(const std::string& id) const { return nameOr(classNames_, id); }
std::string References::classNameOn(const std::string& id, const Date& day) const
{
    for (const auto& r : classes_)
        if (r.meta.id == id && validateShape(Kind::SchoolClass, r.body).empty()) return r.body.get<SchoolClass>().nameOn(day);
    return className(id);
}

std::string References::teacherName(const std::string& id) const { return nameOr(teacherNames_, id); }
std::string References::termName(const std::string& id) const { return nameOr(termNames_, id); }

std::string References::subjectName(const std::string& code)
{
    if (auto s = findNationalSubject(code)) return s->nameZh;
    return code;
}

}  // namespace taizhang::cli
