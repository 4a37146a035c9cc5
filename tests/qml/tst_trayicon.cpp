// The tray icon over a real (private) session bus with a StatusNotifierItem watcher, as a
// desktop panel provides: the item registers, its tooltip and menu list what runs and the
// breaches, and its menu's actions reach the shell. Run under dbus-run-session.
#include "appliancesession.h"
#include "breachlistmodel.h"
#include "fakestatusnotifierwatcher.h"
#include "trayicon.h"

#include <QApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusReply>
#include <QDBusVariant>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QThread>

namespace {

QStandardItemModel *applianceModel(QObject *parent)
{
    auto *model = new QStandardItemModel(parent);
    model->setItemRoleNames({{Qt::UserRole + 1, "name"}, {Qt::UserRole + 2, "title"}, {Qt::UserRole + 3, "state"},
                             {Qt::UserRole + 4, "stateText"}, {Qt::UserRole + 5, "session"}});
    auto add = [model](const QString &name, const QString &title, ApplianceSession::State state, const QString &text) {
        auto *item = new QStandardItem;
        item->setData(name, Qt::UserRole + 1);
        item->setData(title, Qt::UserRole + 2);
        item->setData(int(state), Qt::UserRole + 3);
        item->setData(text, Qt::UserRole + 4);
        model->appendRow(item);
    };
    add(QStringLiteral("terminal"), QStringLiteral("Terminal"), ApplianceSession::Running, QStringLiteral("Running"));
    add(QStringLiteral("editor"), QStringLiteral("Editor"), ApplianceSession::Off, QStringLiteral("Off"));
    // A name from a package, written as markup.
    add(QStringLiteral("viewer"), QStringLiteral("<b>Viewer</b> & <img src=x>"), ApplianceSession::Running, QStringLiteral("Running"));
    return model;
}

// The ToolTip property of a StatusNotifierItem: (icon name, icons, title, description). Asked
// as the panel would, without blocking: the item answers from this very thread.
QString toolTipText(const QString &service)
{
    QDBusMessage get = QDBusMessage::createMethodCall(service, QStringLiteral("/StatusNotifierItem"),
                                                      QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.kde.StatusNotifierItem") << QStringLiteral("ToolTip");
    QDBusPendingCallWatcher call(QDBusConnection::sessionBus().asyncCall(get));
    QSignalSpy finished(&call, &QDBusPendingCallWatcher::finished);
    if (!call.isFinished() && !finished.wait(5000))
        return {};
    const QDBusReply<QDBusVariant> reply = call.reply();
    if (!reply.isValid())
        return {};
    const QDBusArgument argument = reply.value().variant().value<QDBusArgument>();
    QString iconName, title, description;
    argument.beginStructure();
    argument >> iconName;
    argument.beginArray();
    while (!argument.atEnd()) {
        int width = 0, height = 0;
        QByteArray data;
        argument.beginStructure();
        argument >> width >> height >> data;
        argument.endStructure();
    }
    argument.endArray();
    argument >> title >> description;
    argument.endStructure();
    return title + QLatin1Char('\n') + description;
}

} // namespace

class TestTrayIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registersAndListsWhatRuns()
    {
        // The panel on a thread and a bus connection of its own.
        QThread panelThread;
        panelThread.start();
        FakeStatusNotifierWatcher watcher;
        QDBusConnection panel = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-panel"));
        QVERIFY2(panel.isConnected(), "no session bus: run under dbus-run-session");
        QVERIFY(panel.registerObject(QStringLiteral("/StatusNotifierWatcher"), &watcher, QDBusConnection::ExportAllContents));
        QVERIFY(panel.registerService(QStringLiteral("org.kde.StatusNotifierWatcher")));
        watcher.moveToThread(&panelThread); // calls to it are answered there from now on
        auto stopPanel = qScopeGuard([&] {
            panelThread.quit();
            panelThread.wait();
        });

        TrayIcon tray;
        QVERIFY(tray.isAvailable());
        QSignalSpy summary(&tray, &TrayIcon::summaryChanged);
        tray.setAppliances(applianceModel(&tray));
        QVERIFY(summary.wait(5000));
        QTRY_VERIFY_WITH_TIMEOUT(!watcher.items().isEmpty(), 5000);
        const QString service = watcher.items().constFirst();

        // Only what runs is listed, with its state and actions.
        QVERIFY2(tray.summary().contains(QStringLiteral("Terminal — Running")), qPrintable(tray.summary()));
        QVERIFY(!tray.summary().contains(QLatin1String("Editor")));
        QStringList entries = tray.menuEntries();
        QVERIFY2(entries.contains(QStringLiteral("Terminal — Running")), qPrintable(entries.join(QLatin1Char('|'))));
        QVERIFY(entries.contains(QStringLiteral("  Pause")));
        QVERIFY(entries.contains(QStringLiteral("  Stop")));
        QVERIFY(entries.contains(QStringLiteral("Quit Tessera")));
        QTRY_VERIFY_WITH_TIMEOUT(toolTipText(service).contains(QStringLiteral("Terminal — Running")), 5000);
        // The panel draws the tool tip as markup: the package's name arrives escaped, as text.
        QVERIFY2(tray.summary().contains(QStringLiteral("<b>Viewer</b> & <img src=x> — Running")), qPrintable(tray.summary()));
        const QString tip = toolTipText(service);
        QVERIFY2(!tip.contains(QLatin1String("<img")) && !tip.contains(QLatin1String("<b>")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("&lt;b&gt;Viewer&lt;/b&gt; &amp; &lt;img src=x&gt;")), qPrintable(tip));

        // A breach shows in the tooltip and the menu at once.
        BreachEvent event;
        event.kind = BreachEvent::Kind::WriteWithoutInput;
        event.appliance = QStringLiteral("terminal");
        event.time = QDateTime::currentDateTimeUtc();
        event.windowStart = event.time.addSecs(-3);
        event.windowEnd = event.time;
        event.subject = QStringLiteral("Documents");
        event.observed = -1;
        event.bound = 30;
        BreachListModel::instance()->add(event);
        QVERIFY(summary.wait(5000));
        // (Without the English plural forms loaded, "breach(es)" stays as written.)
        QVERIFY2(tray.summary().contains(QLatin1String("1 contract breach")), qPrintable(tray.summary()));
        entries = tray.menuEntries();
        const QString all = entries.join(QLatin1Char('|'));
        QVERIFY2(all.contains(QStringLiteral("Terminal — Running (1 breach")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Show 1 breach")), qPrintable(all));
        QTRY_VERIFY_WITH_TIMEOUT(toolTipText(service).contains(QLatin1String("1 contract breach")), 5000);

        // The panel activating the item asks for the shell's window.
        QSignalSpy show(&tray, &TrayIcon::showWindowRequested);
        QDBusMessage activate = QDBusMessage::createMethodCall(service, QStringLiteral("/StatusNotifierItem"),
                                                               QStringLiteral("org.kde.StatusNotifierItem"), QStringLiteral("Activate"));
        activate << 10 << 10;
        QDBusConnection::sessionBus().asyncCall(activate);
        QVERIFY(show.wait(5000));

        panel.unregisterService(QStringLiteral("org.kde.StatusNotifierWatcher"));
        panel.unregisterObject(QStringLiteral("/StatusNotifierWatcher"));
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-panel"));
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestTrayIcon test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_trayicon.moc"
