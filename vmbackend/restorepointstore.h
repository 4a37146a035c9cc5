#pragma once

#include "restorepoint.h"
#include "vmerror.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

/// The restore points of one keep-changes appliance and the qcow2 chain Tessera owns for them
/// (libvirt 9.0 cannot revert external snapshots): base <- point images (INSTANCE/points/ID.qcow2,
/// read-only) <- the live overlay INSTANCE/system.qcow2. Points form a tree, so going back to an
/// older point keeps the newer ones. Every operation that changes the chain writes an intent
/// file first and commits by rename(2); recover() (run first by every operation) finishes or
/// reverts what a crash interrupted. Blocking (qemu-img, fsync): call on the libvirt worker, with
/// the VM off. See docs/recovery.md, "Restore points".
class RestorePointStore
{
    Q_DECLARE_TR_FUNCTIONS(RestorePointStore)
public:
    static constexpr int DefaultRetention = 5;
    static constexpr int MaxRetention = 100;

    RestorePointStore(const QString &instanceDir, const QString &baseDisk);

    QString directory() const { return m_instanceDir + QStringLiteral("/points"); }
    QString liveOverlay() const { return m_instanceDir + QStringLiteral("/system.qcow2"); }
    QString imagePath(const QString &id) const { return directory() + QLatin1Char('/') + id + QStringLiteral(".qcow2"); }
    QString metadataPath(const QString &id) const { return directory() + QLatin1Char('/') + id + QStringLiteral(".json"); }

    /// The complete points, oldest first.
    QList<RestorePoint> list() const;
    /// The point @p id, or false when there is none.
    bool find(const QString &id, RestorePoint *point) const;
    /// The point the live overlay is on: an id, empty for the base. False when the live overlay
    /// is missing or on something else (e.g. fresh mode's ready disk).
    bool liveParent(QString *id) const;
    /// The live overlay holds writes of its own (qemu-img map finds clusters in it).
    bool liveHasChanges() const;
    /// Since when the live overlay collects changes (its creation time); invalid if unknown.
    QDateTime liveSince() const;

    /// Finishes or reverts an operation a crash interrupted. Returns true when it found one.
    bool recover() const;
    /// Keep-mode launch: makes sure the live overlay is on the base or on a point (a fresh one on
    /// the base otherwise), after recover().
    VmError ensureLive() const;
    /// Turns the live overlay into a new point (read-only) and puts a new empty overlay on it.
    /// The VM must be off. Then applies the retention.
    VmError take(const QString &reason, const QString &name, bool breachFree, RestorePoint *taken = nullptr) const;
    /// A new empty live overlay on point @p id (the base when empty). When the live overlay holds
    /// changes it is first kept as a "before-rollback" point. The VM must be off.
    VmError rollbackTo(const QString &id, bool liveBreachFree) const;
    VmError setPinned(const QString &id, bool pinned) const;
    VmError rename(const QString &id, const QString &name) const;

    /// How many unpinned points are kept (INSTANCE/points/policy.json; DefaultRetention if unset).
    int retention() const;
    VmError setRetention(int keep) const;
    /// Merges away the oldest unpinned points beyond @p keep. The VM must be off.
    VmError applyRetention(int keep) const;
    /// Merges point @p id into its children (qemu-img rebase in safe mode: what each child
    /// shows never changes, even when interrupted) and deletes it. The VM must be off.
    VmError merge(const QString &id) const;

    /// Whether the breach log of @p appliance under @p logsRoot holds no breach from @p since
    /// on (every breach counts when @p since is invalid).
    static bool breachFreeSince(const QString &logsRoot, const QString &appliance, const QDateTime &since);

private:
    QString takeIntentPath() const { return directory() + QStringLiteral("/take.intent"); }
    QString mergeIntentPath() const { return directory() + QStringLiteral("/merge.intent"); }
    QString parentImage(const QString &id) const;
    QString nextId() const;
    VmError writeMetadata(const RestorePoint &point) const;
    VmError finishMerge(const QJsonObject &intent) const;
    bool recoverTake() const;

    QString m_instanceDir;
    QString m_baseDisk;
};
