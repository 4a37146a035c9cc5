#include "restorepoint.h"

namespace {

constexpr int MaxNameLength = 200;
constexpr int MaxReasonLength = 40;

} // namespace

bool RestorePoint::isValidId(const QString &id)
{
    if (id.isEmpty() || id.size() > 9)
        return false;
    for (const QChar c : id) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

QJsonObject RestorePoint::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("parent"), parent},
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("breachFree"), breachFree},
        {QStringLiteral("pinned"), pinned},
        {QStringLiteral("name"), name},
    };
}

bool RestorePoint::fromJson(const QJsonObject &object, RestorePoint *point)
{
    RestorePoint read;
    read.id = object.value(QStringLiteral("id")).toString();
    read.parent = object.value(QStringLiteral("parent")).toString();
    read.time = QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    read.reason = object.value(QStringLiteral("reason")).toString();
    read.breachFree = object.value(QStringLiteral("breachFree")).toBool(false);
    read.pinned = object.value(QStringLiteral("pinned")).toBool(false);
    read.name = object.value(QStringLiteral("name")).toString();
    if (!isValidId(read.id) || (!read.parent.isEmpty() && !isValidId(read.parent)) || read.parent == read.id
        || !read.time.isValid() || read.reason.size() > MaxReasonLength || read.name.size() > MaxNameLength)
        return false;
    read.time = read.time.toUTC();
    *point = read;
    return true;
}
