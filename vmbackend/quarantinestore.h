#pragma once

#include "quarantinerecord.h"
#include "vmerror.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

/// The quarantined system disks of one appliance: INSTANCE/quarantine/ID/ with delta.qcow2
/// (the overlay taken out of service), record.json, and what the inspector left there
/// (report.txt, outbox/). Only a folder with a plain name counts: ID.tmp/ is a recovery in
/// progress, ID.purging/ a purge in progress. Blocking (file I/O): call off the GUI thread.
class QuarantineStore
{
    Q_DECLARE_TR_FUNCTIONS(QuarantineStore)
public:
    explicit QuarantineStore(const QString &instanceDir);

    QString directory() const { return m_instanceDir + QStringLiteral("/quarantine"); }
    QString folder(const QString &id) const { return directory() + QLatin1Char('/') + id; }
    QString deltaPath(const QString &id) const { return folder(id) + QStringLiteral("/delta.qcow2"); }
    QString recordPath(const QString &id) const { return folder(id) + QStringLiteral("/record.json"); }
    /// The inspector's last report on the delta, as it sent it (untrusted; parse with DeltaReport).
    QString reportPath(const QString &id) const { return folder(id) + QStringLiteral("/report.txt"); }
    /// The folder shared read-write with the inspector VM: reports and salvaged files land here.
    QString outboxPath(const QString &id) const { return folder(id) + QStringLiteral("/outbox"); }

    /// A name recovery could have made: letters, digits and '-', at most 40.
    static bool validId(const QString &id);
    /// The quarantines on disk, oldest first.
    QList<QuarantineRecord> list() const;
    bool contains(const QString &id) const;
    bool read(const QString &id, QuarantineRecord *record) const;
    /// Deletes quarantine @p id: renamed to ID.purging first, so a crash never leaves half of one.
    VmError purge(const QString &id) const;
    /// Removes what an interrupted purge left.
    void removeLeftovers() const;

private:
    QString m_instanceDir;
};
