#include "quarantinerecord.h"

QJsonObject QuarantineRecord::toJson() const
{
    return {
        {QStringLiteral("version"), 1},
        {QStringLiteral("id"), id},
        {QStringLiteral("appliance"), appliance},
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("backing"), backingImage},
        {QStringLiteral("originalBacking"), originalBacking},
        {QStringLiteral("clean"), cleanImage},
        {QStringLiteral("deltaBytes"), double(deltaBytes)},
        {QStringLiteral("breaches"), breaches},
    };
}

bool QuarantineRecord::fromJson(const QJsonObject &object, QuarantineRecord *record)
{
    if (object.value(QStringLiteral("version")).toInt() != 1)
        return false;
    QuarantineRecord r;
    r.id = object.value(QStringLiteral("id")).toString();
    r.appliance = object.value(QStringLiteral("appliance")).toString();
    r.time = QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    r.reason = object.value(QStringLiteral("reason")).toString();
    r.backingImage = object.value(QStringLiteral("backing")).toString();
    r.originalBacking = object.value(QStringLiteral("originalBacking")).toString();
    r.cleanImage = object.value(QStringLiteral("clean")).toString();
    r.deltaBytes = qint64(object.value(QStringLiteral("deltaBytes")).toDouble());
    r.breaches = object.value(QStringLiteral("breaches")).toArray();
    if (r.id.isEmpty() || !r.time.isValid())
        return false;
    *record = r;
    return true;
}
