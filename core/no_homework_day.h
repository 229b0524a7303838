#pragma once
// 无作业 (a homework record with "none": true) holds its whole class-day: it and any other
// homework of that class and day exclude each other. One ledger refuses the second of them
// (core/validation_daily.cpp); the county keeps the later one as a conflict when two computers
// of a school made them (server/class_day_marks.h). Both ask these two functions.
#include <string>

#include "records.h"

namespace taizhang {

// True for a homework body that is the 无作业 mark of its class-day.
bool isNoHomeworkMark(const Json& homeworkBody);

// The uniqueness key (uniquenessKey) of the 无作业 mark of this homework body's class and day,
// whatever the body itself is; "" when the body names no class or day.
std::string noHomeworkKey(const Json& homeworkBody);

}  // namespace taizhang
