#pragma once
// The fields of each record kind as the command line (--minutes 20) and CSV files (a "minutes"
// or "时长" column) name them, with conversion from text to the JSON body and back. The names,
// headers and types are read from core's kind descriptors (record_kinds.h); one list serves
// `record add/edit`, `import` and `export`, so the three always agree.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "records.h"
#include "references.h"

namespace taizhang::cli {

enum class FieldType { Text, Int, Real, Bool, Date, ClassRef, TeacherRef, TermRef, Subject, List };

struct FieldSpec {
    std::string name;                  // option and CSV header: "class", "at_home" (also --at-home)
    std::string key;                   // JSON body key: "class_id", "at_home"
    FieldType type;
    bool required;
    std::vector<std::string> aliases;  // other accepted CSV headers, Chinese first ("班级")
};

// The kinds `record`, `import` and `export` handle, and their fields in display order.
const std::vector<Kind>& recordKinds();  // homework sleep activity timetable training class teacher (csv kinds)
const std::vector<FieldSpec>& fieldsOf(Kind kind);
Kind parseRecordKind(const std::string& text);  // throws a usage error listing the kinds

// "at-home" / "At Home" / "在家" -> the spec, or nullptr.
const FieldSpec* findField(Kind kind, std::string_view nameOrAlias);

// Text -> JSON value for one field; nullopt with `problem` set when the text does not fit.
std::optional<Json> convertField(const FieldSpec& spec, std::string_view text, const References& refs,
                                 std::string& problem);
// A homework body marked 无作业 ("none": true) has no subject and 0 minutes: `--none yes` or a
// CSV row whose 无作业 column says 是 needs neither, so they are filled in when absent (core then
// refuses a subject or minutes that contradict the mark).
void completeNoHomework(Kind kind, Json& body);
// JSON body value -> text people read (names for references, yes/no, 数学 for subjects).
std::string displayField(const FieldSpec& spec, const Json& body, const References& refs);

}  // namespace taizhang::cli
