#include "contractdigest.h"

#include "contractjson.h"

#include <QCryptographicHash>
#include <QJsonDocument>

QByteArray ContractDigest::canonicalForm(const QList<SystemContract> &systems)
{
    // QJsonObject keeps keys sorted, so the compact form is canonical.
    return QJsonDocument(ContractJson::fromSystems(systems, ContractJson::Form::Canonical)).toJson(QJsonDocument::Compact);
}

QString ContractDigest::compute(const QList<SystemContract> &systems)
{
    return QString::fromLatin1(QCryptographicHash::hash(canonicalForm(systems), QCryptographicHash::Sha256).toHex());
}

QString ContractDigest::compute(const ContractParseResult &result)
{
    return result.ok ? compute(result.systems) : QString();
}
