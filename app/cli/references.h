#pragma once
// Names people type (三年级1班, 王丽, T0003, 数学) resolved to the ids and codes records hold, and
// back again for listings and exports. Loaded once per command from the live records.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "record_store.h"
#include "records.h"

namespace taizhang::cli {

struct Resolved {
    std::string id;       // set on success
    std::string problem;  // English, set on failure
    bool ok() const { return problem.empty(); }
};

class References {
public:
    explicit References(const RecordStore& store);

    // By id, else by exact name. Teachers by id, staff number, "name（staff number）", then by a
    // name only when one teacher has it. Ambiguous names are a problem.
    Resolved findClass(std::string_view text) const;
    Resolved findTeacher(std::string_view text) const;
    Resolved findTerm(std::string_view text) const;
    // A subject code ("math"), Chinese or English name ("数学"), or a custom code ("school:书法").
    Resolved findSubject(std::string_view text) const;

    std::string className(const std::string& id) const;  // the id itself if unknown
    // The name the class had on that day (三年级1班 before it moved up to 四年级1班).
    std::string classNameOn(const std::string& id, const Date& day) const;
    std::string teacherName(const std::string& id) const;
    // "王伟（T0101）": the name and, when set, the staff number, so that two teachers of one name
    // stay apart in exports and findTeacher reads the label back.
    std::string teacherLabel(const std::string& id) const;
    // "王伟（T0101）" or "王伟 (T0101)" -> {"王伟", "T0101"}; {"", ""} when the text has no brackets.
    static std::pair<std::string, std::string> splitTeacherLabel(const std::string& text);
    std::string termName(const std::string& id) const;
    static std::string subjectName(const std::string& code);  // Chinese name, or the code

    const std::vector<Record>& classes() const { return classes_; }
    const std::vector<Record>& teachers() const { return teachers_; }
    const std::vector<Record>& terms() const { return terms_; }

private:
    std::vector<Record> classes_, teachers_, terms_, subjects_;
    std::map<std::string, std::string> classNames_, teacherNames_, termNames_;  // id -> name
};

}  // namespace taizhang::cli
