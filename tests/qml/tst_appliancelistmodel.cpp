// The launcher's model against libvirt's test driver: rows, roles, live state, consent storage.
#include "appliancelistmodel.h"
#include "appliancesession.h"
#include "consentstore.h"
#include "hypervisor.h"
#include "testimage.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestApplianceListModel : public QObject
{
    Q_OBJECT
    QTemporaryDir m_cache;
    QTemporaryDir m_data;
    Hypervisor *m_hypervisor = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TESSERA_CACHE_DIR", m_cache.path().toUtf8());
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        QVERIFY(makeTestAppliance(m_cache.path(), QStringLiteral("alpha")));
        QVERIFY(makeTestAppliance(m_cache.path(), QStringLiteral("beta")));
        ConnectionSettings settings;
        settings.uri = QStringLiteral("test:///default");
        m_hypervisor = new Hypervisor(settings, this);
        Hypervisor::setInstance(m_hypervisor);
        QSignalSpy status(m_hypervisor, &Hypervisor::statusChanged);
        m_hypervisor->open();
        QVERIFY(status.wait(10000));
        QCOMPARE(m_hypervisor->status(), Hypervisor::Connected);
    }

    void guestIsUp_data()
    {
        QTest::addColumn<bool>("imported");
        QTest::addColumn<QString>("agentState");
        QTest::addColumn<QSize>("display");
        QTest::addColumn<bool>("up");
        QTest::newRow("built, agent up") << false << QStringLiteral("up") << QSize(1024, 768) << true;
        QTest::newRow("built, picture but no agent yet") << false << QString() << QSize(1024, 768) << false;
        QTest::newRow("built, agent starting") << false << QStringLiteral("starting") << QSize(1024, 768) << false;
        QTest::newRow("imported, no agent, no picture") << true << QString() << QSize() << false;
        QTest::newRow("imported, no agent, picture") << true << QString() << QSize(800, 600) << true;
        QTest::newRow("imported with an agent that is up") << true << QStringLiteral("up") << QSize() << true;
    }

    void guestIsUp()
    {
        QFETCH(bool, imported);
        QFETCH(QString, agentState);
        QFETCH(QSize, display);
        QFETCH(bool, up);
        QCOMPARE(ApplianceSession::guestIsUp(imported, agentState, display), up);
    }

    void listsAppliancesWithLiveState()
    {
        ApplianceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.isLoading());
        const QModelIndex first = model.index(0);
        QCOMPARE(model.data(first, ApplianceListModel::NameRole).toString(), QStringLiteral("alpha"));
        ApplianceSession *session = model.session(QStringLiteral("alpha"));
        QVERIFY(session);
        QTRY_COMPARE(session->state(), ApplianceSession::Off);
        QCOMPARE(model.data(first, ApplianceListModel::StateRole).toInt(), int(ApplianceSession::Off));

        // A descriptor that is not a valid OVF makes the appliance not launchable, with the reason.
        QVERIFY(!session->launchable());
        QVERIFY(session->problem().contains(QLatin1String("appliance.ovf")));
        QSignalSpy failed(session, &ApplianceSession::failed);
        session->launch();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(session->state(), ApplianceSession::Off);

        // reload() keeps existing sessions and adds new appliances.
        QVERIFY(makeTestAppliance(m_cache.path(), QStringLiteral("gamma")));
        model.reload();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.session(QStringLiteral("alpha")), session);
    }

    void consentIsStoredAtomicallyPerAppliance()
    {
        ConsentStore store;
        QCOMPARE(store.acceptedDescriptor(QStringLiteral("alpha")), QString());
        QTemporaryDir dir;
        QFile descriptor(dir.filePath(QStringLiteral("a.ovf")));
        QVERIFY(descriptor.open(QIODevice::WriteOnly));
        descriptor.write("<Envelope/>");
        descriptor.close();
        QVERIFY(store.remember(QStringLiteral("alpha"), descriptor.fileName(), QStringLiteral("digest")));
        const QString copy = store.acceptedDescriptor(QStringLiteral("alpha"));
        QVERIFY(!copy.isEmpty());
        QFile stored(copy);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), QByteArray("<Envelope/>"));
        QVERIFY(!store.remember(QStringLiteral("beta"), dir.filePath(QStringLiteral("missing.ovf")), QStringLiteral("d")));
        QCOMPARE(store.acceptedDescriptor(QStringLiteral("beta")), QString());
        store.forget(QStringLiteral("alpha"));
        QCOMPARE(store.acceptedDescriptor(QStringLiteral("alpha")), QString());
    }
};

QTEST_MAIN(TestApplianceListModel)
#include "tst_appliancelistmodel.moc"
