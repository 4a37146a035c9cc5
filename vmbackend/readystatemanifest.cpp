#include "readystatemanifest.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace {

QString canonical(const QString &path)
{
    const QString resolved = QFileInfo(path).canonicalFilePath();
    return resolved.isEmpty() ? path : resolved;
}

} // namespace

QJsonObject ReadyStateManifest::toJson() const
{
    return {
        {QStringLiteral("version"), version},
        {QStringLiteral("base"), QJsonObject{{QStringLiteral("path"), basePath}, {QStringLiteral("identity"), baseIdentity}}},
        {QStringLiteral("tools"), QJsonObject{{QStringLiteral("path"), toolsPath}, {QStringLiteral("sha256"), toolsHash}}},
        {QStringLiteral("domainXmlSha256"), domainXmlHash},
        {QStringLiteral("created"), created.toUTC().toString(Qt::ISODateWithMs)},
    };
}

ReadyStateManifest ReadyStateManifest::fromJson(const QJsonObject &object)
{
    ReadyStateManifest manifest;
    manifest.version = object.value(QStringLiteral("version")).toInt(0);
    const QJsonObject base = object.value(QStringLiteral("base")).toObject();
    manifest.basePath = base.value(QStringLiteral("path")).toString();
    manifest.baseIdentity = base.value(QStringLiteral("identity")).toString();
    const QJsonObject tools = object.value(QStringLiteral("tools")).toObject();
    manifest.toolsPath = tools.value(QStringLiteral("path")).toString();
    manifest.toolsHash = tools.value(QStringLiteral("sha256")).toString();
    manifest.domainXmlHash = object.value(QStringLiteral("domainXmlSha256")).toString();
    manifest.created = QDateTime::fromString(object.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    return manifest;
}

QString ReadyStateManifest::mismatch(const ReadyStateManifest &recorded, const ReadyStateManifest &current)
{
    if (recorded.version != CurrentVersion)
        return QStringLiteral("manifest version %1, expected %2").arg(recorded.version).arg(CurrentVersion);
    if (recorded.basePath.isEmpty() || recorded.baseIdentity.isEmpty() || recorded.domainXmlHash.isEmpty())
        return QStringLiteral("manifest incomplete");
    if (recorded.basePath != current.basePath)
        return QStringLiteral("base image moved (%1 -> %2)").arg(recorded.basePath, current.basePath);
    if (recorded.baseIdentity != current.baseIdentity)
        return QStringLiteral("base image changed");
    if (recorded.toolsPath != current.toolsPath)
        return QStringLiteral("tools disk moved (%1 -> %2)").arg(recorded.toolsPath, current.toolsPath);
    if (recorded.toolsHash != current.toolsHash)
        return QStringLiteral("tools disk changed");
    if (recorded.domainXmlHash != current.domainXmlHash)
        return QStringLiteral("domain definition changed");
    return {};
}

ReadyStateManifest ReadyStateManifest::describe(const QString &baseDisk, const QString &recipeHash, const QString &toolsDisk,
                                                const QString &domainXml)
{
    ReadyStateManifest manifest;
    manifest.basePath = canonical(baseDisk);
    manifest.baseIdentity = baseIdentityOf(baseDisk, recipeHash);
    if (!toolsDisk.isEmpty()) {
        manifest.toolsPath = canonical(toolsDisk);
        manifest.toolsHash = fileHash(toolsDisk);
    }
    manifest.domainXmlHash = textHash(domainXml);
    manifest.created = QDateTime::currentDateTimeUtc();
    return manifest;
}

QString ReadyStateManifest::baseIdentityOf(const QString &baseDisk, const QString &recipeHash)
{
    const QFileInfo info(baseDisk);
    if (!info.exists())
        return {};
    return QStringLiteral("%1:%2:%3").arg(recipeHash).arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
}

QString ReadyStateManifest::fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

QString ReadyStateManifest::textHash(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}
