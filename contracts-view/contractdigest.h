#pragma once

#include "contractparseresult.h"

#include <QByteArray>
#include <QList>
#include <QString>

/**
 * A SHA-256 digest of what contracts allow, for storing consent per
 * appliance. It is taken over the canonical JSON form (ContractJson::Form::
 * Canonical): names and info texts do not count, nor does the order of rules,
 * mounts or expectations. When the digest of the current descriptor differs
 * from the accepted one, ContractDiff tells whether anything widened, so the
 * person is asked again only then.
 */
class ContractDigest
{
public:
    /// The exact bytes that are hashed: compact canonical JSON.
    static QByteArray canonicalForm(const QList<SystemContract> &systems);
    /// Lower-case hex SHA-256 of canonicalForm().
    static QString compute(const QList<SystemContract> &systems);
    /// The digest of a parse result; empty when it was rejected.
    static QString compute(const ContractParseResult &result);
};
