// ResourceEnforcement: the contract's resource limits become the guest's size, <iotune> on the
// system disk and (privileged only) a <cputune> quota; each element's status is truthful.
// The guest-side proof is tests/e2e/tst_limits_e2e.cpp.
#include "contractparser.h"
#include "domainxmlbuilder.h"
#include "enforcementplan.h"
#include "resourceenforcement.h"

#include <QDomDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

SystemContract parseResources(const QString &children)
{
    const QString ovf = QStringLiteral("<?xml version='1.0'?>"
                                       "<Envelope xmlns='http://schemas.dmtf.org/ovf/envelope/1' xmlns:ovf='http://schemas.dmtf.org/ovf/envelope/1'"
                                       " xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xmlns:ns='urn:tessera:contract:1'>"
                                       "<VirtualSystem ovf:id='app'><Info>test</Info>"
                                       "<ns:ContractSection xsi:type='ovf:ResourceContract_Type'><Info>r</Info>%1</ns:ContractSection>"
                                       "</VirtualSystem></Envelope>")
                            .arg(children);
    const ContractParseResult result = ContractParser::parse(ovf.toUtf8(), QStringLiteral("test.ovf"));
    if (!result.ok || result.systems.isEmpty())
        qFatal("test contract rejected: %s", qPrintable(result.error));
    return result.systems.first();
}

DomainSpec baseSpec()
{
    DomainSpec spec;
    spec.name = QStringLiteral("tessera-app");
    spec.kernel = QStringLiteral("/cache/vmlinuz");
    spec.initrd = QStringLiteral("/cache/initrd.img");
    spec.kernelCommandLine = QStringLiteral("root=/dev/vda rw");
    spec.systemDisk = QStringLiteral("/data/system.qcow2");
    spec.toolsDisk = QStringLiteral("/cache/tools.img");
    spec.spiceSocket = QStringLiteral("/run/tessera/app.spice");
    return spec;
}

EnforcementPlan compile(const QString &children, bool privileged)
{
    EnforcementContext context;
    context.privileged = privileged;
    context.applianceName = QStringLiteral("app");
    return EnforcementPlan::compile(parseResources(children), context, baseSpec());
}

QString statusKey(const EnforcementPlan &plan, ContractElement element)
{
    return EnforcementOracle::statusKey(plan.status(element));
}

QDomElement child(QDomElement element, const QString &path)
{
    for (const QString &step : path.split(QLatin1Char('/')))
        element = element.firstChildElement(step);
    return element;
}

} // namespace

