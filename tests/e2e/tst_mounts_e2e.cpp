// The personal store on the real terminal appliance (TCG, embedded libvirt with its own root,
// its own data and store folders): a contract with one read-only and one read-write mount.
// First through the shell's ApplianceSession: cold boot, ready state captured (nothing mounted
// yet, as QEMU requires), restored, and the folders mounted by the session. Then launched from
// the ready state and mounted as the shell does, and from inside the guest:
// writes to the read-only mount fail (also when the guest mounts that export read-write
// itself), writes to the read-write mount land in the right store folder, and neither `..`
// nor links planted by the guest or on the host reach a file beside the store; reads and
// writes are held to the contract's rates. A second fresh
// launch from the ready state mounts again and sees the file written before.
#include "agentchannel.h"
#include "appliancecatalog.h"
#include "applianceinfo.h"
#include "appliancesession.h"
#include "appliancevm.h"
#include "vmstatewait.h"
#include "contractparser.h"
#include "guestdriver.h"
#include "libvirtconnection.h"
#include "spiceconnection.h"
#include "tesserapaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

constexpr int BootTimeoutMs = 240 * 1000; // TCG on a loaded 2-core machine
constexpr int StateTimeoutMs = 90 * 1000;
constexpr int SessionAfterRestoreTimeoutMs = 60 * 1000;
constexpr int MiB = 1024 * 1024;
const QString ReadOnlyTarget = QStringLiteral("/mnt/shared");
const QString ReadWriteTarget = QStringLiteral("/root/Inbox");

QString testUri()
{
    const QString configured = qEnvironmentVariable("TESSERA_E2E_MOUNTS_URI");
    if (!configured.isEmpty())
        return configured;
    // Never the root of the other e2e tests: they may run at the same time.
    return geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + TesseraPaths::cacheDir() + QStringLiteral("/e2e-mounts-libvirt")
                          : QStringLiteral("qemu:///session");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QStringList listing(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
}

} // namespace

