#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QString>

/**
 * An OVF manifest (.mf): lines `SHA256(name)= hex` (or SHA1, SHA512).
 * The importer checks the descriptor and every file it references against it: each file's
 * digest is computed as it is copied into the import's private staging folder (ImportStaging),
 * so what is checked is exactly what is then converted.
 */
class OvfManifest
{
    Q_DECLARE_TR_FUNCTIONS(OvfManifest)

public:
    /// Larger manifests are refused unread.
    static constexpr qint64 maximumSize = 1024 * 1024;

    /// Parses @p text; on failure error() says which line is wrong.
    static OvfManifest parse(const QByteArray &text);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    bool contains(const QString &name) const { return m_entries.contains(name); }
    QStringList names() const { return m_entries.keys(); }

    /// Checks @p data (in memory) against the entry for @p name. Empty when it matches.
    QString verifyData(const QString &name, const QByteArray &data) const;
    /// The algorithm of the entry for @p name; false when there is none.
    bool algorithm(const QString &name, QCryptographicHash::Algorithm *algorithm) const;
    /// Checks @p hexDigest (lower-case, computed with algorithm()) against the entry for @p name. Empty when it matches.
    QString verifyDigest(const QString &name, const QByteArray &hexDigest) const;

private:
    struct Entry
    {
        QCryptographicHash::Algorithm algorithm;
        QByteArray digest; ///< lower-case hex
    };
    QString compare(const QString &name, const Entry &entry, const QByteArray &actual) const;

    QString m_error;
    QHash<QString, Entry> m_entries;
};
