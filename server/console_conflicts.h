#pragma once
// The school page's list of conflicts (server/console_pages.cpp): each version the county kept
// for review instead of storing, said for county staff: which class, day and record, why it was
// not stored (the same record edited twice; a second record of one class, day and subject; 无作业
// against homework of one class-day, server/class_day_marks.h) and whether the school has dealt
// with it since (the record it lost to was saved again).
#include <map>
#include <string>

#include "records.h"
#include "storage.h"

namespace taizhang::server {

std::string conflictsSection(Storage& storage, const std::string& schoolCode,
                             const std::map<std::string, SchoolClass>& classes, bool zh);

}  // namespace taizhang::server
