#pragma once
// The 作业公示 sheet on the Reports page: preview (a property, so QML rebinds when data or the
// date change), save as PDF, and print through a printer chosen in the app's own print dialog
// (qml/PrintDialog.qml lists the printers this object reports). The sheet itself is built and
// painted by publication_sheet.h; rules and figures come from core.
#include <QObject>
#include <QStringList>
#include <QUrl>

class QPrinter;

namespace taizhang {

class AppContext;

class PublicationController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString date READ date WRITE setDate NOTIFY sheetChanged)
    Q_PROPERTY(bool week READ week WRITE setWeek NOTIFY sheetChanged)
    Q_PROPERTY(QString html READ html NOTIFY sheetChanged)
    Q_PROPERTY(QString dateError READ dateError NOTIFY sheetChanged)
    Q_PROPERTY(QStringList printers READ printers NOTIFY printersChanged)
    Q_PROPERTY(QString defaultPrinter READ defaultPrinter NOTIFY printersChanged)
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString defaultPdfPath READ defaultPdfPath NOTIFY sheetChanged)

public:
    explicit PublicationController(QObject* parent = nullptr);
    PublicationController(AppContext& app, QObject* parent = nullptr);

    QString date() const { return date_; }
    void setDate(const QString& d);
    // false: the sheet of one day; true: Monday-Friday of that day's week (any weekend day with
    // homework included).
    bool week() const { return week_; }
    void setWeek(bool w);
    QString html() const { return html_; }
    QString dateError() const { return dateError_; }
    QStringList printers() const { return printers_; }
    QString defaultPrinter() const { return defaultPrinter_; }
    QString status() const { return status_; }
    // Where the save dialog starts: Documents (or home), 作业公示-<date>.pdf.
    QString defaultPdfPath() const;

    // A4 PDF, written beside the target and renamed into place.
    Q_INVOKABLE bool savePdf(const QUrl& file);
    // Sends the sheet to a printer of printers(); copies 1-50.
    Q_INVOKABLE bool print(const QString& printerName, int copies);
    Q_INVOKABLE void refreshPrinters();
    // The painting both paths share, on an already configured printer (tests print to a PDF file).
    bool printTo(QPrinter& printer);

signals:
    void sheetChanged();
    void printersChanged();
    void statusChanged();

private:
    void rebuild();
    void setStatus(const QString& s);

    AppContext* app_;
    QString date_;
    bool week_ = false;
    QString html_;
    QString dateError_;
    QStringList printers_;
    QString defaultPrinter_;
    QString status_;
};

}  // namespace taizhang
