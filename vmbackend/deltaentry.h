#pragma once

#include <QMetaType>
#include <QString>

/// One difference between a quarantined system disk and the clean state it was made on, as
/// the inspector VM reported it (DeltaReport checked and sanitised every field).
struct DeltaEntry
{
    enum class Change { Added, Removed, Modified };
    enum class Type { File, Directory, Link, Other };

    Change change = Change::Added;
    Type type = Type::File;
    QString path;          ///< absolute guest path, printable (undecodable bytes shown as \xHH)
    QByteArray rawPath;    ///< the path's bytes as the guest filesystem holds them
    int mode = 0;          ///< permission bits (07777)
    qint64 size = 0;
    qint64 mtime = 0;      ///< seconds since the epoch, as the guest recorded it
    QString sha256;        ///< 64 hex digits for regular files hashed by the inspector, else empty
    QString linkTarget;    ///< symbolic links: the printable target
    QString persistence;   ///< the persistence spot the path is in (PersistenceSpots), empty if none

    bool isPersistence() const { return !persistence.isEmpty(); }
};
Q_DECLARE_METATYPE(DeltaEntry)
