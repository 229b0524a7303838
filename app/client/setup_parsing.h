#pragma once
// Parsing of what an administrator types or pastes into the first-run wizard: class ranges such
// as "三年级 1-6 班 45" and teacher lists copied from Excel (tab-separated).
#include <vector>

#include <QString>

#include "records.h"

namespace taizhang {

struct ParsedLine {
    int line = 0;       // 1-based line number in the input
    QString error;      // Chinese message; empty when the line parsed
};

// "一年级" .. "九年级", "初一" .. "初三", "高一" is refused; returns 0 when not a grade.
int gradeFromChinese(const QString& text);
QString gradeName(int grade);

struct ClassSpecResult {
    std::vector<SchoolClass> classes;
    std::vector<ParsedLine> errors;
};
// One spec per line: "<年级> <from>-<to> 班 [students]" or "<年级> <n> 班 [students]".
// defaultStudents is used when a line gives no number of students.
ClassSpecResult parseClassSpec(const QString& text, int defaultStudents);

struct TeacherPasteResult {
    std::vector<Teacher> teachers;
    std::vector<ParsedLine> errors;
};
// Columns: 姓名 [TAB 工号] [TAB 学科 (、/, separated, Chinese names or codes)] [TAB 入职日期].
// A header row starting with 姓名 is skipped.
TeacherPasteResult parseTeacherPaste(const QString& text);

struct HolidayParseResult {
    std::vector<Holiday> holidays;
    std::vector<ParsedLine> errors;
};
// "国庆节 2026-10-01 2026-10-07" per line (end may be omitted for a one-day holiday).
HolidayParseResult parseHolidays(const QString& text);

// Subject code from a Chinese name or a code ("数学" or "math"); "" when unknown.
std::string subjectCodeFromText(const QString& text);

}  // namespace taizhang
