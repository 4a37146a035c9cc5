// Breach alerts as desktop notifications over a real (private) session D-Bus: what is sent, and
// the person's choice coming back as an action. Run under dbus-run-session (see CMakeLists).
#include "breachlistmodel.h"
#include "breachnotifier.h"
#include "fakenotificationserver.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QTest>

class TestBreachNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notifiesAndReportsTheChosenAction()
    {
        QDBusConnection service = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-notifications"));
        QVERIFY2(service.isConnected(), "no session bus: run under dbus-run-session");
        FakeNotificationServer server;
        QVERIFY(service.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &server,
                                       QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
        QVERIFY(service.registerService(QStringLiteral("org.freedesktop.Notifications")));

        BreachNotifier notifier;
        QSignalSpy notified(&notifier, &BreachNotifier::notified);
        QSignalSpy requested(&notifier, &BreachNotifier::actionRequested);
        BreachEvent event;
        event.kind = BreachEvent::Kind::WriteWithoutInput;
        event.appliance = QStringLiteral("terminal");
        event.time = QDateTime::currentDateTimeUtc();
        event.windowStart = event.time.addSecs(-3);
        event.windowEnd = event.time;
        event.subject = QStringLiteral("Documents");
        event.observed = -1;
        event.bound = 30;
        event.addEvidence(QStringLiteral("Documents/<evil>.sh"));
        notifier.notify(event);
        QVERIFY(notified.wait(5000));
        QVERIFY(server.lastSummary.contains(QLatin1String("terminal")));
        QVERIFY(server.lastBody.contains(event.describe()));
        QVERIFY(server.lastBody.contains(QLatin1String("Documents/&lt;evil&gt;.sh"))); // guest-chosen names are not markup
        for (const QString &action : {BreachNotifier::pauseAction(), BreachNotifier::stopAction(), BreachNotifier::undoAction()})
            QVERIFY(server.lastActions.contains(action));
        QCOMPARE(server.lastHints.value(QStringLiteral("urgency")).toInt(), 2);

        const uint id = notified.first().first().toUInt();
        Q_EMIT server.ActionInvoked(id + 1000, BreachNotifier::stopAction()); // someone else's notification
        Q_EMIT server.ActionInvoked(id, BreachNotifier::undoAction());
        QVERIFY(requested.wait(5000));
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("terminal"));
        QCOMPARE(requested.first().at(1).toString(), BreachNotifier::undoAction());
        QCOMPARE(requested.first().at(2).toDateTime(), event.windowStart);
        service.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-notifications"));
    }

    // The description quotes what the guest chose (a window's title here): the body is escaped
    // whole, not only the evidence, so a server that reads markup shows it as text.
    void bodyIsEscapedWhole()
    {
        QDBusConnection service = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-notifications-3"));
        QVERIFY2(service.isConnected(), "no session bus: run under dbus-run-session");
        FakeNotificationServer server;
        QVERIFY(service.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &server,
                                       QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
        QVERIFY(service.registerService(QStringLiteral("org.freedesktop.Notifications")));
        BreachNotifier notifier;
        // Named as the launcher names it.
        notifier.setTitleLookup([](const QString &name) { return name == QLatin1String("terminal") ? QStringLiteral("Terminal") : QString(); });
        QSignalSpy notified(&notifier, &BreachNotifier::notified);
        BreachEvent event;
        event.kind = BreachEvent::Kind::FullScreenRefused;
        event.appliance = QStringLiteral("terminal");
        event.time = QDateTime::currentDateTimeUtc();
        event.subject = QStringLiteral("<img src=\"http://127.0.0.1:9/title\">");
        notifier.notify(event);
        QVERIFY(notified.wait(5000));
        QCOMPARE(server.lastSummary, QStringLiteral("Terminal broke its contract"));
        QVERIFY2(!server.lastBody.contains(QLatin1Char('<')), qPrintable(server.lastBody));
        QVERIFY2(server.lastBody.contains(QStringLiteral("&lt;img src=&quot;http://127.0.0.1:9/title&quot;&gt;")), qPrintable(server.lastBody));
        service.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-notifications-3"));
    }

    void atMostOneNotificationPerAppliancePerInterval()
    {
        QDBusConnection service = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-notifications-2"));
        QVERIFY2(service.isConnected(), "no session bus: run under dbus-run-session");
        FakeNotificationServer server;
        QVERIFY(service.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &server,
                                       QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
        QVERIFY(service.registerService(QStringLiteral("org.freedesktop.Notifications")));

        constexpr int IntervalMs = 1500;
        BreachNotifier notifier(nullptr, IntervalMs);
        QCOMPARE(notifier.minIntervalMs(), IntervalMs);
        QSignalSpy notified(&notifier, &BreachNotifier::notified);
        QSignalSpy requested(&notifier, &BreachNotifier::actionRequested);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto breach = [&](const QString &appliance, const QString &subject, int beganSecondsAgo) {
            BreachEvent event;
            event.kind = BreachEvent::Kind::ConnectionDenied;
            event.appliance = appliance;
            event.time = now;
            event.windowStart = now.addSecs(-beganSecondsAgo);
            event.windowEnd = now;
            event.subject = subject;
            return event;
        };
        notifier.notify(breach(QStringLiteral("terminal"), QStringLiteral("127.0.0.1:1"), 10));
        QTRY_COMPARE_WITH_TIMEOUT(server.notifyCount, 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 1, 5000);
        const uint first = notified.first().first().toUInt();
        QCOMPARE(server.lastReplacesId, 0u);
        // Two more of the terminal's right after: held. The editor's is its own and goes at once;
        // once it has arrived, anything sent before it would have too.
        notifier.notify(breach(QStringLiteral("terminal"), QStringLiteral("127.0.0.1:2"), 60));
        notifier.notify(breach(QStringLiteral("terminal"), QStringLiteral("127.0.0.1:3"), 5));
        notifier.notify(breach(QStringLiteral("editor"), QStringLiteral("127.0.0.1:4"), 1));
        QTRY_VERIFY_WITH_TIMEOUT(server.lastSummary.contains(QLatin1String("editor")), 5000);
        QCOMPARE(server.notifyCount, 2);
        // When the interval ends, one follow-up replaces the terminal's notice: the latest
        // breach, how many it stands for, and Undo since the earliest began.
        QTRY_COMPARE_WITH_TIMEOUT(server.notifyCount, 3, 4 * IntervalMs);
        QCOMPARE(server.lastReplacesId, first);
        QVERIFY2(server.lastSummary.contains(QLatin1String("terminal")) && server.lastSummary.contains(QLatin1String("2 breach")),
                 qPrintable(server.lastSummary));
        QVERIFY(server.lastBody.contains(QLatin1String("127.0.0.1:3")));
        QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 3, 5000);
        Q_EMIT server.ActionInvoked(first, BreachNotifier::undoAction());
        QVERIFY(requested.wait(5000));
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("terminal"));
        QCOMPARE(requested.first().at(2).toDateTime(), now.addSecs(-60));
        // Nothing else was held back.
        QVERIFY(!QTest::qWaitFor([&] { return server.notifyCount > 3; }, 2 * IntervalMs));
        service.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-notifications-2"));
    }

    void withoutAServiceNothingBreaks()
    {
        BreachNotifier notifier;
        QSignalSpy notified(&notifier, &BreachNotifier::notified);
        BreachEvent event;
        event.appliance = QStringLiteral("editor");
        event.time = QDateTime::currentDateTimeUtc();
        notifier.notify(event);
        QVERIFY(!notified.wait(1000));
    }
};

QTEST_GUILESS_MAIN(TestBreachNotifier)
#include "tst_breachnotifier.moc"
