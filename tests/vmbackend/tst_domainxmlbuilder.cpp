#include "domainxmlbuilder.h"

#include <QDomDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestDomainXmlBuilder : public QObject
{
    Q_OBJECT

    static DomainSpec sampleSpec()
    {
        DomainSpec spec;
        spec.name = QStringLiteral("tessera-terminal");
        spec.kernel = QStringLiteral("/cache/vmlinuz");
        spec.initrd = QStringLiteral("/cache/initrd.img");
        spec.kernelCommandLine = QStringLiteral("root=/dev/vda rw quiet");
        spec.systemDisk = QStringLiteral("/data/system.qcow2");
        spec.toolsDisk = QStringLiteral("/cache/tools.img");
        spec.spiceSocket = QStringLiteral("/run/user/1000/tessera/terminal.spice");
        spec.consoleLog = QStringLiteral("/data/console.log");
        return spec;
    }

    static QString attribute(const QDomDocument &doc, const QString &path, const QString &name)
    {
        QDomElement element = doc.documentElement();
        for (const QString &step : path.split(QLatin1Char('/')))
            element = element.firstChildElement(step);
        return element.attribute(name);
    }

private Q_SLOTS:
    void validatesAgainstLibvirtSchema_data()
    {
        QTest::addColumn<int>("accelerator");
        QTest::addColumn<bool>("withTools");
        QTest::addColumn<bool>("bootFromDisk");
        QTest::newRow("tcg with tools disk") << int(Accelerator::Tcg) << true << false;
        QTest::newRow("kvm without tools disk") << int(Accelerator::Kvm) << false << false;
        QTest::newRow("imported, own bootloader") << int(Accelerator::Tcg) << true << true;
    }

    void validatesAgainstLibvirtSchema()
    {
        QFETCH(int, accelerator);
        QFETCH(bool, withTools);
        QFETCH(bool, bootFromDisk);
        DomainSpec spec = sampleSpec();
        spec.accelerator = Accelerator::Kind(accelerator);
        if (!withTools)
            spec.toolsDisk.clear();
        if (bootFromDisk) {
            spec.kernel.clear();
            spec.initrd.clear();
        }
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("domain.xml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(DomainXmlBuilder::build(spec).toUtf8());
        file.close();

        QProcess validate;
        validate.start(QStringLiteral("virt-xml-validate"), {file.fileName(), QStringLiteral("domain")});
        QVERIFY(validate.waitForFinished(30000));
        QVERIFY2(validate.exitCode() == 0, validate.readAllStandardError().constData());
    }

    void carriesTheSpec()
    {
        DomainSpec spec = sampleSpec();
        QDomDocument doc;
        QVERIFY(doc.setContent(DomainXmlBuilder::build(spec)));
        QCOMPARE(doc.documentElement().attribute(QStringLiteral("type")), QStringLiteral("qemu"));
        QCOMPARE(doc.documentElement().firstChildElement(QStringLiteral("name")).text(), spec.name);
        QCOMPARE(attribute(doc, QStringLiteral("devices/graphics/listen"), QStringLiteral("socket")), spec.spiceSocket);
        QCOMPARE(attribute(doc, QStringLiteral("devices/channel/target"), QStringLiteral("name")), QStringLiteral("org.tessera.agent.0"));
        QCOMPARE(attribute(doc, QStringLiteral("devices/video/model"), QStringLiteral("type")), QStringLiteral("virtio"));

        // The system disk is writable, the tools disk is read-only.
        const QDomNodeList disks = doc.elementsByTagName(QStringLiteral("disk"));
        QCOMPARE(disks.size(), 2);
        QCOMPARE(disks.at(0).firstChildElement(QStringLiteral("source")).attribute(QStringLiteral("file")), spec.systemDisk);
        QVERIFY(disks.at(0).firstChildElement(QStringLiteral("readonly")).isNull());
        QCOMPARE(disks.at(1).firstChildElement(QStringLiteral("source")).attribute(QStringLiteral("file")), spec.toolsDisk);
        QVERIFY(!disks.at(1).firstChildElement(QStringLiteral("readonly")).isNull());
    }

    void importedApplianceBootsFromItsDisk()
    {
        DomainSpec spec = sampleSpec();
        spec.kernel.clear();
        spec.initrd.clear();
        QDomDocument doc;
        QVERIFY(doc.setContent(DomainXmlBuilder::build(spec)));
        const QDomElement os = doc.documentElement().firstChildElement(QStringLiteral("os"));
        QCOMPARE(os.firstChildElement(QStringLiteral("boot")).attribute(QStringLiteral("dev")), QStringLiteral("hd"));
        QVERIFY(os.firstChildElement(QStringLiteral("kernel")).isNull());
        QVERIFY(os.firstChildElement(QStringLiteral("cmdline")).isNull());
        // With a kernel, no boot device: direct kernel boot as before.
        QVERIFY(doc.setContent(DomainXmlBuilder::build(sampleSpec())));
        QVERIFY(doc.documentElement().firstChildElement(QStringLiteral("os")).firstChildElement(QStringLiteral("boot")).isNull());
    }

    void escapesHostileValues()
    {
        DomainSpec spec = sampleSpec();
        spec.kernelCommandLine = QStringLiteral("quiet</cmdline><evil/>&amp;");
        QDomDocument doc;
        QVERIFY(doc.setContent(DomainXmlBuilder::build(spec)));
        QCOMPARE(doc.documentElement().firstChildElement(QStringLiteral("os")).firstChildElement(QStringLiteral("cmdline")).text(),
                 spec.kernelCommandLine);
    }

    void uuidIsStablePerName()
    {
        QCOMPARE(DomainXmlBuilder::uuidFor(QStringLiteral("tessera-a")), DomainXmlBuilder::uuidFor(QStringLiteral("tessera-a")));
        QVERIFY(DomainXmlBuilder::uuidFor(QStringLiteral("tessera-a")) != DomainXmlBuilder::uuidFor(QStringLiteral("tessera-b")));
    }
};

QTEST_GUILESS_MAIN(TestDomainXmlBuilder)
#include "tst_domainxmlbuilder.moc"
