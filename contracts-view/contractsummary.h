#pragma once

#include "contractgrant.h"
#include "enforcementoracle.h"
#include "systemcontract.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

/**
 * The plain-language reading of one system's contract: what it grants,
 * ranked by the damage it could do, the dangerous combinations among those
 * grants, and one headline sentence for the launch dialog.
 *
 * Each grant carries the enforcement status on this machine from an
 * EnforcementOracle; by default nothing is enforced yet.
 */
class ContractSummary
{
    Q_DECLARE_TR_FUNCTIONS(ContractSummary)

public:
    /// Reads @p contract, with enforcement statuses from @p oracle.
    explicit ContractSummary(const SystemContract &contract, const EnforcementOracle &oracle = EnforcementOracle::notEnforcedYet());

    /// Every grant and limit, highest risk first; ties keep group order.
    QList<ContractGrant> grants() const { return m_grants; }
    /// Dangerous combinations and the lack of a contract, worst first.
    QStringList warnings() const { return m_warnings; }
    /// One sentence: the worst warning, or else the riskiest grant.
    QString headline() const;
    /// The highest risk among grants and warnings.
    ContractGrant::Risk overallRisk() const { return m_overallRisk; }

    /// A sentence for one rule, by its direction.
    static QString describeRule(const NetworkRule &rule);
    /// Out to anywhere or a huge prefix is high; open to anyone medium; peers low.
    static ContractGrant::Risk ruleRisk(const NetworkRule &rule);
    /// A sentence for one mount.
    static QString describeMount(const MountGrant &mount);
    /// Read-write is high, read-only medium.
    static ContractGrant::Risk mountRisk(const MountGrant &mount);
    /// A sentence for one activity expectation.
    static QString describeExpectation(const ActivityExpectation &expectation);

private:
    void addNetwork(const SystemContract &contract);
    void addFiles(const SystemContract &contract);
    void addResources(const SystemContract &contract);
    void addDisplay(const SystemContract &contract);
    void addWarnings(const SystemContract &contract);
    void add(ContractGrant::Group group, ContractGrant::Risk risk, ContractElement element, const QString &text);

    static QString protocolPhrase(NetworkRule::Protocol protocol);
    static QString portPhrase(NetworkRule::Protocol protocol, const PortRange &ports);
    static QString addressPhrase(const NetworkAddress &address);

    const EnforcementOracle &m_oracle;
    QString m_systemId;
    QList<ContractGrant> m_grants;
    QStringList m_warnings;
    ContractGrant::Risk m_overallRisk = ContractGrant::Risk::None;
    bool m_noNetworkNoFiles = false;
};
