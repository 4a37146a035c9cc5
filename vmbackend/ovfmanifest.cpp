#include "ovfmanifest.h"

#include <QRegularExpression>

OvfManifest OvfManifest::parse(const QByteArray &text)
{
    OvfManifest manifest;
    static const QRegularExpression line(QStringLiteral("^(SHA1|SHA256|SHA512)\\(([^()]+)\\)\\s*=\\s*([0-9A-Fa-f]+)$"));
    int number = 0;
    for (const QByteArray &raw : text.split('\n')) {
        ++number;
        const QString content = QString::fromUtf8(raw).trimmed();
        if (content.isEmpty())
            continue;
        const QRegularExpressionMatch match = line.match(content);
        if (!match.hasMatch()) {
            manifest.m_error = tr("manifest line %1 is not “SHA256(file)= digest”.").arg(number);
            return manifest;
        }
        Entry entry;
        const QString algorithm = match.captured(1);
        entry.algorithm = algorithm == QLatin1String("SHA1")     ? QCryptographicHash::Sha1
                          : algorithm == QLatin1String("SHA256") ? QCryptographicHash::Sha256
                                                                 : QCryptographicHash::Sha512;
        entry.digest = match.captured(3).toLower().toLatin1();
        if (entry.digest.size() != QCryptographicHash::hashLength(entry.algorithm) * 2
            || manifest.m_entries.contains(match.captured(2))) {
            manifest.m_error = tr("manifest line %1 has a digest of the wrong length, or names a file twice.").arg(number);
            return manifest;
        }
        manifest.m_entries.insert(match.captured(2), entry);
    }
    return manifest;
}

QString OvfManifest::compare(const QString &name, const Entry &entry, const QByteArray &actual) const
{
    if (actual == entry.digest)
        return {};
    return tr("“%1” does not match the package's manifest: it was changed or damaged on the way.").arg(name);
}

QString OvfManifest::verifyData(const QString &name, const QByteArray &data) const
{
    const auto it = m_entries.constFind(name);
    if (it == m_entries.cend())
        return tr("The manifest has no checksum for “%1”.").arg(name);
    return compare(name, *it, QCryptographicHash::hash(data, it->algorithm).toHex());
}

bool OvfManifest::algorithm(const QString &name, QCryptographicHash::Algorithm *algorithm) const
{
    const auto it = m_entries.constFind(name);
    if (it == m_entries.cend())
        return false;
    *algorithm = it->algorithm;
    return true;
}

QString OvfManifest::verifyDigest(const QString &name, const QByteArray &hexDigest) const
{
    const auto it = m_entries.constFind(name);
    if (it == m_entries.cend())
        return tr("The manifest has no checksum for “%1”.").arg(name);
    return compare(name, *it, hexDigest);
}
