#include "connectionlistmodel.h"
#include "connectionsettings.h"
#include "hypervisor.h"
#include "libvirtconnection.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Several libvirt connections side by side, on libvirt's test driver (logic only; the
// real remote host over SSH is proven in tests/e2e/tst_connections_e2e.cpp).
class TestConnectionListModel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_config;

    static ConnectionSettings testSettings()
    {
        ConnectionSettings settings;
        settings.uri = QStringLiteral("test:///default");
        return settings;
    }

    static int statusOf(const ConnectionListModel &model, int row)
    {
        return model.data(model.index(row), ConnectionListModel::StatusRole).toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_connectionlistmodel"));
    }

    void init()
    {
        QSettings().clear();
    }

    void sideBySideEachWithItsOwnState()
    {
        Hypervisor local(testSettings());
        local.open();
        ConnectionListModel model(&local);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.data(model.index(0), ConnectionListModel::LocalRole).toBool());
        model.appendEntry({QStringLiteral("second"), QStringLiteral("test:///default")});
        // The test driver reads a file path after test://; a missing file fails like a host that is gone.
        model.appendEntry({QStringLiteral("broken"), QStringLiteral("test:///nonexistent/tessera-missing.xml")});
        QCOMPARE(model.rowCount(), 3);
        // Lazily: nothing but the local connection opens before someone asks.
        QCOMPARE(statusOf(model, 1), int(ConnectionListModel::NotOpened));
        model.openAll();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, 0), int(ConnectionListModel::Connected), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, 1), int(ConnectionListModel::Connected), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, 2), int(ConnectionListModel::Failed), 10000);
        // Each lists its own domains: test:///default has one called "test".
        QTRY_COMPARE_WITH_TIMEOUT(model.data(model.index(1), ConnectionListModel::DomainsRole).toStringList(),
                                  QStringList{QStringLiteral("test")}, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model.data(model.index(0), ConnectionListModel::DomainsRole).toStringList(),
                                  QStringList{QStringLiteral("test")}, 10000);
        QVERIFY(model.data(model.index(1), ConnectionListModel::StatusTextRole).toString().contains(QLatin1String("1 virtual machine")));
        const QString error = model.data(model.index(2), ConnectionListModel::ErrorMessageRole).toString();
        QVERIFY2(error.contains(QLatin1String("broken")), qPrintable(error));
        QVERIFY(!model.data(model.index(2), ConnectionListModel::ErrorDetailsRole).toString().isEmpty());
        QVERIFY(model.connection(0) == local.connection());
        QVERIFY(model.connection(1) != model.connection(0));
    }

    void testRetriesAndRemoveCloses()
    {
        ConnectionListModel model(nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEntry({QStringLiteral("one"), QStringLiteral("test:///default")});
        model.appendEntry({QStringLiteral("two"), QStringLiteral("test:///default")});
        model.test(1);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, 1), int(ConnectionListModel::Connected), 10000);
        QCOMPARE(statusOf(model, 0), int(ConnectionListModel::NotOpened));
        QPointer<LibvirtConnection> removed = model.connection(1);
        QSignalSpy countSpy(&model, &ConnectionListModel::countChanged);
        model.remove(1);
        QCOMPARE(countSpy.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.entry(0).name, QStringLiteral("one"));
        // Closed on a thread of its own: gone soon, without the GUI thread waiting.
        QTRY_VERIFY_WITH_TIMEOUT(removed.isNull(), 10000);
    }

    void addValidatesAndPersists()
    {
        {
            ConnectionListModel model(nullptr);
            QVERIFY(model.add(QStringLiteral("lab"), QStringLiteral("qemu+tcp://lab/system")).contains(QLatin1String("unencrypted")));
            QVERIFY(!model.add(model.localName(), QStringLiteral("qemu+ssh://me@lab/system")).isEmpty());
            QCOMPARE(model.rowCount(), 0);
            // 127.0.0.1 port 9 (discard): nothing listens; the open fails fast and stays on the worker.
            QCOMPARE(model.add(QStringLiteral("lab"), QStringLiteral("qemu+ssh://nobody@127.0.0.1:9/system")), QString());
            QCOMPARE(model.rowCount(), 1);
            QVERIFY(!model.add(QStringLiteral("LAB"), QStringLiteral("qemu+ssh://me@other/system")).isEmpty());
            QVERIFY(model.uriProblem(QStringLiteral("qemu+ssh://nobody@127.0.0.1:9/system")).contains(QLatin1String("lab")));
            QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, 0), int(ConnectionListModel::Failed), 30000);
            QVERIFY2(model.data(model.index(0), ConnectionListModel::ErrorMessageRole).toString().contains(QLatin1String("refused")),
                     qPrintable(model.data(model.index(0), ConnectionListModel::ErrorMessageRole).toString()));
        }
        // Stored: a new model (the next start) has it, not opened yet.
        ConnectionListModel reloaded(nullptr);
        QCOMPARE(reloaded.rowCount(), 1);
        QCOMPARE(reloaded.entry(0).uri, QStringLiteral("qemu+ssh://nobody@127.0.0.1:9/system"));
        QCOMPARE(statusOf(reloaded, 0), int(ConnectionListModel::NotOpened));
        reloaded.remove(0);
        QCOMPARE(ConnectionListModel(nullptr).rowCount(), 0);
    }
};

QTEST_MAIN(TestConnectionListModel)
#include "tst_connectionlistmodel.moc"
