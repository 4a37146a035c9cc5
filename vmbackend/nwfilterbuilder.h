#pragma once

#include <QString>
#include <QStringList>

struct SystemContract;

/// Compiles a contract's network rules into a libvirt nwfilter (privileged connections only:
/// session libvirt cannot define filters). Everything no rule allows is dropped: the filter
/// admits ARP and the DHCP exchange the libvirt network needs, then each inbound and outbound
/// rule with an IP address or prefix, then drops all other IPv4, IPv6 and layer-2 traffic.
/// libvirt matches tcp/udp/icmp statefully, so replies to allowed connections pass.
///
/// Rules that nwfilter cannot express are left out, which denies their traffic: DNS names
/// (nwfilter matches addresses, and a name resolves to different ones over time), references
/// to other virtual systems, and peer rules (not this appliance's traffic).
class NwfilterBuilder
{
public:
    /// More rules than this are left out (and so denied): a bound on a hostile contract.
    static constexpr int MaximumRules = 1024;

    struct Result
    {
        QString name;            ///< the filter's name, as the domain's <filterref> names it
        QString xml;             ///< <filter> for virNWFilterDefineXML
        QStringList leftOut;     ///< canonical forms of the rules left out (their traffic is denied)
        int compiledRules = 0;   ///< contract rules that became filter rules
    };

    /// The filter name for an appliance: "tessera-" and the name, limited to [A-Za-z0-9_.-].
    static QString filterName(const QString &applianceName);
    /// Compiles @p contract's rules into the filter @p name.
    static Result build(const SystemContract &contract, const QString &name);
};
