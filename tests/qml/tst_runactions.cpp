// No dead ends around a run, in the real Main.qml on libvirt's test driver: a paused appliance
// offers Resume on its card and in the banner; the banner and the breach list offer Pause, Resume
// and Stop only for a breach of the appliance's current run (not for one that is off, nor for a
// breach of an earlier run); a roll back says what it did; and the full-desktop window of an
// appliance that went off closes instead of only saying "Off".
#include "appliancelistmodel.h"
#include "appliancesession.h"
#include "breachlistmodel.h"
#include "connectionlistmodel.h"
#include "hypervisor.h"
#include "storehistory.h"
#include "tesserapaths.h"
#include "testimage.h"

#include <QApplication>
#include <QDir>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(TesseraPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_SeamlessPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_ContractsPlugin)

class tst_RunActions : public QObject
{
    Q_OBJECT

    QQuickItem *findVisible(QQuickItem *root, const QString &objectName) const
    {
        if (!root || !root->isVisible())
            return nullptr;
        if (root->objectName() == objectName)
            return root;
        const QList<QQuickItem *> children = root->childItems();
        for (QQuickItem *child : children) {
            if (QQuickItem *found = findVisible(child, objectName))
                return found;
        }
        return nullptr;
    }

    QQuickItem *card() const { return findVisible(m_window->contentItem(), QStringLiteral("card-editor")); }
    QQuickItem *banner() const { return findVisible(m_window->contentItem(), QStringLiteral("breachAlert")); }

    static BreachEvent breachAt(const QDateTime &time)
    {
        BreachEvent event;
        event.kind = BreachEvent::Kind::CpuOverQuota;
        event.appliance = QStringLiteral("editor");
        event.time = time;
        event.windowStart = time.addSecs(-10);
        event.windowEnd = time;
        event.subject = QStringLiteral("CPU");
        event.observed = 90;
        event.bound = 50;
        return event;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("TESSERA_DATA_DIR", m_home.filePath(QStringLiteral("data")).toUtf8());
        const QString cache = m_home.filePath(QStringLiteral("cache"));
        qputenv("TESSERA_CACHE_DIR", cache.toUtf8());
        QVERIFY(makeTestAppliance(cache, QStringLiteral("editor")));
        const QString descriptor = cache + QStringLiteral("/appliances/editor/h1/appliance.ovf");
        QFile::remove(descriptor);
        QVERIFY(QFile::copy(QStringLiteral(TESSERA_SOURCE_DIR "/appliances/editor/appliance.ovf"), descriptor));
        QDir().mkpath(TesseraPaths::personalStoreDir());
        m_history = new StoreHistory(TesseraPaths::storeJournalDir(), TesseraPaths::personalStoreDir(), this);
        ConnectionSettings settings;
        settings.uri = QStringLiteral("test:///default");
        m_hypervisor = new Hypervisor(settings, this);
        Hypervisor::setInstance(m_hypervisor);
        QSignalSpy status(m_hypervisor, &Hypervisor::statusChanged);
        m_hypervisor->open();
        QVERIFY(status.wait(10000));
        m_connections = new ConnectionListModel(m_hypervisor, this);
        ConnectionListModel::setInstance(m_connections);
        m_engine = new QQmlApplicationEngine(this);
        m_engine->load(QUrl(QStringLiteral("qrc:/Tessera/Main.qml")));
        QCOMPARE(m_engine->rootObjects().size(), 1);
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        auto *appliances = m_window->findChild<ApplianceListModel *>();
        QVERIFY(appliances);
        QTRY_COMPARE(appliances->rowCount(), 1);
        m_editor = appliances->session(QStringLiteral("editor"));
        QTRY_COMPARE(m_editor->state(), ApplianceSession::Off);
    }

    void cleanupTestCase()
    {
        delete m_engine;
        m_engine = nullptr;
        delete m_history;
        m_history = nullptr;
    }

