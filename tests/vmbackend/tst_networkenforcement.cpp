// What a contract's network part compiles to on an unprivileged connection: no rules, no
// NIC; rules: restricted user networking to the gateway, inbound forwards, a policy file.
#include "domainxmlbuilder.h"
#include "enforcementplan.h"
#include "gatewaypolicy.h"
#include "gatewayprocess.h"
#include "networkcontract.h"

#include <QDomDocument>
#include <QFile>
#include <QProcess>
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
        // Single ports only; below 1024 moved up by 10000.
        QCOMPARE(network.inbound.size(), 2);
        QCOMPARE(network.inbound.at(0).hostPort, 8080);
        QCOMPARE(network.inbound.at(0).guestPort, 8080);
        QCOMPARE(network.inbound.at(1).hostPort, 10022);
        QCOMPARE(network.inbound.at(1).guestPort, 22);

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
        QVERIFY(netdev.contains(QStringLiteral("hostfwd=tcp:127.0.0.1:8080-:8080")));
        QVERIFY(netdev.contains(QStringLiteral("hostfwd=tcp:127.0.0.1:10022-:22")));
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
