#include "networkenforcement.h"

#include "gatewaypolicy.h"
#include "gatewayprocess.h"
#include "inboundportmap.h"
#include "systemcontract.h"
#include "vmbackendlog.h"

#include <QDir>

bool NetworkEnforcement::provenOnRealGuest()
{
    // tests/e2e/tst_network_e2e.cpp proves the egress checks, the outgoing rate and the
    // inbound forward on the terminal appliance; see docs/enforcement.md.
    return true;
}

QList<HostForward> NetworkEnforcement::inboundForwards(const SystemContract &contract)
{
    QList<HostForward> forwards;
    for (const NetworkRule &rule : contract.rules) {
        if (rule.direction != NetworkRule::Direction::In)
            continue;
        if (rule.protocol != NetworkRule::Protocol::Tcp && rule.protocol != NetworkRule::Protocol::Any)
            continue; // no udp path in session mode
        if (rule.dstPort.first() != rule.dstPort.last()) {
            // One hostfwd per port; a range would occupy many host ports for one rule.
            qCInfo(lcVmBackend) << "inbound rule" << rule.canonical() << "names a port range: not forwarded in session mode";
            continue;
        }
        HostForward forward;
        forward.guestPort = rule.dstPort.first();
        // Never the contract's port on the host (a package could stand in for a real service
        // there): a free high port, chosen at launch.
        forward.hostPort = 0;
        bool duplicate = false;
        for (const HostForward &existing : forwards)
            duplicate = duplicate || existing.guestPort == forward.guestPort;
        if (!duplicate)
            forwards.append(forward);
    }
    return forwards;
}

void NetworkEnforcement::apply(const SystemContract &contract, const EnforcementContext &context, DomainSpec *spec,
                               QHash<ContractElement, EnforcementStatus> *status)
{
    const EnforcementStatus held = provenOnRealGuest() ? EnforcementStatus::Enforced : EnforcementStatus::NotEnforced;
    status->insert(ContractElement::NetworkRules, held);
    status->insert(ContractElement::OutgoingRate, held);
    status->insert(ContractElement::IncomingRate, held);
    spec->network.enabled = false;
    spec->network.gatewaySocket.clear();
    spec->network.inbound.clear();
    spec->network.restricted = true; // no contract lifts it (see GuestNetwork::restricted)
    if (contract.rules.isEmpty())
        return; // no rule allows anything: no NIC at all

    spec->network.enabled = true;
    // The ports the last launch chose, so that a shell started while the appliance runs (or a
    // reattach on another host) knows them; a launch checks them again (InboundPortMap::assign).
    spec->network.inbound = InboundPortMap::withRecordedPorts(context.instanceDir, inboundForwards(contract));
    if (context.runtimeDir.isEmpty())
        return;
    spec->network.gatewaySocket = QDir(context.runtimeDir).filePath(context.applianceName + QStringLiteral(".gateway"));
    // Written now (atomically), read by the gateway the launch job starts.
    QString error;
    const GatewayPolicy policy = GatewayPolicy::fromContract(contract, context.logDir);
    if (!policy.save(GatewayProcess::policyPathFor(spec->network.gatewaySocket), &error))
        qCWarning(lcVmBackend) << "cannot write the gateway policy:" << error;
}
