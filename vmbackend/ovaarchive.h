#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

/**
 * An OVA: a POSIX tar holding an OVF package. Read with GNU tar (QProcess), not
 * with our own tar parser. list() reports each member's name, type and size so
 * the importer can refuse links, special files and unexpected names before
 * anything is extracted; extract() takes only members named explicitly.
 *
 * Blocking: call from a worker thread.
 */
class OvaArchive
{
    Q_DECLARE_TR_FUNCTIONS(OvaArchive)

public:
    struct Member
    {
        QString name;
        char type = '?';   ///< first letter of tar's mode column: '-' regular, 'l' symlink, 'h' hard link, 'd' folder...
        qint64 size = 0;
        bool isRegularFile() const { return type == '-'; }
    };

    explicit OvaArchive(const QString &path);

    /// Lists the members; false with @p error when tar cannot read the archive.
    bool list(QList<Member> *members, QString *error) const;
    /// A member's content in memory (at most @p maxBytes); false with @p error otherwise.
    bool read(const QString &member, qint64 maxBytes, QByteArray *data, QString *error) const;
    /// Extracts @p member into @p directory (no owners, no permissions from the archive).
    /// @p onProgress gets the bytes written so far, now and then; returning false stops tar.
    bool extract(const QString &member, const QString &directory, QString *error,
                 const std::function<bool(qint64)> &onProgress = {}) const;

private:
    QString m_path;
};
