#include "qt_convert.h"

#include <QVariantList>
#include <QVariantMap>

namespace taizhang {

QStringList toQStringList(const std::vector<std::string>& v)
{
    QStringList out;
    out.reserve(static_cast<qsizetype>(v.size()));
    for (const auto& s : v) out << qs(s);
    return out;
}

QVariant jsonToVariant(const Json& j)
{
    switch (j.type()) {
    case Json::value_t::object: {
        QVariantMap m;
        for (auto it = j.begin(); it != j.end(); ++it) m.insert(qs(it.key()), jsonToVariant(it.value()));
        return m;
    }
    case Json::value_t::array: {
        QVariantList l;
        for (const auto& e : j) l << jsonToVariant(e);
        return l;
    }
    case Json::value_t::string: return qs(j.get<std::string>());
    case Json::value_t::boolean: return j.get<bool>();
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return QVariant::fromValue<qlonglong>(j.get<long long>());
    case Json::value_t::number_float: return j.get<double>();
    default: return {};
    }
}

}  // namespace taizhang
