#pragma once
// Conversions between core types and Qt types, used only at the adapter edge (core has no Qt).
#include <optional>
#include <string>

#include <QString>
#include <QStringList>
#include <QVariant>

#include "date.h"
#include "records.h"

namespace taizhang {

inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string ss(const QString& s) { return s.toStdString(); }
inline QString qs(const Date& d) { return QString::fromStdString(d.toString()); }
inline std::optional<Date> dateFrom(const QString& s) { return Date::parse(s.trimmed().toStdString()); }

QStringList toQStringList(const std::vector<std::string>& v);
// nlohmann JSON -> QVariant (objects become QVariantMap), for showing audit bodies in QML.
QVariant jsonToVariant(const Json& j);

}  // namespace taizhang