class TestMountsEndToEnd : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    QTemporaryDir m_runtime; // its own SPICE socket: other e2e tests may run the same appliance
    QString m_store;
    QString m_outside;       // beside the store: nothing in the guest may reach it
    QByteArray m_secret;
    LibvirtConnection *m_connection = nullptr;
    ApplianceImage m_image;


    bool connectAndWaitForSession(ApplianceVm &vm, SpiceConnection &spice, GuestDriver &driver, int timeoutMs)
    {
        spice.connectToUnixSocket(vm.spec().spiceSocket);
        if (!driver.waitForSessionUp(timeoutMs)) {
            qWarning() << driver.lastFailure();
            return false;
        }
        return true;
    }

    /// Runs @p script with /bin/sh in the guest; the output is kept for the failure message.
    GuestDriver::ExecResult sh(GuestDriver &driver, const QString &script)
    {
        const GuestDriver::ExecResult result = driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"), script});
        qInfo().noquote() << "guest:" << script << "->" << result.status << QString::fromUtf8(result.output).trimmed().left(300);
        return result;
    }

    /// MiB/s from dd's summary ("4194304 bytes (…) copied, 3.87 s, 1.1 MB/s"); -1 if absent.
    static double ddMiBPerSecond(const GuestDriver::ExecResult &result)
    {
        const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("(\\d+) bytes .* copied, ([0-9.]+) s"))
                                                  .match(QString::fromUtf8(result.output));
        if (result.status != 0 || !match.hasMatch() || match.captured(2).toDouble() <= 0)
            return -1;
        return match.captured(1).toDouble() / MiB / match.captured(2).toDouble();
    }

    SystemContract contract() const
    {
        const QString descriptor = QStringLiteral(
            "<?xml version=\"1.0\"?>\n"
            "<Envelope xmlns=\"http://schemas.dmtf.org/ovf/envelope/1\" xmlns:ovf=\"http://schemas.dmtf.org/ovf/envelope/1\" "
            "xmlns:ns=\"urn:tessera:contract:1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
            "<VirtualSystem ovf:id=\"terminal\"><Info>terminal</Info>\n"
            "<ns:ContractSection xsi:type=\"ovf:MountContract_Type\"><Info>files</Info>\n"
            "<Mount><Store>Shared</Store><Target>%1</Target><Access>read-only</Access>"
            "<ReadRate average=\"2\" unit=\"MiB/s\"/></Mount>\n"
            "<Mount><Store>Inbox/Work</Store><Target>%2</Target><Access>read-write</Access>"
            "<WriteRate average=\"1\" unit=\"MiB/s\"/></Mount>\n"
            "</ns:ContractSection></VirtualSystem></Envelope>\n").arg(ReadOnlyTarget, ReadWriteTarget);
        const ContractParseResult result = ContractParser::parse(descriptor.toUtf8(), QStringLiteral("mounts.ovf"));
        if (!result.ok)
            qWarning() << result.error;
        return result.ok ? result.systems.constFirst() : SystemContract();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        QVERIFY(m_runtime.isValid());
        m_image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        QVERIFY2(m_image.isComplete(), "the terminal appliance is not built: run scripts/setup");
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        m_store = m_data.path() + QStringLiteral("/store");
        m_outside = m_data.path() + QStringLiteral("/outside");
        qputenv("TESSERA_STORE_DIR", m_store.toUtf8());
        QCOMPARE(TesseraPaths::personalStoreDir(), m_store);

        // A file beside the store with content no guest can guess, and one in the read-only folder.
        m_secret = "host secret " + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
        QVERIFY(QDir().mkpath(m_outside));
        QVERIFY(writeFile(m_outside + QStringLiteral("/secret.txt"), m_secret));
        QVERIFY(QDir().mkpath(m_store + QStringLiteral("/Shared")));
        QVERIFY(writeFile(m_store + QStringLiteral("/Shared/readme.txt"), "shared by the host\n"));
        QVERIFY(writeFile(m_store + QStringLiteral("/Shared/big.bin"), QByteArray(6 * MiB, 'x')));
        // Something of the store that no mount names: never visible in the guest.
        QVERIFY(writeFile(m_store + QStringLiteral("/private.txt"), "not exported\n"));
        QVERIFY(QDir().mkpath(m_store + QStringLiteral("/Inbox")));
        QVERIFY(writeFile(m_store + QStringLiteral("/Inbox/sibling.txt"), "not exported either\n"));

        m_connection = new LibvirtConnection(testUri(), this);
        QSignalSpy opened(m_connection, &LibvirtConnection::opened);
        QSignalSpy failed(m_connection, &LibvirtConnection::openFailed);
        m_connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 180000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<VmError>().toString()));
    }

    void shellMountsAfterTheReadyStateCapture()
    {
        auto *vm = new ApplianceVm(m_connection, m_image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        ApplianceInfo info;
        info.title = QStringLiteral("Terminal");
        info.launchable = true;
        ApplianceSession session(vm, info); // owns vm
        vm->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(vm->state() != ApplianceVm::Unknown, 10000);
        if (vm->state() != ApplianceVm::Off) { // left over from an interrupted run
            vm->powerOff();
            QVERIFY(waitForVmState(*vm, ApplianceVm::Off, StateTimeoutMs));
        }
        vm->setContract(contract(), false);
        QCOMPARE(vm->mode(), ApplianceVm::FreshEveryLaunch);
        QVERIFY(!vm->hasReadyState());

        QSignalSpy failed(&session, &ApplianceSession::failed);
        QSignalSpy captured(vm, &ApplianceVm::readyStateCaptured);
        QSignalSpy execs(session.display()->agent(), &AgentChannel::execFinished);
        session.launch();
        // Cold boot, capture, restore: the session mounts only after the restore (a mounted 9p
        // export would have made the save fail, and the ready state would hold the mounts).
        QTRY_VERIFY_WITH_TIMEOUT(!captured.isEmpty(), BootTimeoutMs);
        QVERIFY(vm->hasReadyState());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ApplianceSession::Running, StateTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(execs.size() >= 2, StateTimeoutMs);
        for (const QList<QVariant> &exec : std::as_const(execs))
            QCOMPARE(exec.at(1).toInt(), 0);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        GuestDriver driver(session.display());
        QCOMPARE(sh(driver, QStringLiteral("grep ' 9p ' /proc/mounts | cut -d' ' -f1,2,4 | cut -d, -f1 | sort")).output,
                 QByteArray("tstore0 /mnt/shared ro\ntstore1 /root/Inbox rw\n"));
        QVERIFY(QFileInfo(m_store + QStringLiteral("/Inbox/Work")).isDir());
        session.stop();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ApplianceSession::Off, StateTimeoutMs);
    }

    void mountsHoldInTheGuest()
    {
        ApplianceVm vm(m_connection, m_image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        vm.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(vm.state() != ApplianceVm::Unknown, 10000);
        if (vm.state() != ApplianceVm::Off) { // left over from an interrupted run
            vm.powerOff();
            QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        }
        const SystemContract system = contract();
        QCOMPARE(system.mounts.size(), 2);
        vm.setContract(system, false);
        QCOMPARE(vm.enforcement().status(ContractElement::Mounts), EnforcementStatus::Enforced);
        const QList<SharedFolder> folders = vm.spec().sharedFolders;
        QCOMPARE(folders.size(), 2);
        QCOMPARE(vm.mode(), ApplianceVm::FreshEveryLaunch);
        QVERIFY(vm.hasReadyState()); // captured by the session above, with the same exports

        // A fresh launch from the ready state.
        SpiceConnection spice;
        GuestDriver driver(&spice);
        QSignalSpy launched(&vm, &ApplianceVm::launchedFromReadyState);
        vm.start();
        QVERIFY(waitForVmState(vm, ApplianceVm::Running, StateTimeoutMs));
        QVERIFY(launched.wait(StateTimeoutMs) || !launched.isEmpty());
        QCOMPARE(launched.constFirst().constFirst().toBool(), true);
        QVERIFY(connectAndWaitForSession(vm, spice, driver, SessionAfterRestoreTimeoutMs));
        QCOMPARE(sh(driver, QStringLiteral("id -u")).output.trimmed(), QByteArray("0")); // mount needs root
        QCOMPARE(sh(driver, QStringLiteral("grep -c ' 9p ' /proc/mounts")).output.trimmed(), QByteArray("0")); // the ready state holds none
        QVERIFY2(driver.mountSharedFolders(folders), qPrintable(driver.lastFailure()));
        // Mounting twice (e.g. after the display reconnected) changes nothing.
        QVERIFY2(driver.mountSharedFolders(folders), qPrintable(driver.lastFailure()));
        QCOMPARE(sh(driver, QStringLiteral("grep -c ' 9p ' /proc/mounts")).output.trimmed(), QByteArray("2"));

        // Only the contract's folders are exported: exactly two 9p devices, and what the
        // read-only one shows is the Shared folder, not the store root.
        QCOMPARE(sh(driver, QStringLiteral("for f in /sys/bus/virtio/drivers/9pnet_virtio/*/mount_tag; do tr -d '\\0\\n' <$f; echo; done | sort")).output.trimmed(),
                 QByteArray("tstore0\ntstore1"));
        QCOMPARE(sh(driver, QStringLiteral("cat %1/readme.txt").arg(ReadOnlyTarget)).output, QByteArray("shared by the host\n"));
        QCOMPARE(sh(driver, QStringLiteral("ls -A %1").arg(ReadOnlyTarget)).output.trimmed(), QByteArray("big.bin\nreadme.txt"));

        // Read-only: refused in the guest with EROFS, and nothing changes on the host.
        const QStringList sharedBefore = listing(m_store + QStringLiteral("/Shared"));
        GuestDriver::ExecResult written = sh(driver, QStringLiteral("echo changed >%1/readme.txt").arg(ReadOnlyTarget));
        QVERIFY(written.finished);
        QVERIFY(written.status != 0);
        QVERIFY2(written.output.contains("Read-only file system"), written.output.constData());
        written = sh(driver, QStringLiteral("echo new >%1/new.txt").arg(ReadOnlyTarget));
        QVERIFY(written.status != 0);
        QVERIFY2(written.output.contains("Read-only file system"), written.output.constData());
        // A hostile guest mounts the read-only export read-write itself: QEMU still refuses.
        // (A 9p channel carries one mount at a time: the guest gives up the read-only one first.)
        QCOMPARE(sh(driver, QStringLiteral("umount %1 && mkdir -p /mnt/rw-attempt && "
                                           "mount -t 9p -o trans=virtio,version=9p2000.L,rw tstore0 /mnt/rw-attempt && "
                                           "grep ' /mnt/rw-attempt 9p rw,' /proc/mounts").arg(ReadOnlyTarget)).status, 0);
        written = sh(driver, QStringLiteral("echo changed >/mnt/rw-attempt/readme.txt; echo new >/mnt/rw-attempt/new.txt; "
                                            "mkdir /mnt/rw-attempt/dir; rm /mnt/rw-attempt/readme.txt; "
                                            "mv /mnt/rw-attempt/readme.txt /mnt/rw-attempt/moved.txt"));
        QVERIFY2(written.output.count("Read-only file system") == 5, written.output.constData());
        QCOMPARE(sh(driver, QStringLiteral("umount /mnt/rw-attempt")).status, 0);
        QVERIFY2(driver.mountSharedFolders(folders), qPrintable(driver.lastFailure())); // back as the contract says
        QCOMPARE(sh(driver, QStringLiteral("grep -c ' 9p ro,' /proc/mounts")).output.trimmed(), QByteArray("1"));
        QCOMPARE(readFile(m_store + QStringLiteral("/Shared/readme.txt")), QByteArray("shared by the host\n"));
        QCOMPARE(listing(m_store + QStringLiteral("/Shared")), sharedBefore);

        // Read-write: the file lands in Inbox/Work of the store, with its content.
        QCOMPARE(sh(driver, QStringLiteral("printf 'written in the guest' >%1/note.txt && sync").arg(ReadWriteTarget)).status, 0);
        QCOMPARE(readFile(m_store + QStringLiteral("/Inbox/Work/note.txt")), QByteArray("written in the guest"));
        QVERIFY(!QFileInfo::exists(m_store + QStringLiteral("/note.txt")));
        QVERIFY(!QFileInfo::exists(m_store + QStringLiteral("/Inbox/note.txt")));

        // Rates: QEMU holds the read-only export to 2 MiB/s of reads, the read-write one to
        // 1 MiB/s of writes (dd's own timing; within 20 % of the contract's average).
        const double writeRate = ddMiBPerSecond(sh(driver, QStringLiteral("dd if=/dev/zero of=%1/rate.bin bs=64k count=64 conv=fsync")
                                                               .arg(ReadWriteTarget)));
        const double readRate = ddMiBPerSecond(sh(driver, QStringLiteral("dd if=%1/big.bin of=/dev/null bs=64k").arg(ReadOnlyTarget)));
        qInfo("mount rates measured in the guest: write %.2f MiB/s (limit 1), read %.2f MiB/s (limit 2)", writeRate, readRate);
        QVERIFY2(qAbs(writeRate - 1.0) <= 0.2, qPrintable(QString::number(writeRate)));
        QVERIFY2(qAbs(readRate - 2.0) <= 0.4, qPrintable(QString::number(readRate)));
        QCOMPARE(QFileInfo(m_store + QStringLiteral("/Inbox/Work/rate.bin")).size(), 4 * MiB);

        // Outside the store: `..` from the mount roots, links the guest plants (absolute and
        // relative), a link planted on the host, and the host path itself.
        const QString secretPath = m_outside + QStringLiteral("/secret.txt");
        QString upToRoot;
        for (int i = 0; i < 24; ++i)
            upToRoot += QStringLiteral("../");
        const QString relativeTarget = upToRoot + secretPath.mid(1);
        QVERIFY(QFile::link(secretPath, m_store + QStringLiteral("/Inbox/Work/host-link")));
        QCOMPARE(sh(driver, QStringLiteral("ln -s %1 %2/abs-link && ln -s %3 %2/rel-link && ln -s %4 %2/dir-link")
                                .arg(secretPath, ReadWriteTarget, relativeTarget, m_outside)).status, 0);
        const QStringList attempts{
            QStringLiteral("cat %1/../%2").arg(ReadWriteTarget, relativeTarget),
            QStringLiteral("cat %1/%2").arg(ReadOnlyTarget, relativeTarget),
            QStringLiteral("cd %1 && cat %2").arg(ReadWriteTarget, relativeTarget),
            QStringLiteral("cat %1/abs-link").arg(ReadWriteTarget),
            QStringLiteral("cat %1/rel-link").arg(ReadWriteTarget),
            QStringLiteral("cat %1/dir-link/secret.txt").arg(ReadWriteTarget),
            QStringLiteral("cat %1/host-link").arg(ReadWriteTarget),
            QStringLiteral("cat %1").arg(secretPath),
            QStringLiteral("cat %1/../private.txt %1/../../private.txt %1/../sibling.txt").arg(ReadWriteTarget),
            QStringLiteral("cat %1/../private.txt").arg(ReadOnlyTarget),
            QStringLiteral("grep -r . %1 %2").arg(ReadWriteTarget, ReadOnlyTarget),
        };
        for (const QString &attempt : attempts) {
            const GuestDriver::ExecResult result = sh(driver, attempt);
            QVERIFY2(result.finished, qPrintable(attempt));
            QVERIFY2(!result.output.contains(m_secret), qPrintable(attempt));
            QVERIFY2(!result.output.contains("not exported"), qPrintable(attempt));
        }
        // The guest's links are plain files on the host (accessmode mapped): nothing on the host
        // that lists or opens the store follows them out.
        for (const QString &link : {QStringLiteral("abs-link"), QStringLiteral("rel-link"), QStringLiteral("dir-link")}) {
            const QFileInfo info(m_store + QStringLiteral("/Inbox/Work/") + link);
            QVERIFY2(info.exists() && !info.isSymLink(), qPrintable(link));
            QVERIFY(!readFile(info.filePath()).contains(m_secret));
        }
        QCOMPARE(listing(m_outside), QStringList{QStringLiteral("secret.txt")});
        QCOMPARE(readFile(secretPath), m_secret);

        vm.stop();
        QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        spice.disconnectFromGuest();

        // A fresh launch from the ready state mounts again; the store kept what was written.
        launched.clear();
        QElapsedTimer timer;
        timer.start();
        vm.start();
        QVERIFY(waitForVmState(vm, ApplianceVm::Running, StateTimeoutMs));
        QVERIFY(launched.wait(StateTimeoutMs) || !launched.isEmpty());
        QCOMPARE(launched.constFirst().constFirst().toBool(), true);
        QVERIFY(connectAndWaitForSession(vm, spice, driver, SessionAfterRestoreTimeoutMs));
        QVERIFY2(driver.mountSharedFolders(folders), qPrintable(driver.lastFailure()));
        qInfo("fresh launch from the ready state to mounted store: %.2f s", timer.elapsed() / 1000.0);
        QCOMPARE(sh(driver, QStringLiteral("cat %1/note.txt").arg(ReadWriteTarget)).output, QByteArray("written in the guest"));
        QVERIFY(sh(driver, QStringLiteral("touch %1/again.txt").arg(ReadOnlyTarget)).status != 0);
        vm.stop();
        QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        spice.disconnectFromGuest();
    }

    void cleanupTestCase()
    {
        // The VM may be left running by a failed step: switch it off so the next run starts clean.
        if (!m_connection)
            return;
        ApplianceVm vm(m_connection, m_image, Accelerator::Tcg);
        vm.powerOff();
        m_connection->waitForIdle();
    }
};

QTEST_MAIN(TestMountsEndToEnd)
#include "tst_mounts_e2e.moc"
