#pragma once

#include "privatedirectory.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QString>

#include <functional>
#include <memory>

/**
 * The private folder (NAME.importing/package) that a package's files are copied into, once,
 * before anything verifies or converts them. Each file is made there O_EXCL|O_NOFOLLOW with
 * mode 0600, its bytes are counted against the import's limit as they are written, and its
 * digest (for the manifest) is computed from the very bytes written. Checks and `qemu-img`
 * then read only these copies, which no other user can change or swap for a link.
 *
 * Files come from an OVA (OvaArchive::extract() calls begin/append/finish) or from a
 * descriptor's folder (copyFrom() a descriptor OvfFolder opened once).
 */
class ImportStaging
{
    Q_DECLARE_TR_FUNCTIONS(ImportStaging)

public:
    /// Makes (or opens) the private folder @p path; at most @p maximumBytes are written in total.
    ImportStaging(const QString &path, qint64 maximumBytes);
    ~ImportStaging();

    bool isValid() const { return m_dir.isValid(); }
    QString errorString() const { return m_dir.errorString(); }

    /// The digest to compute for @p name as it is written (from the manifest); none by default.
    void setDigestAlgorithm(const QString &name, QCryptographicHash::Algorithm algorithm) { m_algorithms.insert(name, algorithm); }
    /// Called with the bytes written so far, now and then; returning false stops the copy.
    void setProgressHandler(const std::function<bool(qint64)> &handler) { m_progress = handler; }

    /// Starts the copy of @p name; false when it exists already or cannot be made.
    bool begin(const QString &name, QString *error);
    /// Appends to the file begun; false (and the file removed) past the limit or when stopped.
    bool append(const char *data, qint64 size, QString *error);
    /// Ends the file begun.
    bool finish(QString *error);
    /// Drops the file begun.
    void abort();
    /// Copies all of the open file @p fd (read from its start) as @p name.
    bool copyFrom(const QString &name, int fd, QString *error);

    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    /// The lower-case hex digest of @p name, when an algorithm was set for it.
    QByteArray digest(const QString &name) const { return m_digests.value(name); }
    qint64 totalBytes() const { return m_total; }

private:
    PrivateDirectory m_dir;
    qint64 m_maximum;
    qint64 m_total = 0;
    qint64 m_lastProgress = 0;
    QHash<QString, QCryptographicHash::Algorithm> m_algorithms;
    QHash<QString, QByteArray> m_digests;
    std::function<bool(qint64)> m_progress;

    // The file being written.
    int m_fd = -1;
    QString m_name;
    std::unique_ptr<QCryptographicHash> m_hash;
};
