#pragma once

#include "contractgrant.h"
#include "systemcontract.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

/**
 * What widened between the contract a person accepted and the current one:
 * each change is a plain-language line, so the shell can ask again showing
 * only what is new. Narrowing is not a change worth asking about.
 *
 * Widened exactly when ContractComparison would not call the current
 * contract equal to or tighter than the accepted one (declared values).
 */
class ContractDiff
{
    Q_DECLARE_TR_FUNCTIONS(ContractDiff)

public:
    struct Change
    {
        /// The dimension key as in ContractComparison (`network.rules`, ...).
        QString dimension;
        /// What is new, with its group and risk; systemId names the system.
        ContractGrant grant;
    };

    /// Changes of one system. Rules, mounts: each current entry the accepted
    /// ones do not cover. Limits: each one raised or removed. Expectations:
    /// each accepted promise no longer kept.
    static QList<Change> widenings(const SystemContract &accepted, const SystemContract &current);
    /// Changes of a descriptor; systems are paired as ContractComparison does,
    /// and a new system is a change in itself.
    static QList<Change> widenings(const QList<SystemContract> &accepted, const QList<SystemContract> &current);

private:
    static QString limitChange(const QString &what, const QString &before, const QString &after);
    static Change change(const QString &dimension, const QString &systemId, ContractGrant::Group group, ContractGrant::Risk risk,
                         const QString &text);
};
