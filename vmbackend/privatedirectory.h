#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

/**
 * A folder that only this user can change, opened once and used through its descriptor
 * (openat, renameat), so nobody can swap it or plant a link in it between a check and a use.
 *
 * open() walks the folder's canonical path from `/` and refuses it when any folder above it
 * can be changed by another user (owned by someone other than root or us, or writable by
 * others without the sticky bit), when the folder itself is a symbolic link, belongs to
 * another user, or others may write to it (they could have put links there already). A
 * folder of ours that others may only read is tightened to 0700. New folders are made 0700.
 *
 * Files are made O_CREAT|O_EXCL|O_NOFOLLOW|O_CLOEXEC with mode 0600; writeFile() replaces one
 * atomically (a temporary file made that way, then renamed over it); readFile() reads only a
 * regular file of ours that nobody else may write.
 *
 * Used for the runtime folder (TesseraPaths::runtimeDir()), the egress gateway's pid and
 * policy files, and the importer's staging folder. Errors are translated, for people.
 * Move-only; closes its descriptor.
 */
class PrivateDirectory
{
    Q_DECLARE_TR_FUNCTIONS(PrivateDirectory)

public:
    enum class Creation { OpenExisting, CreateIfMissing };

    PrivateDirectory() = default;
    ~PrivateDirectory();
    PrivateDirectory(PrivateDirectory &&other) noexcept;
    PrivateDirectory &operator=(PrivateDirectory &&other) noexcept;
    PrivateDirectory(const PrivateDirectory &) = delete;
    PrivateDirectory &operator=(const PrivateDirectory &) = delete;

    /// Opens (or makes) the folder @p path as described above; !isValid() with errorString() otherwise.
    static PrivateDirectory open(const QString &path, Creation creation);
    /// Opens (or makes) the folder @p name inside this one, with the same checks.
    PrivateDirectory child(const QString &name, Creation creation) const;

    bool isValid() const { return m_fd >= 0; }
    /// Why open() or child() refused, for people.
    QString errorString() const { return m_error; }
    /// The canonical path of the folder.
    QString path() const { return m_path; }
    int descriptor() const { return m_fd; }
    QString filePath(const QString &name) const { return m_path + QLatin1Char('/') + name; }

    /// Makes the file @p name (exclusive, no link followed, 0600) and returns its descriptor,
    /// open for writing (the caller closes it); -1 with @p error when it exists or cannot be made.
    int createFile(const QString &name, QString *error) const;
    /// Replaces @p name with @p data atomically (temporary file + rename, synced).
    bool writeFile(const QString &name, const QByteArray &data, QString *error) const;
    /// Reads @p name: a regular file (not a link) of this user that nobody else may write,
    /// at most @p maxBytes.
    bool readFile(const QString &name, qint64 maxBytes, QByteArray *data, QString *error) const;
    /// Removes the file or socket @p name (never follows a link; a missing one is fine).
    bool removeFile(const QString &name) const;

    /// True when every folder on the canonical path of @p path, @p path included, can be
    /// changed only by root or this user (or is sticky, like /tmp); @p error says which not.
    static bool isSafePath(const QString &path, QString *error);
    /// An invalid folder whose errorString() is @p error.
    static PrivateDirectory withError(const QString &error);
    /// True when @p name names an entry of a folder: not empty, no "/", not "." nor "..".
    static bool isPlainName(const QString &name);

private:
    static PrivateDirectory openAt(int parentFd, const QString &parentPath, const QString &name, Creation creation);

    int m_fd = -1;
    QString m_path;
    QString m_error;
};
