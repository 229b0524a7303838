#pragma once
// A record in one line, as the kind's descriptor words it (record_kinds.h summaryZh/summaryEn):
// "数学 20 分钟 · 书面 · 在家 · 练习册第5页". The client's records browser shows it; the names of
// classes, teachers and subjects come from the caller, who knows the school.
#include <functional>
#include <optional>
#include <string>

#include "records.h"

namespace taizhang {

struct SummaryNames {
    std::function<std::string(const std::string& classId)> className;
    std::function<std::string(const std::string& teacherId)> teacherName;
    std::function<std::string(const std::string& subjectCode)> subjectName;
};

// nullopt when a field the summary shows is missing (required) or has the wrong JSON type: a
// damaged row or a newer program's body, which the caller shows raw rather than hides.
std::optional<std::string> recordSummary(Kind kind, const Json& body, bool english, const SummaryNames& names);

// A number as QString::arg(double) writes it by default (%g: 8, 2.5), or with a fixed count of
// decimals.
std::string formatNumber(double value, int decimals = -1);

}  // namespace taizhang
