#include "accelerator.h"
#include "connectionsettings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class TestConnectionSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kvmOnlyWithARealKvmModule_data()
    {
        QTest::addColumn<QStringList>("modules");
        QTest::addColumn<bool>("usable");
        QTest::newRow("nested pvm only") << QStringList{QStringLiteral("kvm"), QStringLiteral("kvm_pvm")} << false;
        QTest::newRow("intel") << QStringList{QStringLiteral("kvm"), QStringLiteral("kvm_intel")} << true;
        QTest::newRow("amd") << QStringList{QStringLiteral("kvm"), QStringLiteral("kvm_amd")} << true;
        QTest::newRow("none") << QStringList{} << false;
    }

    void kvmOnlyWithARealKvmModule()
    {
        QFETCH(QStringList, modules);
        QFETCH(bool, usable);
        QTemporaryDir sys;
        for (const QString &module : modules)
            QVERIFY(QDir(sys.path()).mkdir(module));
        QFile device(sys.filePath(QStringLiteral("kvm-device")));
        QVERIFY(device.open(QIODevice::WriteOnly));
        device.close();
        QCOMPARE(Accelerator::kvmUsable(sys.path(), device.fileName()), usable);
        QVERIFY(!Accelerator::kvmUsable(sys.path(), sys.filePath(QStringLiteral("missing"))));
    }

    void explicitChoiceWins()
    {
        QCOMPARE(Accelerator::choose(QStringLiteral("tcg")), Accelerator::Tcg);
        QCOMPARE(Accelerator::choose(QStringLiteral("kvm")), Accelerator::Kvm);
        QCOMPARE(ConnectionSettings::resolve(QStringLiteral("test:///default"), QStringLiteral("tcg")).uri, QStringLiteral("test:///default"));
    }

    void defaultUriNeedsNoDaemonAsRoot()
    {
        const QString uri = ConnectionSettings::defaultUri();
        if (geteuid() == 0)
            QVERIFY(ConnectionSettings::isEmbedded(uri));
        else
            QCOMPARE(uri, QStringLiteral("qemu:///session"));
    }

    void embeddedRootGetsAConfig()
    {
        QTemporaryDir root;
        const QString uri = QStringLiteral("qemu:///embed?root=") + root.path();
        QVERIFY(ConnectionSettings::prepareEmbeddedRoot(uri));
        QFile conf(root.filePath(QStringLiteral("etc/qemu.conf")));
        QVERIFY(conf.open(QIODevice::ReadOnly));
        QVERIFY(conf.readAll().contains("stdio_handler = \"file\""));
        QVERIFY(!ConnectionSettings::prepareEmbeddedRoot(QStringLiteral("qemu:///embed")));
    }
};

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
