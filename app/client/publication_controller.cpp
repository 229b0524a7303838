#include "publication_controller.h"

#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QPrinter>
#include <QPrinterInfo>

#include "app_context.h"
#include "logging.h"
#include "publication_sheet.h"
#include "qt_convert.h"
#include "save_location.h"

namespace taizhang {

namespace {
// A4 portrait with 15 mm margins: what schools print on and what fits seven columns.
QPageLayout a4Layout()
{
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                       QPageLayout::Millimeter);
}
}  // namespace

PublicationController::PublicationController(QObject* parent)
    : PublicationController(*AppContext::instance(), parent)
{
}

PublicationController::PublicationController(AppContext& app, QObject* parent)
    : QObject(parent), app_(&app), date_(app.today())
{
    connect(app_, &AppContext::dataChanged, this, &PublicationController::rebuild);
    connect(app_, &AppContext::languageChanged, this, &PublicationController::rebuild);
    rebuild();
    refreshPrinters();
}

void PublicationController::setDate(const QString& d)
{
    if (d == date_) return;
    date_ = d;
    rebuild();
}

void PublicationController::setWeek(bool w)
{
    if (w == week_) return;
    week_ = w;
    rebuild();
}

void PublicationController::rebuild()
{
    const auto day = dateFrom(date_);
    if (!day) {
        dateError_ = tr("日期应写成 2026-11-23 或 2026年11月23日");
        html_.clear();
    } else {
        dateError_.clear();
        const Date from = week_ ? day->mondayOfWeek() : *day;
        const Date to = week_ ? from.addDays(6) : *day;
        html_ = PublicationSheet::html(*app_, from, to);
    }
    emit sheetChanged();
}

void PublicationController::setStatus(const QString& s)
{
    status_ = s;
    emit statusChanged();
}

void PublicationController::refreshPrinters()
{
    printers_ = QPrinterInfo::availablePrinterNames();
    defaultPrinter_ = QPrinterInfo::defaultPrinterName();
    emit printersChanged();
}

QString PublicationController::defaultPdfPath() const
{
    return defaultSavePath(tr("作业公示-%1.pdf").arg(date_));
}

bool PublicationController::savePdf(const QUrl& file)
{
    if (!dateError_.isEmpty()) {
        setStatus(dateError_);
        return false;
    }
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const QString part = path + QStringLiteral(".part");
    int pages = 0;
    {
        QPdfWriter writer(part);
        writer.setPageLayout(a4Layout());
        writer.setResolution(300);
        writer.setTitle(tr("作业公示 %1").arg(date_));
        writer.setCreator(QStringLiteral("taizhang"));
        pages = PublicationSheet::paint(writer, html_);
    }
    QFile::remove(path);
    const bool ok = pages > 0 && QFile::rename(part, path);
    if (!ok) QFile::remove(part);
    setStatus(ok ? tr("已保存 %1（%2 页）").arg(path).arg(pages) : tr("无法写入 %1").arg(path));
    qCInfo(lcData) << "publication sheet" << date_ << (week_ ? "week" : "day") << "->" << path << pages << "pages";
    return ok;
}

bool PublicationController::printTo(QPrinter& printer)
{
    printer.setPageLayout(a4Layout());
    printer.setDocName(tr("作业公示 %1").arg(date_));
    const int pages = PublicationSheet::paint(printer, html_);
    qCInfo(lcData) << "publication sheet printed on" << printer.printerName() << pages << "pages";
    return pages > 0;
}

bool PublicationController::print(const QString& printerName, int copies)
{
    if (!dateError_.isEmpty()) {
        setStatus(dateError_);
        return false;
    }
    const QPrinterInfo info = QPrinterInfo::printerInfo(printerName);
    if (printerName.isEmpty() || info.isNull()) {
        setStatus(tr("找不到打印机“%1”；请检查打印机是否已连接，或先保存为 PDF 再打印").arg(printerName));
        return false;
    }
    QPrinter printer(info, QPrinter::HighResolution);
    printer.setCopyCount(std::clamp(copies, 1, 50));
    const bool ok = printTo(printer);
    setStatus(ok ? tr("已发送到打印机“%1”，%2 份").arg(printerName).arg(std::clamp(copies, 1, 50))
                 : tr("打印机“%1”无法打印；请检查打印机，或先保存为 PDF 再打印").arg(printerName));
    return ok;
}

}  // namespace taizhang
