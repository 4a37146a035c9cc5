// Choosing the host an appliance runs on (ApplianceListModel::setHost), with two more
// test:///default connections beside this computer's: logic only, no QEMU. The launch on
// another host itself is proven in tests/e2e.
#include "appliancecatalog.h"
#include "appliancelistmodel.h"
#include "appliancesession.h"
#include "connectionlistmodel.h"
#include "hypervisor.h"
#include "libvirtconnection.h"
#include "testimage.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestApplianceHosts : public QObject
{
    Q_OBJECT
    QTemporaryDir m_config;
    QTemporaryDir m_cache;
    QTemporaryDir m_data;
    Hypervisor *m_hypervisor = nullptr;
    ConnectionListModel *m_connections = nullptr;

    static QString hostKey(const char *appliance) { return QStringLiteral("appliances/%1/host").arg(QLatin1String(appliance)); }

    int rowOf(const ApplianceListModel &model, const QString &name) const
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.data(model.index(row), ApplianceListModel::NameRole).toString() == name)
                return row;
        }
        return -1;
    }

    QString hostRole(const ApplianceListModel &model, const char *name) const
    {
        return model.data(model.index(rowOf(model, QLatin1String(name))), ApplianceListModel::HostRole).toString();
    }

    bool remoteRole(const ApplianceListModel &model, const char *name) const
    {
        return model.data(model.index(rowOf(model, QLatin1String(name))), ApplianceListModel::RemoteRole).toBool();
    }

    ApplianceImage image(const char *name) const
    {
        return ApplianceCatalog::find(m_cache.path() + QStringLiteral("/appliances"), QLatin1String(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        qputenv("TESSERA_CACHE_DIR", m_cache.path().toUtf8());
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_appliancelistmodel_hosts"));
        // "editor" has a contract with personal-store mounts; "plain" has none (an empty descriptor).
        QVERIFY(makeTestAppliance(m_cache.path(), QStringLiteral("editor")));
        const QString descriptor = m_cache.filePath(QStringLiteral("appliances/editor/h1/appliance.ovf"));
        QVERIFY(QFile::remove(descriptor));
        QVERIFY(QFile::copy(QStringLiteral(TESSERA_SOURCE_DIR "/tests/contracts-view/data/editor-ovf2.ovf"), descriptor));
        QVERIFY(makeTestAppliance(m_cache.path(), QStringLiteral("plain")));

        ConnectionSettings settings;
        settings.uri = QStringLiteral("test:///default");
        m_hypervisor = new Hypervisor(settings, this);
        Hypervisor::setInstance(m_hypervisor);
        QSignalSpy status(m_hypervisor, &Hypervisor::statusChanged);
        m_hypervisor->open();
        QVERIFY(status.wait(10000));
        QCOMPARE(m_hypervisor->status(), Hypervisor::Connected);
        m_connections = new ConnectionListModel(m_hypervisor, this);
        ConnectionListModel::setInstance(m_connections);
        // Two other "hosts": test:///default shares one in-memory host per process, which is
        // enough for the logic (each is its own LibvirtConnection, not opened yet).
        m_connections->appendEntry({QStringLiteral("lab"), QStringLiteral("test:///default")});
        m_connections->appendEntry({QStringLiteral("spare"), QStringLiteral("test:///default")});
    }

    void init()
    {
        QSettings().remove(QStringLiteral("appliances"));
    }

    void movesToAnotherHostAndRemembersIt()
    {
        QAbstractItemModelTester connectionsTester(m_connections, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString home = ConnectionListModel::localHostName();
        {
            ApplianceListModel model;
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QCOMPARE(model.rowCount(), 2);
            ApplianceSession *editor = model.session(QStringLiteral("editor"));
            QVERIFY(editor);
            QVERIFY(editor->launchable());
            QTRY_COMPARE_WITH_TIMEOUT(editor->vm()->state(), ApplianceVm::Off, 10000);
            QCOMPARE(hostRole(model, "editor"), home);
            QVERIFY(!remoteRole(model, "editor"));
            QCOMPARE(editor->vm()->enforcement().status(ContractElement::Mounts), EnforcementStatus::Enforced);
            QCOMPARE(editor->withheldNote(), QString());
            QCOMPARE(m_connections->data(m_connections->index(1), ConnectionListModel::StatusRole).toInt(),
                     int(ConnectionListModel::NotOpened));

            const QString headlineHere = model.data(model.index(rowOf(model, QStringLiteral("editor"))), ApplianceListModel::HeadlineRole).toString();
            QVERIFY2(headlineHere.contains(QLatin1String("Documents")), qPrintable(headlineHere));
            QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
            QSignalSpy hostChanged(editor, &ApplianceSession::hostChanged);
            QCOMPARE(model.setHost(QStringLiteral("editor"), QStringLiteral("lab")), QString());
            // The card's headline says what holds there: not the folder it does not get.
            const QString headlineThere = model.data(model.index(rowOf(model, QStringLiteral("editor"))), ApplianceListModel::HeadlineRole).toString();
            QVERIFY2(!headlineThere.contains(QLatin1String("Documents")), qPrintable(headlineThere));
            QCOMPARE(hostChanged.size(), 1);
            QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &args) {
                return args.at(2).value<QList<int>>().contains(ApplianceListModel::HostRole)
                    && args.at(2).value<QList<int>>().contains(ApplianceListModel::HeadlineRole);
            }));
            QCOMPARE(hostRole(model, "editor"), QStringLiteral("lab"));
            QVERIFY(remoteRole(model, "editor"));
            QVERIFY(editor->vm()->isRemote());
            QCOMPARE(editor->vm()->connection(), m_connections->connection(1));
            // The personal store stays on this computer: not granted there, and said so.
            QCOMPARE(editor->vm()->enforcement().status(ContractElement::Mounts), EnforcementStatus::Withheld);
            QVERIFY(editor->withheldNote().contains(QLatin1String("lab")));
            QVERIFY(!editor->hostTransport().isEmpty());
            // The host is opened for it (asynchronously).
            QTRY_COMPARE_WITH_TIMEOUT(m_connections->data(m_connections->index(1), ConnectionListModel::StatusRole).toInt(),
                                      int(ConnectionListModel::Connected), 10000);
            QCOMPARE(QSettings().value(hostKey("editor")).toString(), QStringLiteral("lab"));
            // The other appliance stays where it was.
            QCOMPARE(hostRole(model, "plain"), home);

            const QString unknown = model.setHost(QStringLiteral("editor"), QStringLiteral("nowhere"));
            QVERIFY2(unknown.contains(QLatin1String("Settings")), qPrintable(unknown));
            QCOMPARE(hostRole(model, "editor"), QStringLiteral("lab"));
        }
        // The next start: the stored host is applied.
        ApplianceListModel reloaded;
        QAbstractItemModelTester tester(&reloaded, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ApplianceSession *editor = reloaded.session(QStringLiteral("editor"));
        QVERIFY(editor);
        QCOMPARE(editor->host(), QStringLiteral("lab"));
        QVERIFY(remoteRole(reloaded, "editor"));
        QCOMPARE(editor->vm()->enforcement().status(ContractElement::Mounts), EnforcementStatus::Withheld);
        // And back: granted again, nothing stored.
        QTRY_COMPARE_WITH_TIMEOUT(editor->vm()->state(), ApplianceVm::Off, 10000);
        QCOMPARE(reloaded.setHost(QStringLiteral("editor"), home), QString());
        QCOMPARE(hostRole(reloaded, "editor"), home);
        QVERIFY(!editor->vm()->isRemote());
        QCOMPARE(editor->vm()->connection(), m_hypervisor->connection());
        QCOMPARE(editor->vm()->enforcement().status(ContractElement::Mounts), EnforcementStatus::Enforced);
        QVERIFY(!QSettings().contains(hostKey("editor")));
    }

    void vanishedHostFallsBackToThisComputer()
    {
        QSettings().setValue(hostKey("editor"), QStringLiteral("decommissioned"));
        ApplianceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(hostRole(model, "editor"), ConnectionListModel::localHostName());
        QVERIFY(!model.session(QStringLiteral("editor"))->vm()->isRemote());
        QVERIFY(!QSettings().contains(hostKey("editor")));
    }

    void unreachableHostIsSaidOnTheAppliance()
    {
        // The test driver reads a file after test://; a missing one fails like a host that is gone.
        m_connections->appendEntry({QStringLiteral("broken"), QStringLiteral("test:///nonexistent/tessera-missing.xml")});
        {
            ApplianceListModel model;
            ApplianceSession *editor = model.session(QStringLiteral("editor"));
            QTRY_COMPARE_WITH_TIMEOUT(editor->vm()->state(), ApplianceVm::Off, 10000);
            QCOMPARE(editor->hostError(), QString());
            QSignalSpy errorChanged(editor, &ApplianceSession::hostErrorChanged);
            QCOMPARE(model.setHost(QStringLiteral("editor"), QStringLiteral("broken")), QString());
            QTRY_VERIFY_WITH_TIMEOUT(!editor->hostError().isEmpty(), 10000);
            QVERIFY2(editor->hostError().contains(QLatin1String("broken")), qPrintable(editor->hostError()));
            QCOMPARE(model.setHost(QStringLiteral("editor"), QStringLiteral("lab")), QString());
            QCOMPARE(editor->hostError(), QString());
            QCOMPARE(errorChanged.size(), 2);
        }
        QCOMPARE(m_connections->remove(m_connections->rowOfName(QStringLiteral("broken"))), QString());
    }

    void movingWhileRunningIsRefused()
    {
        ApplianceListModel model;
        ApplianceSession *plain = model.session(QStringLiteral("plain"));
        QVERIFY(plain);
        QTRY_COMPARE_WITH_TIMEOUT(plain->vm()->state(), ApplianceVm::Off, 10000);
        plain->vm()->start();
        QTRY_COMPARE_WITH_TIMEOUT(plain->vm()->state(), ApplianceVm::Running, 10000);
        QCOMPARE(model.setHost(QStringLiteral("plain"), QStringLiteral("lab")),
                 QStringLiteral("Stop the appliance before moving it to another host."));
        QCOMPARE(plain->host(), ConnectionListModel::localHostName());
        QVERIFY(!plain->vm()->isRemote());
        QVERIFY(!QSettings().contains(hostKey("plain")));
        plain->vm()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(plain->vm()->state(), ApplianceVm::Off, 10000);
        QCOMPARE(model.setHost(QStringLiteral("plain"), QStringLiteral("lab")), QString());
        QVERIFY(plain->vm()->isRemote());
    }

    void removingAHostRefusedWhileInUseElseMovesAppliancesBack()
    {
        ApplianceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ApplianceSession *editor = model.session(QStringLiteral("editor"));
        ApplianceSession *plain = model.session(QStringLiteral("plain"));
        QTRY_COMPARE_WITH_TIMEOUT(plain->vm()->state(), ApplianceVm::Off, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(editor->vm()->state(), ApplianceVm::Off, 10000);
        QCOMPARE(model.setHost(QStringLiteral("editor"), QStringLiteral("spare")), QString());
        QCOMPARE(model.setHost(QStringLiteral("plain"), QStringLiteral("spare")), QString());
        const int spare = m_connections->rowOfName(QStringLiteral("spare"));
        QVERIFY(spare > 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_connections->data(m_connections->index(spare), ConnectionListModel::StatusRole).toInt(),
                                  int(ConnectionListModel::Connected), 10000);

        // "plain" runs on that host: its domain is started there (test:///default is one host per
        // process, so another ApplianceVm of the same image starts it) and its VM sees it running.
        ApplianceVm starter(m_hypervisor->connection(), image("plain"), Accelerator::Tcg);
        starter.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(starter.state(), ApplianceVm::Off, 10000);
        starter.start();
        QTRY_COMPARE_WITH_TIMEOUT(starter.state(), ApplianceVm::Running, 10000);
        plain->vm()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(plain->vm()->state(), ApplianceVm::Running, 10000);

        const int rows = m_connections->rowCount();
        const QString problem = m_connections->remove(spare);
        QVERIFY2(problem.contains(QLatin1String("plain")) && problem.contains(QLatin1String("Stop it")), qPrintable(problem));
        QCOMPARE(m_connections->removalProblem(spare), problem);
        QCOMPARE(m_connections->rowCount(), rows);
        QCOMPARE(editor->host(), QStringLiteral("spare"));
        QCOMPARE(plain->host(), QStringLiteral("spare"));

        starter.stop();
        QTRY_COMPARE_WITH_TIMEOUT(starter.state(), ApplianceVm::Off, 10000);
        plain->vm()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(plain->vm()->state(), ApplianceVm::Off, 10000);

        QPointer<LibvirtConnection> removed = m_connections->connection(spare);
        QCOMPARE(m_connections->removalProblem(spare), QString());
        QCOMPARE(m_connections->remove(spare), QString());
        QCOMPARE(m_connections->rowCount(), rows - 1);
        for (ApplianceSession *session : {editor, plain}) {
            QCOMPARE(session->host(), ConnectionListModel::localHostName());
            QVERIFY(!session->vm()->isRemote());
            QCOMPARE(session->vm()->connection(), m_hypervisor->connection());
        }
        QCOMPARE(hostRole(model, "editor"), ConnectionListModel::localHostName());
        QCOMPARE(editor->vm()->enforcement().status(ContractElement::Mounts), EnforcementStatus::Enforced);
        QVERIFY(!QSettings().contains(hostKey("editor")));
        QVERIFY(!QSettings().contains(hostKey("plain")));
        // Nothing holds on to the removed connection: it is disposed.
        QTRY_VERIFY_WITH_TIMEOUT(removed.isNull(), 10000);
        // This computer's own connection cannot go.
        QVERIFY(!m_connections->remove(0).isEmpty());
        QCOMPARE(m_connections->rowCount(), rows - 1);
    }
};

QTEST_MAIN(TestApplianceHosts)
#include "tst_appliancelistmodel_hosts.moc"
