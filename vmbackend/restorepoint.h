#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

/// One restore point of a keep-changes appliance: a read-only qcow2 image in INSTANCE/points/
/// (ID.qcow2) with its metadata beside it (ID.json). Points form a tree: each is backed by its
/// parent point, or by the base image when parent is empty. See docs/recovery.md.
struct RestorePoint
{
    QString id;            ///< short and stable ("1", "2", ...), unique in the instance
    QString parent;        ///< the point this one is backed by; empty for the base
    QDateTime time;        ///< when it was taken (UTC)
    QString reason;        ///< "clean-shutdown", "on-demand", "before-rollback"
    bool breachFree = true; ///< no contract breach was recorded while its changes were made
    bool pinned = false;   ///< never merged away by retention
    QString name;          ///< given by the user; may be empty

    static QString cleanShutdown() { return QStringLiteral("clean-shutdown"); }
    static QString onDemand() { return QStringLiteral("on-demand"); }
    static QString beforeRollback() { return QStringLiteral("before-rollback"); }

    /// A point id is a short decimal number; anything else (from a file or a command line) is refused.
    static bool isValidId(const QString &id);

    QJsonObject toJson() const;
    /// Reads what toJson() wrote; false on anything malformed (the file is untrusted input).
    static bool fromJson(const QJsonObject &object, RestorePoint *point);
};
Q_DECLARE_METATYPE(RestorePoint)
