#include "setup_parsing.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include "qt_convert.h"
#include "subjects.h"

namespace taizhang {

namespace {
QString tr(const char* s) { return QCoreApplication::translate("Setup", s); }
const QStringList kGradeDigits{"一", "二", "三", "四", "五", "六", "七", "八", "九"};
}  // namespace

int gradeFromChinese(const QString& text)
{
    const QString t = text.trimmed();
    for (int i = 0; i < kGradeDigits.size(); ++i) {
        if (t == kGradeDigits[i] + "年级") return i + 1;
        if (i < 3 && t == "初" + kGradeDigits[i]) return i + 7;
    }
    bool ok = false;
    const int n = QString(t).remove("年级").toInt(&ok);
    return ok && n >= 1 && n <= 9 ? n : 0;
}

QString gradeName(int grade)
{
    return grade >= 1 && grade <= 9 ? kGradeDigits[grade - 1] + QStringLiteral("年级") : QString();
}

ClassSpecResult parseClassSpec(const QString& text, int defaultStudents)
{
    static const QRegularExpression re(
        R"(^\s*(\S+?年级|初[一二三]|\d年级)\s*(\d+)\s*(?:[-—~至到]\s*(\d+))?\s*班\s*(?:(\d+)\s*人?)?\s*$)");
    ClassSpecResult out;
    const QStringList lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = qs(normaliseTyped(ss(lines[i])));  // 三年级 １-６ 班 from an input method
        if (line.isEmpty()) continue;
        auto m = re.match(line);
        if (!m.hasMatch()) {
            out.errors.push_back({i + 1, tr("第 %1 行看不懂：应写成“三年级 1-6 班 45”").arg(i + 1)});
            continue;
        }
        const int grade = gradeFromChinese(m.captured(1));
        const int from = m.captured(2).toInt();
        const int to = m.captured(3).isEmpty() ? from : m.captured(3).toInt();
        const int students = m.captured(4).isEmpty() ? defaultStudents : m.captured(4).toInt();
        if (grade == 0) {
            out.errors.push_back({i + 1, tr("第 %1 行：年级应为一年级到九年级").arg(i + 1)});
        } else if (from < 1 || to < from || to > 30) {
            out.errors.push_back({i + 1, tr("第 %1 行：班号范围应在 1 到 30 之间且从小到大").arg(i + 1)});
        } else if (students < 1 || students > 80) {
            out.errors.push_back({i + 1, tr("第 %1 行：每班人数应在 1 到 80 之间").arg(i + 1)});
        } else {
            for (int n = from; n <= to; ++n)
                out.classes.push_back({grade, ss(gradeName(grade) + QString::number(n) + "班"), students,
                                       defaultSubjectsForGrade(grade)});
        }
    }
    return out;
}

std::string subjectCodeFromText(const QString& text)
{
    // core's one mapping of the words schools use (英语, 体育, 道法, 信息技术, ...).
    return subjectCodeFromWord(ss(text)).value_or(std::string{});
}

TeacherPasteResult parseTeacherPaste(const QString& text)
{
    TeacherPasteResult out;
    const QStringList lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        line.remove('\r');
        if (line.trimmed().isEmpty()) continue;
        const QStringList cols = line.split('\t');
        if (i == 0 && cols.first().trimmed() == "姓名") continue;  // header row from Excel
        Teacher t;
        t.name = ss(cols.value(0).trimmed());
        t.staffNumber = ss(cols.value(1).trimmed());
        if (t.name.empty()) {
            out.errors.push_back({i + 1, tr("第 %1 行：缺少姓名").arg(i + 1)});
            continue;
        }
        QString bad;
        for (const QString& s : cols.value(2).split(QRegularExpression("[、,，/ ]"), Qt::SkipEmptyParts)) {
            auto code = subjectCodeFromText(s);
            if (code.empty()) bad = s;
            else t.subjects.push_back(code);
        }
        if (!bad.isEmpty()) {
            out.errors.push_back({i + 1, tr("第 %1 行：不认识的学科“%2”").arg(i + 1).arg(bad)});
            continue;
        }
        const QString hire = cols.value(3).trimmed();
        if (!hire.isEmpty()) {
            auto d = dateFrom(hire);
            if (!d) {
                out.errors.push_back({i + 1, tr("第 %1 行：入职日期应写成 2020-09-01").arg(i + 1)});
                continue;
            }
            t.hireDate = *d;
        }
        const bool duplicate = !t.staffNumber.empty() &&
            std::any_of(out.teachers.begin(), out.teachers.end(),
                        [&](const Teacher& o) { return o.staffNumber == t.staffNumber; });
        if (duplicate) {
            out.errors.push_back({i + 1, tr("第 %1 行：工号 %2 重复").arg(i + 1).arg(qs(t.staffNumber))});
            continue;
        }
        out.teachers.push_back(std::move(t));
    }
    return out;
}

HolidayParseResult parseHolidays(const QString& text)
{
    HolidayParseResult out;
    const QStringList lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QStringList parts = lines[i].split(QRegularExpression("\\s+"), Qt::SkipEmptyParts);
        if (parts.isEmpty()) continue;
        auto start = dateFrom(parts.value(1));
        auto end = parts.size() > 2 ? dateFrom(parts.value(2)) : start;
        if (parts.size() < 2 || !start || !end) {
            out.errors.push_back({i + 1, tr("第 %1 行：应写成“国庆节 2026-10-01 2026-10-07”").arg(i + 1)});
        } else if (*end < *start) {
            out.errors.push_back({i + 1, tr("第 %1 行：结束日期早于开始日期").arg(i + 1)});
        } else {
            out.holidays.push_back({ss(parts[0]), *start, *end});
        }
    }
    return out;
}

}  // namespace taizhang
