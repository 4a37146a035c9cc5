// What a contract's network part compiles to on an unprivileged connection: no rules, no
// NIC; rules: restricted user networking to the gateway, inbound forwards, a policy file.
// Inbound forwards come from free high ports on 127.0.0.1 chosen at launch, never from the
// contract's port number (InboundPortMap).
#include "domainxmlbuilder.h"
#include "enforcementplan.h"
#include "gatewaypolicy.h"
#include "gatewayprocess.h"
#include "inboundportmap.h"
#include "networkcontract.h"

#include <QDomDocument>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

class TestNetworkEnforcement : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    EnforcementContext context() const
    {
        EnforcementContext context;
        context.applianceName = QStringLiteral("terminal");
        context.runtimeDir = m_dir.path();
        context.logDir = m_dir.filePath(QStringLiteral("logs"));
        context.instanceDir = m_dir.filePath(QStringLiteral("instance"));
        return context;
    }

    static DomainSpec baseSpec()
    {
        DomainSpec spec;
        spec.name = QStringLiteral("tessera-terminal");
        spec.kernel = QStringLiteral("/cache/vmlinuz");
        spec.initrd = QStringLiteral("/cache/initrd.img");
        spec.systemDisk = QStringLiteral("/data/system.qcow2");
        spec.spiceSocket = QStringLiteral("/run/t/terminal.spice");
        return spec;
    }

