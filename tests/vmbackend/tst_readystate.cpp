// Ready state and launch mode: the manifest's invalidation rules as a table, crash leftovers
// of an interrupted capture and overlay swap, and the mode kept per appliance (on libvirt's
// test driver). The restore of a real memory image is proven in tests/e2e/tst_readystate_e2e.
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "launchjob.h"
#include "launchmodefile.h"
#include "libvirtconnection.h"
#include "overlaydisk.h"
#include "readystate.h"
#include "readystatemanifest.h"
#include "tesserapaths.h"
#include "testimage.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

ReadyStateManifest sampleManifest()
{
    ReadyStateManifest manifest;
    manifest.basePath = QStringLiteral("/cache/appliances/terminal/h1/base.qcow2");
    manifest.baseIdentity = QStringLiteral("h1:100:1000");
    manifest.toolsPath = QStringLiteral("/cache/tools/t1/tools.img");
    manifest.toolsHash = QStringLiteral("aa");
    manifest.domainXmlHash = QStringLiteral("bb");
    return manifest;
}

bool touch(const QString &path, const QByteArray &content = "x")
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestReadyState : public QObject
{
    Q_OBJECT
    QTemporaryDir m_cache;
    QTemporaryDir m_data;
    LibvirtConnection *m_connection = nullptr;

    ApplianceImage image() const
    {
        return ApplianceCatalog::find(m_cache.path() + QStringLiteral("/appliances"), QStringLiteral("sample"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TESSERA_CACHE_DIR", m_cache.path().toUtf8());
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        QVERIFY(makeTestAppliance(m_cache.path(), QStringLiteral("sample")));
        m_connection = new LibvirtConnection(QStringLiteral("test:///default"), this);
        QSignalSpy opened(m_connection, &LibvirtConnection::opened);
        m_connection->open();
        QVERIFY(opened.wait(10000));
    }

    void mismatch_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected"); // a word of the reason; empty: still valid
        QTest::newRow("same") << QString() << QString();
        QTest::newRow("created differs") << QStringLiteral("created") << QString();
        QTest::newRow("base moved") << QStringLiteral("basePath") << QStringLiteral("base image moved");
        QTest::newRow("base rebuilt in place") << QStringLiteral("baseIdentity") << QStringLiteral("base image changed");
        QTest::newRow("tools moved") << QStringLiteral("toolsPath") << QStringLiteral("tools disk moved");
        QTest::newRow("agent changed") << QStringLiteral("toolsHash") << QStringLiteral("tools disk changed");
        QTest::newRow("domain xml changed") << QStringLiteral("domainXmlHash") << QStringLiteral("domain definition");
        QTest::newRow("old format") << QStringLiteral("version") << QStringLiteral("version");
        QTest::newRow("empty recorded") << QStringLiteral("empty") << QStringLiteral("incomplete");
    }

    void mismatch()
    {
        QFETCH(QString, field);
        QFETCH(QString, expected);
        const ReadyStateManifest current = sampleManifest();
        ReadyStateManifest recorded = ReadyStateManifest::fromJson(current.toJson()); // round trip
        if (field == QLatin1String("created"))
            recorded.created = QDateTime::currentDateTimeUtc().addDays(-3);
        else if (field == QLatin1String("basePath"))
            recorded.basePath += QStringLiteral(".old");
        else if (field == QLatin1String("baseIdentity"))
            recorded.baseIdentity = QStringLiteral("h1:100:999");
        else if (field == QLatin1String("toolsPath"))
            recorded.toolsPath = QStringLiteral("/cache/tools/t0/tools.img");
        else if (field == QLatin1String("toolsHash"))
            recorded.toolsHash = QStringLiteral("ab");
        else if (field == QLatin1String("domainXmlHash"))
            recorded.domainXmlHash = QStringLiteral("bc");
        else if (field == QLatin1String("version"))
            recorded.version = 0;
        else if (field == QLatin1String("empty"))
            recorded = ReadyStateManifest::fromJson({{QStringLiteral("version"), ReadyStateManifest::CurrentVersion}});
        const QString reason = ReadyStateManifest::mismatch(recorded, current);
        if (expected.isEmpty())
            QVERIFY2(reason.isEmpty(), qPrintable(reason));
        else
            QVERIFY2(reason.contains(expected), qPrintable(reason));
    }

    void describeSeesFileChanges()
    {
        QTemporaryDir dir;
        const QString tools = dir.filePath(QStringLiteral("tools.img"));
        QVERIFY(touch(tools, "agent v1"));
        const QString base = image().baseDisk;
        const ReadyStateManifest before = ReadyStateManifest::describe(base, QStringLiteral("h1"), tools, QStringLiteral("<domain/>"));
        QVERIFY(ReadyStateManifest::mismatch(before, ReadyStateManifest::describe(base, QStringLiteral("h1"), tools, QStringLiteral("<domain/>"))).isEmpty());
        QVERIFY(touch(tools, "agent v2"));
        QVERIFY(!ReadyStateManifest::mismatch(before, ReadyStateManifest::describe(base, QStringLiteral("h1"), tools, QStringLiteral("<domain/>"))).isEmpty());
        QVERIFY(!ReadyStateManifest::mismatch(before, ReadyStateManifest::describe(base, QStringLiteral("h2"), tools, QStringLiteral("<domain/>"))).isEmpty());
    }

    void interruptedCaptureAndSwapAreCleanedUp()
    {
        QTemporaryDir instance;
        const ReadyState ready(instance.path());
        // kill -9 during a capture: a staging folder with a partial memory image.
        QVERIFY(!ready.beginCapture().isError());
        QVERIFY(touch(ready.stagedMemoryImage(), "partial"));
        // kill -9 during a discard: the ready state renamed away, half removed.
        QVERIFY(QDir().mkpath(instance.filePath(QStringLiteral("ready.old"))));
        QVERIFY(!ready.isComplete());
        QVERIFY(ready.removeLeftovers());
        QVERIFY(!QFileInfo::exists(ready.stagingDirectory()));
        QVERIFY(!QFileInfo::exists(instance.filePath(QStringLiteral("ready.old"))));
        QVERIFY(!ready.removeLeftovers());

        // A ready/ without all its files (only possible by outside damage) is not used.
        QVERIFY(QDir().mkpath(ready.directory()));
        QVERIFY(touch(ready.memoryImage()));
        QVERIFY(!ready.isComplete());
        QVERIFY(ready.removeLeftovers());
        QVERIFY(!QFileInfo::exists(ready.directory()));

        // A complete capture publishes the overlay as the read-only ready disk.
        const QString overlay = instance.filePath(QStringLiteral("system.qcow2"));
        QVERIFY(!OverlayDisk(image().baseDisk, overlay).reset().isError());
        QVERIFY(!ready.beginCapture().isError());
        QVERIFY(touch(ready.stagedMemoryImage(), "memory"));
        const ReadyStateManifest manifest = sampleManifest();
        QVERIFY(!ready.commitCapture(overlay, manifest).isError());
        QVERIFY(ready.isComplete());
        QVERIFY(!QFileInfo::exists(overlay));
        QCOMPARE(QFileInfo(ready.disk()).permissions() & (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther), QFileDevice::Permissions());
        QVERIFY(ready.check(manifest).isEmpty());

        // kill -9 during the overlay swap of a fresh launch: system.qcow2.new beside nothing;
        // the ready state stays usable and the next swap replaces the staged file.
        QVERIFY(touch(overlay + QStringLiteral(".new"), "partial"));
        QVERIFY(!ready.removeLeftovers());
        QVERIFY(ready.isComplete());
        const OverlayDisk onReady(ready.disk(), overlay);
        QVERIFY(!onReady.reset().isError());
        QVERIFY(!QFileInfo::exists(overlay + QStringLiteral(".new")));
        QCOMPARE(onReady.backingFile(), ready.disk());

        ready.discard();
        QVERIFY(!QFileInfo::exists(ready.directory()));
        QVERIFY(!QFileInfo::exists(instance.filePath(QStringLiteral("ready.old"))));
    }

    void modeIsKeptPerAppliance()
    {
        {
            ApplianceVm vm(m_connection, image(), Accelerator::Tcg);
            QCOMPARE(vm.mode(), ApplianceVm::FreshEveryLaunch);
            QSignalSpy changed(&vm, &ApplianceVm::modeChanged);
            vm.setMode(ApplianceVm::KeepChanges);
            QVERIFY(changed.wait(10000));
            QCOMPARE(vm.mode(), ApplianceVm::KeepChanges);
        }
        ApplianceVm again(m_connection, image(), Accelerator::Tcg);
        QCOMPARE(again.mode(), ApplianceVm::KeepChanges);
        QVERIFY(LaunchModeFile::keepsChanges(TesseraPaths::instanceDir(QStringLiteral("sample"))));
        QSignalSpy changed(&again, &ApplianceVm::modeChanged);
        again.setMode(ApplianceVm::FreshEveryLaunch);
        QVERIFY(changed.wait(10000));
        QVERIFY(!LaunchModeFile::keepsChanges(TesseraPaths::instanceDir(QStringLiteral("sample"))));
        ApplianceVm::Mode parsed = ApplianceVm::FreshEveryLaunch;
        QVERIFY(ApplianceVm::modeFromName(QStringLiteral("keep"), &parsed));
        QCOMPARE(parsed, ApplianceVm::KeepChanges);
        QVERIFY(!ApplianceVm::modeFromName(QStringLiteral("sometimes"), &parsed));
    }

    void freshLaunchDiscardsChangesKeepModeKeepsThem()
    {
        ApplianceVm vm(m_connection, image(), Accelerator::Tcg);
        vm.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Off, 10000);
        const QString overlay = vm.spec().systemDisk;
        const QStringList modes{QStringLiteral("fresh"), QStringLiteral("keep")};
        for (const QString &name : modes) {
            ApplianceVm::Mode mode = ApplianceVm::FreshEveryLaunch;
            QVERIFY(ApplianceVm::modeFromName(name, &mode));
            QSignalSpy changed(&vm, &ApplianceVm::modeChanged);
            vm.setMode(mode);
            QVERIFY(changed.wait(10000));
            vm.start();
            QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Running, 10000);
            vm.powerOff();
            QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Off, 10000);
            // Mark the overlay the way a guest write would change it: a file identity check.
            const QDateTime before = QFileInfo(overlay).lastModified();
            const qint64 inodeProbe = QFileInfo(overlay).size();
            Q_UNUSED(inodeProbe);
            QTest::qWait(20); // mtime resolution
            vm.start();
            QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Running, 10000);
            const bool replaced = QFileInfo(overlay).lastModified() != before;
            QCOMPARE(replaced, mode == ApplianceVm::FreshEveryLaunch);
            vm.powerOff();
            QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Off, 10000);
        }
    }

    void captureOnTestDriverFallsBackCleanly()
    {
        // The test driver saves but cannot restore with a new definition: the capture must
        // leave a running VM either way and never a half-made ready state.
        ApplianceVm vm(m_connection, image(), Accelerator::Tcg);
        QSignalSpy modeChanged(&vm, &ApplianceVm::modeChanged);
        vm.setMode(ApplianceVm::FreshEveryLaunch);
        QVERIFY(modeChanged.wait(10000));
        vm.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Off, 10000);
        QVERIFY(!vm.captureReadyState()); // not running
        vm.start();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Running, 10000);
        QSignalSpy launched(&vm, &ApplianceVm::launchedFromReadyState);
        QVERIFY(vm.captureReadyState());
        QCOMPARE(vm.state(), ApplianceVm::Starting);
        QVERIFY(!vm.captureReadyState()); // already under way
        QVERIFY(launched.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Running, 10000);
        const ReadyState ready(TesseraPaths::instanceDir(QStringLiteral("sample")));
        QVERIFY(!QFileInfo::exists(ready.stagingDirectory()));
        QCOMPARE(vm.hasReadyState(), ready.isComplete());
        qInfo() << "test driver: launched from ready state" << launched.constFirst().constFirst().toBool();
        vm.powerOff();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Off, 10000);
    }
};

QTEST_GUILESS_MAIN(TestReadyState)
#include "tst_readystate.moc"