    void pausedOffersResume()
    {
        QVERIFY(!m_editor->runStarted().isValid());
        const QDateTime beforeRun = QDateTime::currentDateTimeUtc().addSecs(-60);
        m_editor->vm()->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_editor->vm()->state(), ApplianceVm::Running, 10000);
        QVERIFY(m_editor->runStarted().isValid());
        m_editor->pause();
        QTRY_COMPARE_WITH_TIMEOUT(m_editor->state(), ApplianceSession::Paused, 10000);
        QTRY_VERIFY(findVisible(card(), QStringLiteral("resumeButton")));
        QVERIFY(findVisible(card(), QStringLiteral("stopButton")));
        QVERIFY(findVisible(card(), QStringLiteral("showButton")));
        QVERIFY(!findVisible(card(), QStringLiteral("pauseButton")));

        // A breach of an earlier run: the banner offers nothing to pause, resume or stop.
        BreachListModel::instance()->add(breachAt(beforeRun));
        QTRY_VERIFY(banner());
        QVERIFY(!findVisible(banner(), QStringLiteral("breachResumeButton")));
        QVERIFY(!findVisible(banner(), QStringLiteral("breachStopButton")));
        QVERIFY(!findVisible(banner(), QStringLiteral("breachPauseButton")));
        // One of this run, while it is paused: Resume and Stop, not Pause.
        BreachListModel::instance()->add(breachAt(QDateTime::currentDateTimeUtc()));
        QTRY_VERIFY(findVisible(banner(), QStringLiteral("breachResumeButton")));
        QVERIFY(findVisible(banner(), QStringLiteral("breachStopButton")));
        QVERIFY(!findVisible(banner(), QStringLiteral("breachPauseButton")));
        m_window->grabWindow().save(QStringLiteral(TESSERA_ARTIFACT_DIR "/runactions-paused.png"));

        // The breach list: the row of this run has Resume and Stop, the earlier run's row none.
        QObject *view = m_window->findChild<QObject *>(QStringLiteral("breachesView"));
        QVERIFY(view);
        QMetaObject::invokeMethod(view, "openFor", Q_ARG(QVariant, QString()));
        QTRY_VERIFY(view->property("opened").toBool());
        QQuickItem *newest = nullptr, *earlier = nullptr;
        QTRY_VERIFY((newest = findVisible(m_window->contentItem(), QStringLiteral("breach-0")))
                    && (earlier = findVisible(m_window->contentItem(), QStringLiteral("breach-1"))));
        QVERIFY(findVisible(newest, QStringLiteral("breachRowResume")));
        QVERIFY(findVisible(newest, QStringLiteral("breachRowStop")));
        QVERIFY(!findVisible(earlier, QStringLiteral("breachRowResume")));
        QVERIFY(!findVisible(earlier, QStringLiteral("breachRowStop")));