private Q_SLOTS:
    void noRulesNoNic()
    {
        const SystemContract contract = networkContract(QStringLiteral("terminal"), QString());
        const EnforcementPlan plan = EnforcementPlan::compile(contract, context(), baseSpec());
        QVERIFY(!plan.spec().network.enabled);
        const QString xml = DomainXmlBuilder::build(plan.spec());
        QVERIFY(!xml.contains(QStringLiteral("netdev")));
        QVERIFY(!xml.contains(QStringLiteral("<interface")));
    }

    void rulesCompileToRestrictedUserNetworking()
    {
        const SystemContract contract = networkContract(
            QStringLiteral("terminal"),
            networkRule(QStringLiteral("tcp"), QStringLiteral("any"), QStringLiteral("443"))
                + networkRule(QStringLiteral("udp"), QStringLiteral("any"), QStringLiteral("53"))
                + networkRule(QStringLiteral("tcp"), QStringLiteral("<DstAddr ovf:id=\"terminal\"/>"), QStringLiteral("8080"))
                + networkRule(QStringLiteral("tcp"), QStringLiteral("<DstAddr ovf:id=\"terminal\"/>"), QStringLiteral("22"))
                + networkRule(QStringLiteral("tcp"), QStringLiteral("<DstAddr ovf:id=\"terminal\"/>"), QStringLiteral("9000-9010")),
            QStringLiteral("<OutgoingRate average=\"256\"/><IncomingRate average=\"1\" unit=\"MiB/s\" burst=\"64\"/>"));
        QCOMPARE(contract.rules.size(), 5);
        const EnforcementPlan plan = EnforcementPlan::compile(contract, context(), baseSpec());
        const GuestNetwork network = plan.spec().network;
        QVERIFY(network.enabled);
        QCOMPARE(network.gatewaySocket, m_dir.filePath(QStringLiteral("terminal.gateway")));
        // Single ports only; their host ports are chosen at launch (none recorded yet).
        QCOMPARE(network.inbound.size(), 2);
        QCOMPARE(network.inbound.at(0).guestPort, 8080);
        QCOMPARE(network.inbound.at(0).hostPort, 0);
        QCOMPARE(network.inbound.at(1).guestPort, 22);
        QCOMPARE(network.inbound.at(1).hostPort, 0);

        // The policy the gateway will read: the outbound tcp rule and both rates.
        QFile policyFile(GatewayProcess::policyPathFor(network.gatewaySocket));
        QVERIFY(policyFile.open(QIODevice::ReadOnly));
        GatewayPolicy policy;
        QString error;
        QVERIFY2(GatewayPolicy::fromJson(policyFile.readAll(), &policy, &error), qPrintable(error));
        QCOMPARE(policy.rules.size(), 1);
        QCOMPARE(policy.rules.at(0).index, 0);
        QCOMPARE(policy.rules.at(0).firstPort, quint16(443));
        QCOMPARE(policy.outgoingAverage, 256.0 * 1024);
        QCOMPARE(policy.incomingAverage, 1024.0 * 1024);
        QCOMPARE(policy.incomingBurst, 64.0 * 1024);
        QCOMPARE(policy.logDir, context().logDir);

        const QString xml = DomainXmlBuilder::build(plan.spec());
        QDomDocument doc;
        QVERIFY(doc.setContent(xml, true));
        const QDomNodeList args = doc.elementsByTagNameNS(QStringLiteral("http://libvirt.org/schemas/domain/qemu/1.0"), QStringLiteral("arg"));
        QCOMPARE(args.size(), 4);
        const QString netdev = args.at(1).toElement().attribute(QStringLiteral("value"));
        // Restricted by default and from every contract; only bench-gateway's own launch clears it.
        QVERIFY(GuestNetwork().restricted);
        QVERIFY(network.restricted);
        DomainSpec unrestricted = baseSpec();
        unrestricted.network.restricted = false;
        QVERIFY(EnforcementPlan::compile(contract, context(), unrestricted).spec().network.restricted);
        QVERIFY2(netdev.startsWith(QStringLiteral("user,id=tnet0,restrict=on,")), qPrintable(netdev));
        QVERIFY(netdev.contains(QStringLiteral("guestfwd=tcp:10.0.2.100:3128-unix:") + network.gatewaySocket));
        // No forward before its port is chosen (never the contract's own port on the host).
        QVERIFY2(!netdev.contains(QStringLiteral("hostfwd")), qPrintable(netdev));
        QVERIFY(!netdev.contains(QStringLiteral("9000")));
        const QString device = args.at(3).toElement().attribute(QStringLiteral("value"));
        QVERIFY(device.startsWith(QStringLiteral("virtio-net-pci,netdev=tnet0,bus=pci.0,addr=0x1f,mac=52:54:00:")));
        // Stable per domain name.
        QCOMPARE(DomainXmlBuilder::build(plan.spec()), xml);

        // libvirt's own schema accepts it.
        QFile file(m_dir.filePath(QStringLiteral("domain.xml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(xml.toUtf8());
        file.close();
        QProcess validate;
        validate.start(QStringLiteral("virt-xml-validate"), {file.fileName(), QStringLiteral("domain")});
        QVERIFY(validate.waitForFinished(30000));
        QVERIFY2(validate.exitCode() == 0, validate.readAllStandardError().constData());
    }

    void inboundPortsAreChosenAtLaunch()
    {
        // A service of this computer already listens on the port the contract opens.
        QTcpServer realService;
        QVERIFY(realService.listen(QHostAddress::LocalHost));
        const quint16 servicePort = realService.serverPort();
        const SystemContract contract = networkContract(
            QStringLiteral("terminal"),
            networkRule(QStringLiteral("tcp"), QStringLiteral("<DstAddr ovf:id=\"terminal\"/>"), QString::number(servicePort))
                + networkRule(QStringLiteral("tcp"), QStringLiteral("<DstAddr ovf:id=\"terminal\"/>"), QStringLiteral("5432")));
        const EnforcementContext where = context();
        QList<HostForward> forwards = EnforcementPlan::compile(contract, where, baseSpec()).spec().network.inbound;
        QCOMPARE(forwards.size(), 2);

        QVERIFY(!InboundPortMap::assign(where.instanceDir, &forwards).isError());
        QCOMPARE(forwards.at(0).guestPort, int(servicePort));
        QCOMPARE(forwards.at(1).guestPort, 5432);
        for (const HostForward &forward : std::as_const(forwards)) {
            // Never the contract's port, even where it is free; a high port that was free.
            QVERIFY(forward.hostPort != forward.guestPort);
            QVERIFY(forward.hostPort >= 1024);
            QTcpServer probe;
            QVERIFY2(probe.listen(QHostAddress::LocalHost, quint16(forward.hostPort)), qPrintable(probe.errorString()));
        }
        QVERIFY(forwards.at(0).hostPort != forwards.at(1).hostPort);
        QCOMPARE(InboundPortMap::describe(forwards).at(1),
                 QStringLiteral("Port 5432 of the appliance is at 127.0.0.1:%1 here.").arg(forwards.at(1).hostPort));

        // Recorded: the next compile (a shell started later) knows them, and the domain forwards them.
        const EnforcementPlan again = EnforcementPlan::compile(contract, where, baseSpec());
        QCOMPARE(again.spec().network.inbound.at(0).hostPort, forwards.at(0).hostPort);
        QCOMPARE(again.spec().network.inbound.at(1).hostPort, forwards.at(1).hostPort);
        const QString xml = DomainXmlBuilder::build(again.spec());
        QVERIFY(xml.contains(QStringLiteral("hostfwd=tcp:127.0.0.1:%1-:5432").arg(forwards.at(1).hostPort)));
        QVERIFY(!xml.contains(QStringLiteral("hostfwd=tcp:127.0.0.1:%1-").arg(servicePort)));

        // The next launch keeps a recorded port that is still free (the ready state stays valid)...
        QList<HostForward> next = again.spec().network.inbound;
        QVERIFY(!InboundPortMap::assign(where.instanceDir, &next).isError());
        QCOMPARE(next.at(0).hostPort, forwards.at(0).hostPort);
        QCOMPARE(next.at(1).hostPort, forwards.at(1).hostPort);
        // ...and moves one that something else took since.
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, quint16(forwards.at(1).hostPort)));
        QVERIFY(!InboundPortMap::assign(where.instanceDir, &next).isError());
        QCOMPARE(next.at(0).hostPort, forwards.at(0).hostPort);
        QVERIFY(next.at(1).hostPort != forwards.at(1).hostPort);
        QCOMPARE(InboundPortMap::read(where.instanceDir).at(1).hostPort, next.at(1).hostPort);

        // A record that is not what Tessera writes is ignored, not trusted.
        QFile record(InboundPortMap::path(where.instanceDir));
        QVERIFY(record.open(QIODevice::WriteOnly | QIODevice::Truncate));
        record.write(R"({"version":1,"forwards":[{"guestPort":5432,"hostPort":22}]})");
        record.close();
        QVERIFY(InboundPortMap::read(where.instanceDir).isEmpty());
        // No inbound rules any more: no record left to show stale ports.
        QList<HostForward> none;
        QVERIFY(!InboundPortMap::assign(where.instanceDir, &none).isError());
        QVERIFY(!QFile::exists(InboundPortMap::path(where.instanceDir)));
    }

    void statusIsReported()
    {
        const SystemContract contract = networkContract(QStringLiteral("terminal"),
                                                        networkRule(QStringLiteral("tcp"), QStringLiteral("any"), QStringLiteral("80")));
        const EnforcementPlan plan = EnforcementPlan::compile(contract, context(), baseSpec());
        // Proven by tst_network_e2e on a real guest.
        QCOMPARE(plan.status(ContractElement::NetworkRules), EnforcementStatus::Enforced);
        QCOMPARE(plan.status(ContractElement::OutgoingRate), EnforcementStatus::Enforced);
        QCOMPARE(plan.status(ContractElement::IncomingRate), EnforcementStatus::Enforced);
    }
};

QTEST_GUILESS_MAIN(TestNetworkEnforcement)
#include "tst_networkenforcement.moc"
