#pragma once
// The 作业公示 sheet a school posts on the wall: for each class and school day, every homework
// entry (weekday, class, subject, content, kind, minutes, teacher), the class-day's total time
// (written, and all homework), the cap in force, the rule it comes from (quoted from core, with
// the county's stricter values) and a 班主任 / 教务处 signature line. One HTML text serves the
// on-screen preview, the PDF and the printer; painting lays it out on A4 with page numbers.
#include <QCoreApplication>
#include <QString>

#include "date.h"

class QPagedPaintDevice;

namespace taizhang {

class AppContext;

class PublicationSheet {
    // Its strings are in the "PublicationSheet" context of translations/*.ts.
    Q_DECLARE_TR_FUNCTIONS(PublicationSheet)

public:
    // [from, to] inclusive: one day, or a week (Monday-Friday and any weekend day with homework).
    static QString html(AppContext& app, const Date& from, const Date& to);

    // Lays the sheet out on the device's page (A4 portrait, 15 mm margins set by the caller) and
    // paints every page with "第 n 页 / 共 m 页" at the foot. Returns the number of pages, 0 when
    // the device could not be painted on (a printer gone, a file that cannot be written).
    static int paint(QPagedPaintDevice& device, const QString& html);

private:
    static QString weekdayName(const Date& d);
    static QString longDate(const Date& d);
};

}  // namespace taizhang
