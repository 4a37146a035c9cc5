#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class ImportStaging;

/**
 * An OVA: a POSIX tar holding an OVF package, read with libarchive (never by parsing a tool's
 * listing). The archive file is opened once, by the constructor; every later pass (list, read,
 * extract) reads that same open file, whatever happens to its path since.
 *
 * list() reports each member's name, type and size so the importer can refuse links, special
 * files and unexpected names before anything is extracted; extract() copies only the members
 * named, only when they are still plain files, into an ImportStaging (which bounds what is
 * really written). Only uncompressed tar is read (OVF 2.0, section 5.3).
 *
 * Blocking: call from a worker thread.
 */
class OvaArchive
{
    Q_DECLARE_TR_FUNCTIONS(OvaArchive)

public:
    struct Member
    {
        enum class Type { File, Folder, SymbolicLink, HardLink, Special };
        QString name;
        Type type = Type::Special;
        qint64 size = 0; ///< from the member's header; what extract() writes is counted anew
        bool isRegularFile() const { return type == Type::File; }
    };

    /// Opens @p path (a regular file) for reading; isOpen() tells whether that worked.
    explicit OvaArchive(const QString &path);
    ~OvaArchive();
    OvaArchive(const OvaArchive &) = delete;
    OvaArchive &operator=(const OvaArchive &) = delete;

    bool isOpen() const { return m_fd >= 0; }
    /// Why the archive could not be opened.
    QString openError() const { return m_openError; }

    /// Lists the members; false with @p error when the archive cannot be read as tar.
    bool list(QList<Member> *members, QString *error) const;
    /// The content of the first member called @p member, at most @p maxBytes; false with @p error otherwise.
    bool read(const QString &member, qint64 maxBytes, QByteArray *data, QString *error) const;
    /// Copies each member named in @p members into @p staging under the same name. Refuses a
    /// named member that is not a plain file or appears twice, and one that is missing.
    bool extract(const QStringList &members, ImportStaging *staging, QString *error) const;

private:
    struct Reader;

    QString m_path;
    QString m_openError;
    int m_fd = -1;
};
