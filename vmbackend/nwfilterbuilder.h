#pragma once

#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

struct SystemContract;

/// Compiles a contract's network rules into a libvirt nwfilter (privileged connections only:
/// session libvirt cannot define filters). Everything no rule allows is dropped: the filter
/// takes libvirt's clean-traffic for layer 2 (no MAC, IP or ARP spoofing; IPv4 and ARP only),
/// admits the DHCP exchange the libvirt network needs, then the outbound rules that name
/// their addresses, then refuses what the session mode's gateway refuses to `any` (special
/// blocks such as loopback, private, link-local and 169.254.169.254, and this machine's
/// addresses), then the other inbound and outbound rules with an IP address, prefix or `any`,
/// then drops all other IPv4 and IPv6. libvirt matches tcp/udp/icmp statefully, so replies to
/// allowed connections pass.
///
/// Rules that nwfilter cannot express are left out, which denies their traffic: DNS names
/// (nwfilter matches addresses, and a name resolves to different ones over time), references
/// to other virtual systems, and peer rules (not this appliance's traffic).
class NwfilterBuilder
{
public:
    /// More rules than this are left out (and so denied): a bound on a hostile contract.
    static constexpr int MaximumRules = 1024;
    /// libvirt's filter against spoofing, which the filter includes (package
    /// libvirt-daemon-config-nwfilter on Debian).
    static constexpr const char *CleanTrafficFilter = "clean-traffic";

    struct Result
    {
        QString name;            ///< the filter's name, as the domain's <filterref> names it
        QString xml;             ///< <filter> for virNWFilterDefineXML
        QStringList leftOut;     ///< canonical forms of the rules left out (their traffic is denied)
        int compiledRules = 0;   ///< contract rules that became filter rules
    };

    /// The filter name for an appliance: "tessera-" and the name, limited to [A-Za-z0-9_.-].
    static QString filterName(const QString &applianceName);
    /// Compiles @p contract's rules into the filter @p name. @p hostAddresses are this
    /// machine's (refused to `any` like the special blocks).
    static Result build(const SystemContract &contract, const QString &name, const QList<QHostAddress> &hostAddresses);
    /// The parameters of the interface's <filterref> (clean-traffic's: learn the guest's
    /// address from DHCP only).
    static QMap<QString, QString> interfaceParameters();
};
