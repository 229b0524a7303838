#pragma once
// Conversions between core types and Qt types, used only at the adapter edge (core has no Qt).
#include <cstdint>
#include <optional>
#include <string>

#include <QString>
#include <QStringList>
#include <QVariant>

#include "date.h"
#include "records.h"
#include "typed_text.h"

namespace taizhang {

inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string ss(const QString& s) { return s.toStdString(); }
inline QString qs(const Date& d) { return QString::fromStdString(d.toString()); }
// What people type, read by core's one reading (core/typed_text.h): 2026-09-01, 2026/9/1, 2026.9.1,
// 2026年9月1日; full-width digits (３０) as a Chinese input method leaves them.
inline std::optional<Date> dateFrom(const QString& s) { return parseTypedDate(s.toStdString()); }
inline std::optional<int> intFrom(const QString& s)
{
    const auto v = parseTypedInteger(s.toStdString());
    if (!v || *v < INT32_MIN || *v > INT32_MAX) return std::nullopt;
    return static_cast<int>(*v);
}
inline std::optional<double> decimalFrom(const QString& s) { return parseTypedDecimal(s.toStdString()); }

QStringList toQStringList(const std::vector<std::string>& v);
// nlohmann JSON -> QVariant (objects become QVariantMap), for showing audit bodies in QML.
QVariant jsonToVariant(const Json& j);

}  // namespace taizhang
