// The shell's main window shows a breach the moment one is raised: the banner in Main.qml,
// with the appliance and the evidence, and its Dismiss; the breach list (BreachesView) with
// every breach, its evidence and a filter per appliance. Offscreen, on libvirt's test driver.
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

BreachEvent writeWithoutInput(const QString &appliance, const QString &file)
{
    BreachEvent event;
    event.kind = BreachEvent::Kind::WriteWithoutInput;
    event.appliance = appliance;
    event.time = QDateTime::currentDateTimeUtc();
    event.windowStart = event.time.addSecs(-3);
    event.windowEnd = event.time;
    event.subject = QStringLiteral("Documents");
    event.observed = -1;
    event.bound = 30;
    event.addEvidence(file);
    return event;
}

bool click(QQuickItem *item)
{
    if (!item || !item->isVisible() || !item->isEnabled())
        return false;
    QTest::mouseClick(item->window(), Qt::LeftButton, {}, item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint());
    return true;
}

// The delegates of @p list that are shown (a filtered row stays, invisible and 0 high).
QList<QQuickItem *> shownRows(QQuickItem *list)
{
    QList<QQuickItem *> rows;
    const auto contentItem = list->property("contentItem").value<QQuickItem *>();
    for (QQuickItem *child : contentItem->childItems()) {
        if (child->objectName().startsWith(QLatin1String("breach-")) && child->isVisible())
            rows.append(child);
    }
    return rows;
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

        const BreachEvent event = writeWithoutInput(QStringLiteral("terminal"), QStringLiteral("Documents/from-the-guest.txt"));
        BreachListModel::instance()->add(event);
        QTRY_VERIFY2(banner->isVisible(), qPrintable(QStringLiteral("model alert for '%1'").arg(BreachListModel::instance()->alertAppliance())));
        QQuickItem *summary = findItem(banner, QStringLiteral("breachAlertSummary"));
        QVERIFY(summary);
        QVERIFY(summary->property("text").toString().contains(QLatin1String("Documents")));
        // No appliance is built here: the title falls back to the name.
        QVERIFY(findItem(banner, QStringLiteral("breachAlertTitle")));
        QCOMPARE(findItem(banner, QStringLiteral("breachAlertTitle"))->property("text").toString(), QStringLiteral("terminal broke its contract"));

        // The breach list: from the banner's Details, for that appliance, with the evidence.
        QQuickItem *breachesButton = findItem(window->contentItem(), QStringLiteral("breachesButton"));
        QVERIFY(breachesButton);
        QTRY_VERIFY(breachesButton->isVisible());
        QVERIFY(breachesButton->property("text").toString().contains(QLatin1String("(1)")));
        BreachListModel::instance()->add(writeWithoutInput(QStringLiteral("editor"), QStringLiteral("Documents/other.txt")));
        QTRY_VERIFY(breachesButton->property("text").toString().contains(QLatin1String("(2)")));
        QVERIFY(click(findItem(banner, QStringLiteral("breachDetailsButton"))));
        QObject *view = window->findChild<QObject *>(QStringLiteral("breachesView"));
        QVERIFY(view);
        QTRY_VERIFY(view->property("opened").toBool());
        QCOMPARE(view->property("filterAppliance").toString(), QStringLiteral("editor"));
        auto *list = view->findChild<QQuickItem *>(QStringLiteral("breachesList"));
        QVERIFY(list);
        QTRY_COMPARE(shownRows(list).size(), 1);
        QQuickItem *row = shownRows(list).constFirst();
        QCOMPARE(row->property("appliance").toString(), QStringLiteral("editor"));
        QVERIFY(findItem(row, QStringLiteral("evidenceLine")) == nullptr);
        QVERIFY(click(findItem(row, QStringLiteral("evidenceToggle"))));
        QTRY_VERIFY(findItem(row, QStringLiteral("evidenceLine")));
        QVERIFY(findItem(row, QStringLiteral("evidenceLine"))->property("text").toString().contains(QLatin1String("Documents/other.txt")));
        // No appliance is built here: nothing to pause, stop or recover.
        QVERIFY(!findItem(row, QStringLiteral("breachRowRecover"))->isVisible());
        window->grabWindow().save(QStringLiteral(TESSERA_ARTIFACT_DIR "/breaches-view.png"));

        // Every appliance: both breaches, newest first; the filter offers each appliance once.
        view->setProperty("filterAppliance", QString());
        QTRY_COMPARE(shownRows(list).size(), 2);
        QCOMPARE(BreachListModel::instance()->appliances(), (QStringList{QStringLiteral("editor"), QStringLiteral("terminal")}));
        QVERIFY(!findItem(view->property("contentItem").value<QQuickItem *>(), QStringLiteral("breachesEmpty"))->isVisible());
        view->setProperty("filterAppliance", QStringLiteral("mail"));
        QTRY_COMPARE(shownRows(list).size(), 0);
        QTRY_VERIFY(findItem(view->property("contentItem").value<QQuickItem *>(), QStringLiteral("breachesEmpty"))->isVisible());
        QMetaObject::invokeMethod(view, "close");

        BreachListModel::instance()->dismissAlert();
        QTRY_VERIFY(!banner->isVisible());
    }
};

QTEST_MAIN(tst_BreachBanner)
#include "tst_breachbanner.moc"
