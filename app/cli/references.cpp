#include "references.h"

#include "subjects.h"

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

Resolved References::findClass(std::string_view text) const { return resolve(text, classes_, "class", {"name"}); }
Resolved References::findTeacher(std::string_view text) const
{
    return resolve(text, teachers_, "teacher", {"staff_number", "name"});
}
Resolved References::findTerm(std::string_view text) const { return resolve(text, terms_, "term", {"name"}); }

Resolved References::findSubject(std::string_view text) const
{
    for (const auto& s : nationalSubjects())
        if (s.code == text || s.nameZh == text || s.nameEn == text) return {s.code, ""};
    for (const auto& r : subjects_)
        if (field(r, "code") == text || field(r, "name") == text) return {field(r, "code"), ""};
    if (isCustomSubjectCode(text)) return {std::string(text), ""};
    return {"", "unknown subject '" + std::string(text) + "' (use a code such as math or a name such as 数学)"};
}

static std::string nameOr(const std::map<std::string, std::string>& names, const std::string& id)
{
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
}

std::string References::className(const std::string& id) const { return nameOr(classNames_, id); }
std::string References::teacherName(const std::string& id) const { return nameOr(teacherNames_, id); }
std::string References::termName(const std::string& id) const { return nameOr(termNames_, id); }

std::string References::subjectName(const std::string& code)
{
    if (auto s = findNationalSubject(code)) return s->nameZh;
    return code;
}

}  // namespace taizhang::cli