        // Resume from the banner.
        QQuickItem *resume = findVisible(banner(), QStringLiteral("breachResumeButton"));
        QMetaObject::invokeMethod(view, "close");
        QTRY_VERIFY(!view->property("visible").toBool());
        QVERIFY(QMetaObject::invokeMethod(resume, "clicked"));
        QTRY_COMPARE_WITH_TIMEOUT(m_editor->vm()->state(), ApplianceVm::Running, 10000);
        QTRY_VERIFY(!findVisible(card(), QStringLiteral("resumeButton")));
    }

    // Stopped (here: switched off), the banner offers nothing for it, and its window closes.
    void offOffersNothingAndItsWindowCloses()
    {
        QMetaObject::invokeMethod(m_window, "openGuestWindow", Q_ARG(QVariant, QVariant::fromValue(m_editor)));
        QWindow *guestWindow = nullptr;
        QTRY_VERIFY((guestWindow = [] {
            for (QWindow *window : QGuiApplication::topLevelWindows())
                if (window->isVisible() && window->title().startsWith(QLatin1String("[Text editor]")))
                    return window;
            return static_cast<QWindow *>(nullptr);
        }()));
        m_editor->stop();
        QTRY_COMPARE_WITH_TIMEOUT(m_editor->state(), ApplianceSession::Off, 10000);
        QVERIFY(!m_editor->runStarted().isValid());
        QTRY_VERIFY(!guestWindow->isVisible());
        QVERIFY(banner()); // the breach is still on record...
        QVERIFY(!findVisible(banner(), QStringLiteral("breachStopButton"))); // ...with nothing to stop
        QVERIFY(!findVisible(banner(), QStringLiteral("breachResumeButton")));
        BreachListModel::instance()->dismissAlert();
    }

    void rollBackSaysWhatItDid()
    {
        QVERIFY(!findVisible(card(), QStringLiteral("actionNotice")));
        QSignalSpy rolledBack(m_editor, &ApplianceSession::rolledBack);
        m_editor->rollback();
        QVERIFY(rolledBack.wait(10000));
        QQuickItem *notice = nullptr;
        QTRY_VERIFY((notice = findVisible(card(), QStringLiteral("actionNotice"))));
        QVERIFY2(notice->property("text").toString().contains(QLatin1String("clean state")), qPrintable(notice->property("text").toString()));
        // A new run: the notice is history.
        m_editor->vm()->start();
        QTRY_VERIFY_WITH_TIMEOUT(!findVisible(card(), QStringLiteral("actionNotice")), 10000);
        // Stop while it is still being prepared (the card offers Stop while it starts): it stops
        // once it runs instead of not at all.
        QCOMPARE(m_editor->vm()->state(), ApplianceVm::Preparing);
        m_editor->stop();
        QTRY_COMPARE_WITH_TIMEOUT(m_editor->state(), ApplianceSession::Off, 10000);
    }

    // "Take a restore point now" after a fresh session left its disk on the ready state (fresh
    // mode, roll back, switch to keep changes): nothing to keep yet, and the panel says so.
    void restorePointSaysWhyNot()
    {
        m_editor->setKeepChanges(true);
        QTRY_VERIFY_WITH_TIMEOUT(m_editor->keepChanges(), 10000);
        const QString instance = TesseraPaths::instanceDir(QStringLiteral("editor"));
        const QString ready = instance + QStringLiteral("/ready-like.qcow2");
        const QString live = instance + QStringLiteral("/system.qcow2");
        QFile::remove(live);
        QCOMPARE(QProcess::execute(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                                                                QStringLiteral("-b"), m_editor->vm()->image().baseDisk, QStringLiteral("-F"),
                                                                QStringLiteral("qcow2"), ready}), 0);
        QCOMPARE(QProcess::execute(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                                                                QStringLiteral("-b"), ready, QStringLiteral("-F"), QStringLiteral("qcow2"), live}), 0);
        QMetaObject::invokeMethod(m_window, "openRecoveryPanel", Q_ARG(QVariant, QVariant::fromValue(m_editor)));
        QObject *panel = m_window->findChild<QObject *>(QStringLiteral("recoveryPanel"));
        QVERIFY(panel);
        QTRY_VERIFY(panel->property("opened").toBool());
        QQuickItem *take = nullptr;
        QTRY_VERIFY((take = findVisible(m_window->contentItem(), QStringLiteral("takePointButton"))) && take->isEnabled());
        QVERIFY(QMetaObject::invokeMethod(take, "clicked"));
        QQuickItem *problem = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((problem = findVisible(m_window->contentItem(), QStringLiteral("systemProblem"))), 10000);
        QVERIFY2(problem->property("text").toString().contains(QLatin1String("start the appliance once")), qPrintable(problem->property("text").toString()));
        m_window->grabWindow().save(QStringLiteral(TESSERA_ARTIFACT_DIR "/runactions-point-refused.png"));
        QMetaObject::invokeMethod(panel, "close");
        QTRY_VERIFY(!panel->property("visible").toBool());
    }

private:
    QTemporaryDir m_home;
    Hypervisor *m_hypervisor = nullptr;
    StoreHistory *m_history = nullptr;
    ConnectionListModel *m_connections = nullptr;
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;
    ApplianceSession *m_editor = nullptr;
};

QTEST_MAIN(tst_RunActions)
#include "tst_runactions.moc"
