#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <sys/stat.h>

class QIODevice;

/// The one way Tessera reads and writes files of the personal store. Below the root nothing
/// is followed through a link: every path is walked a component at a time with O_NOFOLLOW
/// (a guest can plant links and swap folders for links at any moment). Names are raw bytes
/// (StorePath). Every write and removal is registered with StoreOwnWrites under an actor, so
/// the monitor and the history know it is Tessera's and never blame an appliance for it; undo,
/// kept copies, salvage and any future "save a copy back" go through write()/remove().
///
/// A write goes to a staging name beside the target ("NAME.tessera-undo", or "-1".."-9" after
/// it when that is taken), created O_CREAT|O_EXCL|O_NOFOLLOW (a planted link or hard link is
/// never written through), with the given mode, synced, then renamed over the target and the
/// folder synced: a crash leaves either the old or the new file, never a mix.
///
/// Blocking: call it off the GUI thread where files may be large.
class StoreFiles
{
    Q_DECLARE_TR_FUNCTIONS(StoreFiles)
public:
    static constexpr char StagingSuffix[] = ".tessera-undo";
    /// Mode of a file written with an unknown original mode: only its owner may read it.
    static constexpr int DefaultMode = 0600;

    /// @p root is the store root; it may be a link (the person's choice) and is resolved once.
    explicit StoreFiles(const QString &root);

    /// The canonical root (surrogate-escaped, StorePath); empty when the root does not exist.
    QString root() const { return m_root; }
    QString absolute(const QString &relative) const { return m_root + QLatin1Char('/') + relative; }

    struct WriteOptions
    {
        QString actor;          ///< who Tessera writes for, e.g. StoreJournal::undoActor(APP)
        int mode = DefaultMode; ///< permission bits (setuid, setgid and sticky are dropped)
        QByteArray attributeName; ///< an extended attribute set before the file appears
        QByteArray attributeValue;
    };

    /// Writes @p content (read to its end) as store file @p relative, creating missing folders
    /// (0700). Returns false with a translated @p error; @p hash (optional) is the SHA-256 of
    /// what was written.
    bool write(const QString &relative, QIODevice *content, const WriteOptions &options, QString *error, QString *hash = nullptr) const;
    /// Removes store file @p relative (not a folder); a missing file is not an error.
    bool remove(const QString &relative, const QString &actor, QString *error) const;
    /// Opens regular file @p relative for reading (never a link, a FIFO or a device); -1 with
    /// errno set otherwise. @p st (optional) receives its fstat.
    int openForReading(const QString &relative, struct stat *st = nullptr) const;
    /// Whether @p relative exists (as anything: a link counts), without following links on the way.
    bool exists(const QString &relative) const { return stat(relative, nullptr); }
    /// lstat of @p relative without following links on the way; false when it does not exist.
    bool stat(const QString &relative, struct stat *st) const;

    struct Entry
    {
        QString name; ///< raw name (StorePath)
        bool folder = false;
        bool file = false; ///< a regular file
    };
    /// Writes all @p size bytes of @p data to @p fd (retrying short writes and EINTR).
    static bool writeAll(int fd, const char *data, qint64 size);

    /// The entries of @p absoluteFolder, links neither followed nor listed as folders or files.
    /// Returns false when it cannot be opened as a folder (or is a link).
    static bool list(const QString &absoluteFolder, QList<Entry> *entries);

private:
    int openParent(const QByteArray &relative, bool create, const QString &actor, QByteArray *name) const;

    QString m_root;
};
