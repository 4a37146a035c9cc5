#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QSocketNotifier;

/// Watches folders of the personal store with inotify and reports reads and writes of files
/// in them, as they happen (no polling). Folders are watched recursively, including ones
/// created later; at most MaxWatches folders, beyond which incomplete() is emitted once.
///
/// inotify does not say which process acted: while a folder is exported to a running
/// appliance, its changes are attributed to that appliance (see docs/enforcement.md).
class StoreAccessWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxWatches = 4096;

    explicit StoreAccessWatcher(QObject *parent = nullptr);
    ~StoreAccessWatcher() override;

    /// Watches @p hostPath, reported as store folder @p storeFolder. Returns false when inotify
    /// is unavailable or @p hostPath cannot be watched.
    bool watch(const QString &storeFolder, const QString &hostPath);
    /// Stops watching everything.
    void clear();

Q_SIGNALS:
    /// A file in @p storeFolder was created, written, moved in or deleted; @p relativePath is
    /// relative to the folder; @p grownBytes is how much the file grew since last seen (0 when
    /// unknown or it shrank).
    void written(const QString &storeFolder, const QString &relativePath, qint64 grownBytes);
    /// A file in @p storeFolder was read.
    void read(const QString &storeFolder, const QString &relativePath);
    /// A file was found in a folder that appeared after watching began: it was written before
    /// the folder's watch existed, so nothing more is known about it.
    void discovered(const QString &storeFolder, const QString &relativePath, qint64 sizeBytes);
    /// The watch limit was reached: changes below some folders are not seen.
    void incomplete(const QString &storeFolder);

private:
    struct Watch
    {
        QString storeFolder;
        QString root;
        QString path;
    };
    void addTree(const QString &storeFolder, const QString &root, const QString &path, bool isNew);
    void onReadable();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QHash<int, Watch> m_watches;
    QHash<QString, qint64> m_sizes;
    bool m_reportedIncomplete = false;
};
