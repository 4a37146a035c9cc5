#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

/// What is known about one quarantined system disk (INSTANCE/quarantine/ID/record.json):
/// when and why it was taken out of service, the image its changes are relative to, and the
/// breaches recorded while it was in use.
struct QuarantineRecord
{
    QString id;            ///< folder name, e.g. "20261123T174012Z"
    QString appliance;
    QDateTime time;        ///< when it was quarantined (UTC)
    QString reason;
    QString backingImage;  ///< the image the delta is relative to (inside the quarantine when it was linked there)
    QString originalBacking; ///< the backing recorded in the delta when it was quarantined
    QString cleanImage;    ///< the image the appliance's new system disk was made on
    qint64 deltaBytes = 0; ///< size of the delta file
    QJsonArray breaches;   ///< BreachEvent JSON of the session(s) the delta was in use

    QJsonObject toJson() const;
    /// Reads what toJson() wrote; false on anything malformed.
    static bool fromJson(const QJsonObject &object, QuarantineRecord *record);
};
