#pragma once
// The words for a conflict between 无作业 and homework of one class-day: two computers of the
// school, one marking the day 无作业 and one recording homework for it; the county kept the one
// it received first (server/class_day_marks.h, code natural_key_conflict). Shown on the 同步 page
// in the school's conflicts (SchoolConflictsModel) and in the refused records of the computer
// whose record lost (RefusedRecordsModel).
#include <optional>

#include <QString>

#include "records.h"

namespace taizhang {

class AppContext;

struct NoHomeworkConflictText {
    QString why;     // what happened, naming the class and day
    QString advice;  // what to do, in terms of the conflict card's two buttons
};

// When `stored` (the record the county kept) and `other` (the one it kept for review) are a mark
// and homework of one class-day, the text for the school's conflict list; nullopt otherwise.
std::optional<NoHomeworkConflictText> noHomeworkConflictText(const AppContext& app, const Record& stored,
                                                             const Record& other);

// For the refused record `mine` of this computer: when the class-day now holds the other kind
// (a live mark for homework, live homework for a mark), why the county refused it; "" otherwise.
QString noHomeworkRefusalReason(AppContext& app, const Record& mine);

}  // namespace taizhang
