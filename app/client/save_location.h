#pragma once
// Where the app's save dialogs (backup, 作业公示 PDF, CSV export) start: the user's Documents
// folder, or the home folder on a PC without one.
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QString>

namespace taizhang {

inline QString defaultSavePath(const QString& fileName)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) folder = QDir::homePath();
    return QDir(folder).filePath(fileName);
}

}  // namespace taizhang
