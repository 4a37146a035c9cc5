// An imported appliance launches on a real VM: the terminal appliance's base image is exported
// as a streamOptimized vmdk in an OVA (with its contract, a manifest, and kernel + initrd by
// Tessera's extension, docs/import.md), imported with ApplianceImporter, found by the catalog
// among the imported appliances, booted through libvirt under TCG, and its guest agent answers.
#include "appliancecatalog.h"
#include "applianceimporter.h"
#include "appliancevm.h"
#include "guestdriver.h"
#include "libvirtconnection.h"
#include "spiceconnection.h"
#include "tesserapaths.h"
#include "vmstatewait.h"

#include "../vmbackend/ovatestpackage.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

constexpr int BootTimeoutMs = 240 * 1000; // TCG on a loaded 2-core machine
constexpr int StateTimeoutMs = 60 * 1000;

QString testUri()
{
    // Its own embedded root, kept between runs so QEMU's capabilities are probed only once.
    return geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + TesseraPaths::cacheDir() + QStringLiteral("/e2e-import-libvirt")
                          : QStringLiteral("qemu:///session");
}

/// The terminal's own descriptor with References and a DiskSection for the exported files.
QByteArray exportedDescriptor(const QString &original)
{
    QFile file(original);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray text = file.readAll();
    const QByteArray package =
        "<References>\n"
        "    <File ovf:id=\"system-disk\" ovf:href=\"terminal-disk1.vmdk\"/>\n"
        "    <File ovf:id=\"tessera-kernel\" ovf:href=\"vmlinuz\"/>\n"
        "    <File ovf:id=\"tessera-initrd\" ovf:href=\"initrd.img\"/>\n"
        "  </References>\n"
        "  <DiskSection>\n"
        "    <Info>The system disk</Info>\n"
        "    <Disk ovf:diskId=\"system\" ovf:fileRef=\"system-disk\" ovf:capacity=\"0\"\n"
        "          ovf:format=\"http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized\"/>\n"
        "  </DiskSection>";
    if (!text.contains("<References/>"))
        return {};
    return text.replace("<References/>", package);
}

} // namespace

class TestImportEndToEnd : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    QTemporaryDir m_work;
    LibvirtConnection *m_connection = nullptr;
    ApplianceImage m_terminal;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid() && m_work.isValid());
        m_terminal = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        QVERIFY2(m_terminal.isComplete(), "the terminal appliance is not built: run scripts/setup");
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        m_connection = new LibvirtConnection(testUri(), this);
        QSignalSpy opened(m_connection, &LibvirtConnection::opened);
        QSignalSpy failed(m_connection, &LibvirtConnection::openFailed);
        m_connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 180000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<VmError>().toString()));
    }

    void importedTerminalBootsAndItsAgentAnswers()
    {
        // 1. Export, as another tool would: vmdk + descriptor + manifest, packed with tar.
        const QString pkgDir = m_work.filePath(QStringLiteral("pkg"));
        QVERIFY(QDir().mkpath(pkgDir));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(OvaTestPackage::run(QStringLiteral("qemu-img"),
                                    {QStringLiteral("convert"), QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-O"),
                                     QStringLiteral("vmdk"), QStringLiteral("-o"), QStringLiteral("subformat=streamOptimized"),
                                     m_terminal.baseDisk, pkgDir + QStringLiteral("/terminal-disk1.vmdk")},
                                    {}, 900000));
        QVERIFY(QFile::copy(m_terminal.kernel, pkgDir + QStringLiteral("/vmlinuz")));
        QVERIFY(QFile::copy(m_terminal.initrd, pkgDir + QStringLiteral("/initrd.img")));
        const QByteArray descriptor = exportedDescriptor(m_terminal.descriptor);
        QVERIFY(!descriptor.isEmpty());
        QVERIFY(OvaTestPackage::write(pkgDir + QStringLiteral("/terminal.ovf"), descriptor));
        const QStringList files{QStringLiteral("terminal.ovf"), QStringLiteral("terminal-disk1.vmdk"), QStringLiteral("vmlinuz"),
                                QStringLiteral("initrd.img")};
        QVERIFY(OvaTestPackage::write(pkgDir + QStringLiteral("/terminal.mf"), OvaTestPackage::manifest(pkgDir, files)));
        const QString ova = m_work.filePath(QStringLiteral("terminal.ova"));
        QVERIFY(OvaTestPackage::makeOva(ova, pkgDir, {files.at(0), QStringLiteral("terminal.mf"), files.at(1), files.at(2), files.at(3)}));
        QDir(pkgDir).removeRecursively();
        qInfo("exported the terminal as an OVA of %lld MiB in %.1f s", QFileInfo(ova).size() / (1024 * 1024), timer.elapsed() / 1000.0);

        // 2. Import it under a new name.
        timer.restart();
        ApplianceImporter importer(TesseraPaths::importedAppliancesDir());
        importer.setBuiltAppliancesDir(TesseraPaths::applianceImagesDir());
        const ApplianceImporter::Result result = importer.import(ova, QStringLiteral("imported-terminal"));
        QVERIFY2(result.ok, qPrintable(result.error));
        qInfo("imported in %.1f s", timer.elapsed() / 1000.0);
        QFile::remove(ova);

        // 3. The catalog lists it beside the built ones, and it launches.
        const ApplianceImage image = ApplianceCatalog::findAny(QStringLiteral("imported-terminal"));
        QVERIFY(image.isComplete());
        QVERIFY(image.imported);
        QVERIFY(image.directory.startsWith(m_data.path()));
        bool listed = false;
        for (const ApplianceImage &any : ApplianceCatalog::scanAll())
            listed = listed || any.name == QLatin1String("imported-terminal");
        QVERIFY(listed);

        ApplianceVm vm(m_connection, image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        QString problem;
        QVERIFY2(vm.loadContract(false, &problem), qPrintable(problem));
        vm.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(vm.state() != ApplianceVm::Unknown, 10000);
        if (vm.state() != ApplianceVm::Off) { // left over from an interrupted run
            vm.powerOff();
            QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        }
        SpiceConnection spice;
        GuestDriver driver(&spice);
        timer.restart();
        vm.start();
        QVERIFY(waitForVmState(vm, ApplianceVm::Running, StateTimeoutMs));
        spice.connectToUnixSocket(vm.spec().spiceSocket);
        QVERIFY2(driver.waitForSessionUp(BootTimeoutMs), qPrintable(driver.lastFailure()));
        qInfo("imported appliance: boot to agent up %.1f s", timer.elapsed() / 1000.0);

        // The guest is the exported system: the file the terminal's recipe puts there answers.
        const GuestDriver::ExecResult hostname = driver.exec({QStringLiteral("cat"), QStringLiteral("/etc/hostname")});
        QVERIFY(hostname.finished);
        QCOMPARE(hostname.status, 0);
        QVERIFY(!hostname.output.trimmed().isEmpty());
        const GuestDriver::ExecResult xterm = driver.exec({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("command -v xterm")});
        QCOMPARE(xterm.status, 0);

        vm.stop();
        QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        spice.disconnectFromGuest();
    }
};

QTEST_MAIN(TestImportEndToEnd)
#include "tst_import_e2e.moc"
