#pragma once
// Who may write what, checked by every controller and model before it writes (the QML only
// hides what these refuse). Each check returns "" when allowed, else the Chinese (or English)
// message to show. Administrators may do everything; a teacher may record only for the classes
// and subjects she has lessons in (the timetable), and may not touch reference data, back up,
// restore or enrol the computer.
#include <string>

#include <QString>

#include "records.h"

namespace taizhang {

class AppContext;

// Backup, restore, enrolment, timetables, activity, sleep and training entry, settings.
QString refuseUnlessAdmin(const AppContext& app);
// Homework of one class and subject ("" subject: any subject of that class).
QString refuseUnlessTeaches(const AppContext& app, const std::string& classId, const std::string& subject = {});
// Deleting or editing an existing record of any kind from the records browser.
QString refuseRecordChange(const AppContext& app, const Record& record);

}  // namespace taizhang
