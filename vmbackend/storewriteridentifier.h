#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QSocketNotifier;

/// Names who finished writing a file in the store: with fanotify (which needs CAP_SYS_ADMIN,
/// so only when Tessera runs as root) each write reports the writer's process, and a QEMU
/// process is mapped to its appliance by its `-name guest=tessera-NAME`. Without fanotify
/// isAvailable() is false and the caller falls back to attribution by mount.
class StoreWriterIdentifier : public QObject
{
    Q_OBJECT
public:
    explicit StoreWriterIdentifier(QObject *parent = nullptr);
    ~StoreWriterIdentifier() override;

    bool isAvailable() const { return m_fd >= 0; }
    /// Reports writes to files directly in @p folder (call it for every folder of the tree).
    bool markFolder(const QString &folder);
    /// Reads pending events now (before handling an inotify event for the same write).
    void drain();
    /// The appliance a process belongs to ("" when it is not an appliance's QEMU).
    static QString applianceOfProcess(qint64 pid);

Q_SIGNALS:
    /// @p absolutePath (raw name, StorePath) was closed after writing by process @p pid, of
    /// @p appliance ("" = not an appliance).
    void written(const QString &absolutePath, qint64 pid, const QString &appliance);
    /// fanotify's queue overflowed: some writes were not reported (the caller walks the store).
    void overflowed();

private:
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QHash<qint64, QString> m_applianceOfPid;
};