class TestResourceEnforcement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sizing_data()
    {
        QTest::addColumn<QString>("children");
        QTest::addColumn<int>("vcpus");
        QTest::addColumn<int>("memoryMiB");
        const DomainSpec base = baseSpec();
        const int hostCores = qMax(1, QThread::idealThreadCount());
        QTest::newRow("nothing given keeps the base") << QStringLiteral("<CPUQuota>50</CPUQuota>") << base.vcpus << base.memoryMiB;
        QTest::newRow("one cpu, 512 MiB") << QStringLiteral("<CPUs>1</CPUs><Memory>512</Memory>") << 1 << 512;
        QTest::newRow("GiB") << QStringLiteral("<Memory unit=\"GiB\">1.5</Memory>") << base.vcpus << 1536;
        QTest::newRow("fraction rounds down") << QStringLiteral("<Memory>300.9</Memory>") << base.vcpus << 300;
        QTest::newRow("below boot minimum stays what the contract says") << QStringLiteral("<Memory>64</Memory>") << base.vcpus << 64;
        QTest::newRow("more cpus than host cores") << QStringLiteral("<CPUs>4096</CPUs>") << hostCores << base.memoryMiB;
    }

    void sizing()
    {
        QFETCH(QString, children);
        QFETCH(int, vcpus);
        QFETCH(int, memoryMiB);
        const EnforcementPlan plan = compile(children, false);
        QCOMPARE(plan.spec().vcpus, vcpus);
        QCOMPARE(plan.spec().memoryMiB, memoryMiB);
    }

    void statuses_data()
    {
        QTest::addColumn<QString>("children");
        QTest::addColumn<bool>("privileged");
        QTest::addColumn<QStringList>("expected"); // cpus, memory, cpuQuota, diskRates, diskIops
        const QString all = QStringLiteral("<CPUs>1</CPUs><Memory>512</Memory><CPUQuota>50</CPUQuota>"
                                           "<DiskReadRate average=\"4\" unit=\"MiB/s\"/><DiskWriteRate average=\"2048\"/>"
                                           "<DiskReadIOPS>100</DiskReadIOPS><DiskWriteIOPS>50</DiskWriteIOPS>");
        const QString privilegedQuota = EnforcementOracle::statusKey(ResourceEnforcement::PrivilegedCpuQuotaStatus);
        QTest::newRow("session: quota only monitored")
            << all << false << QStringList{"enforced", "enforced", "monitored", "enforced", "enforced"};
        QTest::newRow("system: quota by cgroup")
            << all << true << QStringList{"enforced", "enforced", privilegedQuota, "enforced", "enforced"};
        QTest::newRow("nothing limited") << QStringLiteral("") << false
                                         << QStringList{"not-enforced", "not-enforced", "not-enforced", "not-enforced", "not-enforced"};
        QTest::newRow("write rate only") << QStringLiteral("<DiskWriteRate average=\"1\" unit=\"MiB/s\"/>") << false
                                         << QStringList{"not-enforced", "not-enforced", "not-enforced", "enforced", "not-enforced"};
    }

    void statuses()
    {
        QFETCH(QString, children);
        QFETCH(bool, privileged);
        QFETCH(QStringList, expected);
        const EnforcementPlan plan = compile(children, privileged);
        const QStringList actual{statusKey(plan, ContractElement::Cpus), statusKey(plan, ContractElement::Memory),
                                 statusKey(plan, ContractElement::CpuQuota), statusKey(plan, ContractElement::DiskRates),
                                 statusKey(plan, ContractElement::DiskIops)};
        QCOMPARE(actual, expected);
    }

    void ioTuneOnTheSystemDisk()
    {
        const EnforcementPlan plan = compile(QStringLiteral("<DiskReadRate average=\"4\" unit=\"MiB/s\" peak=\"8\"/>"
                                                            "<DiskWriteRate average=\"2048\"/><DiskWriteIOPS>50</DiskWriteIOPS>"),
                                             false);
        const DiskIoTune io = plan.spec().systemDiskIoTune;
        QCOMPARE(io.readBytesPerSec, 4 * 1024 * 1024);
        QCOMPARE(io.writeBytesPerSec, 2048 * 1024);
        QCOMPARE(io.readIopsPerSec, 0);
        QCOMPARE(io.writeIopsPerSec, 50);

        QDomDocument doc;
        QVERIFY(doc.setContent(DomainXmlBuilder::build(plan.spec())));
        const QDomNodeList disks = doc.elementsByTagName(QStringLiteral("disk"));
        QCOMPARE(disks.size(), 2);
        const QDomElement system = disks.at(0).toElement();
        QCOMPARE(child(system, QStringLiteral("target")).attribute(QStringLiteral("dev")), QStringLiteral("vda"));
        QCOMPARE(child(system, QStringLiteral("iotune/read_bytes_sec")).text(), QStringLiteral("4194304"));
        QCOMPARE(child(system, QStringLiteral("iotune/write_bytes_sec")).text(), QStringLiteral("2097152"));
        QCOMPARE(child(system, QStringLiteral("iotune/write_iops_sec")).text(), QStringLiteral("50"));
        QVERIFY(child(system, QStringLiteral("iotune/read_iops_sec")).isNull());
        // The tools disk is read-only and not the appliance's: no limits there.
        QVERIFY(disks.at(1).firstChildElement(QStringLiteral("iotune")).isNull());
        // Session: no <cputune>, which would make the domain fail to start.
        QVERIFY(doc.documentElement().firstChildElement(QStringLiteral("cputune")).isNull());
    }

    void cpuTuneOnlyWhenPrivileged()
    {
        QCOMPARE(compile(QStringLiteral("<CPUQuota>50</CPUQuota>"), false).spec().cpuQuotaPercent, 0);
        const EnforcementPlan plan = compile(QStringLiteral("<CPUQuota>150.5</CPUQuota>"), true);
        QCOMPARE(plan.spec().cpuQuotaPercent, 150);
        QDomDocument doc;
        QVERIFY(doc.setContent(DomainXmlBuilder::build(plan.spec())));
        const QDomElement tune = doc.documentElement().firstChildElement(QStringLiteral("cputune"));
        QCOMPARE(tune.firstChildElement(QStringLiteral("global_period")).text(), QStringLiteral("100000"));
        QCOMPARE(tune.firstChildElement(QStringLiteral("global_quota")).text(), QStringLiteral("150000"));
    }

    void cpuTuneWithCgroupsOnAnUnprivilegedConnection()
    {
        // The embedded driver run as root: not qemu:///system, but cgroup tunes work there.
        EnforcementContext context;
        context.cgroupTunes = true;
        context.applianceName = QStringLiteral("app");
        const EnforcementPlan plan = EnforcementPlan::compile(parseResources(QStringLiteral("<CPUQuota>40</CPUQuota>")), context, baseSpec());
        QCOMPARE(plan.spec().cpuQuotaPercent, 40);
        QCOMPARE(plan.status(ContractElement::CpuQuota), EnforcementStatus::Enforced);
    }

    void quotaBounds()
    {
        QCOMPARE(ResourceEnforcement::cpuQuotaPercentFor(0.2), 1);
        QCOMPARE(ResourceEnforcement::cpuQuotaPercentFor(1e12), int(ResourceEnforcement::MaximumCpuQuotaPercent));
        QCOMPARE(ResourceEnforcement::memoryMiBFor(1e15), int(ResourceEnforcement::MaximumMemoryMiB));
    }

    void validatesAgainstLibvirtSchema_data()
    {
        QTest::addColumn<bool>("privileged");
        QTest::newRow("session") << false;
        QTest::newRow("system") << true;
    }

    void validatesAgainstLibvirtSchema()
    {
        QFETCH(bool, privileged);
        const EnforcementPlan plan = compile(QStringLiteral("<CPUs>1</CPUs><Memory>512</Memory><CPUQuota>50</CPUQuota>"
                                                            "<DiskReadRate average=\"4\" unit=\"MiB/s\"/><DiskWriteRate average=\"2048\"/>"
                                                            "<DiskReadIOPS>100</DiskReadIOPS><DiskWriteIOPS>50</DiskWriteIOPS>"),
                                             privileged);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("domain.xml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(DomainXmlBuilder::build(plan.spec()).toUtf8());
        file.close();
        QProcess validate;
        validate.start(QStringLiteral("virt-xml-validate"), {file.fileName(), QStringLiteral("domain")});
        QVERIFY(validate.waitForFinished(30000));
        QVERIFY2(validate.exitCode() == 0, validate.readAllStandardError().constData());
    }
};

QTEST_GUILESS_MAIN(TestResourceEnforcement)
#include "tst_resourceenforcement.moc"
