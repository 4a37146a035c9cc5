// The shell's main window shows a breach the moment one is raised: the banner in Main.qml,
// with the appliance and the evidence, and its Dismiss. Offscreen, on libvirt's test driver.
#include "breachlistmodel.h"
#include "hypervisor.h"

#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(TesseraPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_SeamlessPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_ContractsPlugin)

namespace {
QQuickItem *findItem(QQuickItem *root, const QString &objectName)
{
    if (!root)
        return nullptr;
    if (root->objectName() == objectName)
        return root;
    for (QQuickItem *child : root->childItems()) {
        if (QQuickItem *found = findItem(child, objectName))
            return found;
    }
    return nullptr;
}
} // namespace

class tst_BreachBanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsARaisedBreach()
    {
        QTemporaryDir home;
        qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("TESSERA_DATA_DIR", home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("TESSERA_CACHE_DIR", home.filePath(QStringLiteral("cache")).toUtf8()); // no appliances built
        ConnectionSettings settings;
        settings.uri = QStringLiteral("test:///default");
        Hypervisor hypervisor(settings);
        Hypervisor::setInstance(&hypervisor);
        hypervisor.open();
        QQmlApplicationEngine engine;
        engine.load(QUrl(QStringLiteral("qrc:/Tessera/Main.qml")));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        QVERIFY(window);
        const int typeId = qmlTypeId("Tessera", 1, 0, "Breaches");
        QCOMPARE(engine.singletonInstance<BreachListModel *>(typeId), BreachListModel::instance());
        QQuickItem *banner = findItem(window->contentItem(), QStringLiteral("breachAlert"));
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());

        BreachEvent event;
        event.kind = BreachEvent::Kind::WriteWithoutInput;
        event.appliance = QStringLiteral("terminal");
        event.time = QDateTime::currentDateTimeUtc();
        event.windowStart = event.time.addSecs(-3);
        event.windowEnd = event.time;
        event.subject = QStringLiteral("Documents");
        event.observed = -1;
        event.bound = 30;
        event.addEvidence(QStringLiteral("Documents/from-the-guest.txt"));
        BreachListModel::instance()->add(event);
        QTRY_VERIFY2(banner->isVisible(), qPrintable(QStringLiteral("model alert for '%1'").arg(BreachListModel::instance()->alertAppliance())));
        QQuickItem *summary = findItem(banner, QStringLiteral("breachAlertSummary"));
        QVERIFY(summary);
        QVERIFY(summary->property("text").toString().contains(QLatin1String("Documents")));
        // No appliance is built here: the title falls back to the name.
        QVERIFY(findItem(banner, QStringLiteral("breachAlertTitle")));
        QCOMPARE(findItem(banner, QStringLiteral("breachAlertTitle"))->property("text").toString(), QStringLiteral("terminal broke its contract"));

        BreachListModel::instance()->dismissAlert();
        QTRY_VERIFY(!banner->isVisible());
    }
};

QTEST_MAIN(tst_BreachBanner)
#include "tst_breachbanner.moc"
