#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QSocketNotifier;

/// Watches folders of the personal store with inotify and reports reads and writes of files
/// in them, as they happen (no polling). Folders are watched recursively, including ones
/// created or moved in later; at most MaxWatches folders, beyond which incomplete() is
/// emitted once. Names are raw bytes (StorePath): a name that is not UTF-8 is reported too.
///
/// A rename is reported under both names (MovedAway, then MovedIn). When the kernel's event
/// queue overflows, events were lost: every watched folder is walked again, each file whose
/// size, modification time or inode differs from what was last seen (or that appeared or
/// disappeared) is reported as Rescanned or Removed, and overflowed() follows, so a flood of
/// events cannot hide a change.
///
/// inotify does not say which process acted: while a folder is exported to a running
/// appliance, its changes are attributed to that appliance (see docs/enforcement.md).
class StoreAccessWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxWatches = 4096;

    /// What happened to a name.
    enum class Operation {
        Written,        ///< content written (or an empty file created)
        MovedIn,        ///< renamed to this name (from inside the store or from outside)
        MovedAway,      ///< renamed away from this name
        Removed,        ///< deleted
        FolderAppeared, ///< a folder was created or moved in (its files follow as discovered())
        FolderGone,     ///< a folder was deleted or moved away, with everything below it
        Rescanned,      ///< found changed by the walk after a queue overflow
    };
    Q_ENUM(Operation)

    explicit StoreAccessWatcher(QObject *parent = nullptr);
    ~StoreAccessWatcher() override;

    /// Watches @p hostPath, reported as store folder @p storeFolder. Returns false when inotify
    /// is unavailable or @p hostPath cannot be watched.
    bool watch(const QString &storeFolder, const QString &hostPath);
    /// Stops watching everything.
    void clear();
    /// Walks every watched folder again as after a queue overflow (see the class comment).
    void rescan();

Q_SIGNALS:
    /// A file in @p storeFolder was created, written, moved in or away, or deleted (@p operation
    /// says which); @p relativePath is relative to the folder; @p grownBytes is how much the
    /// file grew since last seen (0 when unknown or it shrank).
    void written(const QString &storeFolder, const QString &relativePath, qint64 grownBytes,
                 StoreAccessWatcher::Operation operation);
    /// A file in @p storeFolder was read.
    void read(const QString &storeFolder, const QString &relativePath);
    /// A file was found in a folder that appeared after watching began: it was written before
    /// the folder's watch existed, so nothing more is known about it.
    void discovered(const QString &storeFolder, const QString &relativePath, qint64 sizeBytes);
    /// The watch limit was reached: changes below some folders are not seen.
    void incomplete(const QString &storeFolder);
    /// The kernel's queue overflowed; @p storeFolder was walked again and what differed was
    /// reported (written() with Rescanned or Removed).
    void overflowed(const QString &storeFolder);

private:
    struct Watch
    {
        QString storeFolder;
        QString root;
        QString path;
    };
    struct FileState
    {
        qint64 size = 0;
        qint64 modifiedNs = 0;
        quint64 inode = 0;
        bool operator==(const FileState &other) const
        {
            return size == other.size && modifiedNs == other.modifiedNs && inode == other.inode;
        }
    };
    void addTree(const QString &storeFolder, const QString &root, const QString &path, bool isNew);
    void forgetTree(const QString &path);
    void onReadable();
    static bool stateOf(const QString &path, FileState *state);

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QHash<int, Watch> m_watches;
    QHash<QString, FileState> m_files; ///< every file seen in a watched folder, by absolute path
    bool m_reportedIncomplete = false;
};
