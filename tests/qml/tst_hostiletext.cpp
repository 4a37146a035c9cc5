// The shell's real Main.qml with markup in every string that comes from a package, a guest or a
// file name: appliance names and contract texts from the OVF descriptor, breach subjects and
// evidence, quarantined paths, an import's file name. Each names an image on a listener this test
// runs on 127.0.0.1. Every view is opened and drawn; then no request may have reached the
// listener, no text item may read the markup (a QQuickText holding '<' must be PlainText), and
// the shell must not crash (Qt 6.4's IconLabel did on an <img> in a button or a combo box row).
//
// "Nothing arrived" is waited on through a barrier fetch (markupprobe.h); the first test proves
// the listener sees the fetch that markup in an AutoText Text makes.
#include "appliancelistmodel.h"
#include "appliancesession.h"
#include "breachlistmodel.h"
#include "connectionlistmodel.h"
#include "hypervisor.h"
#include "markupprobe.h"
#include "quarantinerecord.h"
#include "quarantinestore.h"
#include "storehistory.h"
#include "tesserapaths.h"
#include "testimage.h"

#include <QApplication>
#include <QDir>
#include <QJsonDocument>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(TesseraPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_SeamlessPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_ContractsPlugin)

class tst_HostileText : public QObject
{
    Q_OBJECT

    // Markup naming an image on the listener; @p tag says which string it was.
    QString hostile(const QString &tag) const { return m_probe.markup(tag); }

    // A descriptor like the terminal's, with markup in its name, its contract's texts and a store folder.
    QString hostileDescriptor(const QString &nameTag) const
    {
        QFile file(QStringLiteral(TESSERA_SOURCE_DIR "/appliances/terminal/appliance.ovf"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QString xml = QString::fromUtf8(file.readAll());
        xml.replace(QStringLiteral("<Name>Terminal</Name>"), QStringLiteral("<Name>%1</Name>").arg(hostile(nameTag).toHtmlEscaped()));
        static const QRegularExpression info(QStringLiteral("<Info>[^<]*</Info>"));
        xml.replace(info, QStringLiteral("<Info>%1</Info>").arg(hostile(QStringLiteral("info")).toHtmlEscaped()));
        // A store folder cannot hold "//", so this one can only show markup, not fetch.
        xml.replace(QStringLiteral("<Store>Documents</Store>"), QStringLiteral("<Store>&lt;b&gt;Documents&lt;/b&gt;</Store>"));
        return xml;
    }

    bool addAppliance(const QString &cache, const QString &name, const QString &nameTag)
    {
        if (!makeTestAppliance(cache, name))
            return false;
        const QString dir = QStringLiteral("%1/appliances/%2/h1/").arg(cache, name);
        QFile descriptor(dir + QStringLiteral("appliance.ovf"));
        QFile build(dir + QStringLiteral("build.json"));
        // The same job, so the consent dialog offers "Compare with <the other's name>".
        return descriptor.open(QIODevice::WriteOnly) && descriptor.write(hostileDescriptor(nameTag).toUtf8()) > 0
               && build.open(QIODevice::WriteOnly)
               && build.write(R"({"cmdline": "root=/dev/vda rw", "hash": "h1", "job": "Terminal", "build_seconds": 1.5})") > 0;
    }

    // Draws the window: no text item may read markup, and nothing may have been fetched.
    void verifyNothingFetched(const QString &view)
    {
        QVERIFY(QQuickTest::qWaitForPolish(m_window, 5000));
        QVERIFY(m_window->grabWindow().save(QStringLiteral(TESSERA_ARTIFACT_DIR "/hostile-%1.png").arg(view)));
        const QStringList readers = MarkupProbe::markupReaders(m_window->contentItem());
        const QStringList fetched = m_probe.requestsBefore(m_engine, m_window, QStringLiteral("barrier-") + view);
        QVERIFY2(fetched.isEmpty(), qPrintable(view + QStringLiteral(": the shell fetched ") + fetched.join(QStringLiteral(", "))));
        QVERIFY2(readers.isEmpty(), qPrintable(view + QStringLiteral(": text items that read markup:\n  ") + readers.join(QStringLiteral("\n  "))));
    }

    QObject *openPopup(const QString &objectName)
    {
        QObject *popup = m_window->findChild<QObject *>(objectName);
        if (popup)
            QMetaObject::invokeMethod(popup, "open");
        return popup;
    }

    static void closePopup(QObject *popup)
    {
        QMetaObject::invokeMethod(popup, "close");
        QTRY_VERIFY(!popup->property("visible").toBool());
    }

    QQuickItem *findVisibleItem(QQuickItem *root, const QString &objectName) const
    {
        if (!root || !root->isVisible())
            return nullptr;
        if (root->objectName() == objectName)
            return root;
        const QList<QQuickItem *> children = root->childItems();
        for (QQuickItem *child : children) {
            if (QQuickItem *found = findVisibleItem(child, objectName))
                return found;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_probe.isListening());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("TESSERA_DATA_DIR", m_home.filePath(QStringLiteral("data")).toUtf8());
        const QString cache = m_home.filePath(QStringLiteral("cache"));
        qputenv("TESSERA_CACHE_DIR", cache.toUtf8());
        QVERIFY(addAppliance(cache, QStringLiteral("terminal"), QStringLiteral("name")));
        QVERIFY(addAppliance(cache, QStringLiteral("terminal2"), QStringLiteral("other-name")));
        QDir().mkpath(QStringLiteral(TESSERA_ARTIFACT_DIR));
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
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_appliances = m_window->findChild<ApplianceListModel *>();
        QVERIFY(m_appliances);
        QTRY_COMPARE(m_appliances->rowCount(), 2);
        QVERIFY(m_appliances->session(QStringLiteral("terminal"))->title().contains(QLatin1String("<img")));
    }

    void cleanupTestCase()
    {
        delete m_engine;
        m_engine = nullptr;
        delete m_history;
        m_history = nullptr;
    }

    // The control: a Text in AutoText does fetch the image its markup names, so the listener
    // would see what this test looks for.
    void listenerSeesMarkupFetches()
    {
        QQmlComponent component(m_engine);
        component.setData(QStringLiteral("import QtQuick\nText { text: '%1' }").arg(hostile(QStringLiteral("control"))).toUtf8(),
                          QUrl(QStringLiteral("qrc:/control.qml")));
        std::unique_ptr<QQuickItem> text(qobject_cast<QQuickItem *>(component.create()));
        QVERIFY(text);
        text->setParentItem(m_window->contentItem());
        QVERIFY(m_probe.waitForRequest(QStringLiteral("control")));
        m_probe.clear();
    }

    void launcher() { verifyNothingFetched(QStringLiteral("launcher")); }

    void breachBannerAndList()
    {
        BreachEvent refused;
        refused.kind = BreachEvent::Kind::FullScreenRefused;
        refused.appliance = QStringLiteral("terminal");
        refused.time = QDateTime::currentDateTimeUtc();
        refused.windowStart = refused.windowEnd = refused.time;
        refused.subject = hostile(QStringLiteral("window-title"));
        refused.addEvidence(hostile(QStringLiteral("evidence")));
        BreachListModel::instance()->add(refused);
        QTRY_VERIFY(findVisibleItem(m_window->contentItem(), QStringLiteral("breachAlert")));
        QQuickItem *summary = findVisibleItem(m_window->contentItem(), QStringLiteral("breachAlertSummary"));
        QVERIFY(summary);
        QVERIFY2(summary->property("text").toString().contains(refused.subject), qPrintable(summary->property("text").toString()));
        verifyNothingFetched(QStringLiteral("banner"));

        QObject *view = m_window->findChild<QObject *>(QStringLiteral("breachesView"));
        QVERIFY(view);
        QMetaObject::invokeMethod(view, "openFor", Q_ARG(QVariant, QString()));
        QTRY_VERIFY(view->property("opened").toBool());
        QQuickItem *row = nullptr;
        QTRY_VERIFY((row = findVisibleItem(m_window->contentItem(), QStringLiteral("breach-0"))));
        QQuickItem *toggle = findVisibleItem(row, QStringLiteral("evidenceToggle"));
        QVERIFY(toggle);
        QVERIFY(QMetaObject::invokeMethod(toggle, "clicked"));
        QTRY_VERIFY(findVisibleItem(row, QStringLiteral("evidenceLine")));
        // The appliance filter's rows carry the appliances' names.
        QQuickItem *filter = findVisibleItem(m_window->contentItem(), QStringLiteral("breachFilter"));
        QVERIFY(filter);
        QObject *filterPopup = filter->property("popup").value<QObject *>();
        QVERIFY(filterPopup);
        QMetaObject::invokeMethod(filterPopup, "open");
        QTRY_VERIFY(filterPopup->property("opened").toBool());
        verifyNothingFetched(QStringLiteral("breaches"));
        closePopup(filterPopup);
        closePopup(view);
        BreachListModel::instance()->dismissAlert();
    }

    void consentAndComparison()
    {
        QObject *dialog = m_window->findChild<QObject *>(QStringLiteral("consentDialog"));
        QVERIFY(dialog);
        // As a launch from the card asks (nothing accepted yet): with the other appliance for the same job.
        QMetaObject::invokeMethod(m_window, "requestLaunch", Q_ARG(QVariant, QVariant::fromValue(m_appliances->session(QStringLiteral("terminal")))));
        QTRY_VERIFY(dialog->property("opened").toBool());
        auto *launch = dialog->findChild<QQuickItem *>(QStringLiteral("consentLaunchButton"));
        QVERIFY(launch);
        QTRY_VERIFY_WITH_TIMEOUT(launch->isEnabled(), 10000);
        QQuickItem *compare = findVisibleItem(m_window->contentItem(), QStringLiteral("consentCompareButton"));
        QVERIFY2(compare, "the other appliance with the same job is offered for comparison");
        verifyNothingFetched(QStringLiteral("consent"));
        QVERIFY(QMetaObject::invokeMethod(compare, "clicked"));
        QObject *comparison = nullptr;
        QTRY_VERIFY((comparison = m_window->findChild<QObject *>(QStringLiteral("contractCompareView")))
                    && comparison->property("opened").toBool());
        verifyNothingFetched(QStringLiteral("comparison"));
        closePopup(comparison);
        closePopup(dialog);
    }

    void recoveryAndConfirmations()
    {
        ApplianceSession *terminal = m_appliances->session(QStringLiteral("terminal"));
        QMetaObject::invokeMethod(m_window, "openRecoveryPanel", Q_ARG(QVariant, QVariant::fromValue(terminal)));
        QObject *panel = m_window->findChild<QObject *>(QStringLiteral("recoveryPanel"));
        QVERIFY(panel);
        QTRY_VERIFY(panel->property("opened").toBool());
        verifyNothingFetched(QStringLiteral("recovery"));
        closePopup(panel);

        for (const char *confirm : {"confirmRecover", "confirmRollback"}) {
            QMetaObject::invokeMethod(m_window, confirm, Q_ARG(QVariant, QVariant::fromValue(terminal)));
            QObject *dialog = m_window->findChild<QObject *>(QLatin1String(confirm) == QLatin1String("confirmRecover") ? QStringLiteral("recoverDialog")
                                                                                                                     : QStringLiteral("rollbackDialog"));
            QVERIFY(dialog);
            QTRY_VERIFY(dialog->property("opened").toBool());
            verifyNothingFetched(QLatin1String(confirm));
            closePopup(dialog);
        }
    }

    // What an inspected system held: paths a guest chose.
    void quarantine()
    {
        const QString id = QStringLiteral("20260101T000000Z");
        const QuarantineStore store(TesseraPaths::instanceDir(QStringLiteral("terminal")));
        QVERIFY(QDir().mkpath(store.folder(id)));
        QuarantineRecord record;
        record.id = id;
        record.time = QDateTime::currentDateTimeUtc();
        QFile json(store.recordPath(id));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(QJsonDocument(record.toJson()).toJson());
        json.close();
        QFile report(store.reportPath(id));
        QVERIFY(report.open(QIODevice::WriteOnly));
        const QString planted = QStringLiteral("/etc/xdg/autostart/<img src=http:127.0.0.1:%1>").arg(m_probe.serverPort());
        report.write(QStringLiteral("TESSERA-DELTA 1\nA f 0644 1 1 - - %1\nEND 1\n").arg(planted).toUtf8());
        report.close();
        QObject *dialog = m_window->findChild<QObject *>(QStringLiteral("quarantineDialog"));
        QVERIFY(dialog);
        QMetaObject::invokeMethod(dialog, "show", Q_ARG(QVariant, id));
        QTRY_VERIFY(dialog->property("opened").toBool());
        verifyNothingFetched(QStringLiteral("quarantine"));
        closePopup(dialog);
    }

    // An import's errors quote the file's name.
    void importError()
    {
        const QString package = m_home.filePath(QStringLiteral("<img src=not-an-appliance>.ova"));
        QFile file(package);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a tar archive");
        file.close();
        QObject *dialog = openPopup(QStringLiteral("importDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QObject *importer = dialog->findChild<QObject *>(QStringLiteral("applianceImport"));
        QVERIFY(importer);
        QMetaObject::invokeMethod(importer, "inspect", Q_ARG(QString, package));
        QQuickItem *error = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((error = findVisibleItem(m_window->contentItem(), QStringLiteral("importError"))), 10000);
        verifyNothingFetched(QStringLiteral("import"));
        closePopup(dialog);
    }

    void settings()
    {
        QObject *dialog = openPopup(QStringLiteral("settingsDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        verifyNothingFetched(QStringLiteral("settings"));
        closePopup(dialog);
    }

private:
    MarkupProbe m_probe;
    QTemporaryDir m_home;
    Hypervisor *m_hypervisor = nullptr;
    StoreHistory *m_history = nullptr;
    ConnectionListModel *m_connections = nullptr;
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;
    ApplianceListModel *m_appliances = nullptr;
};

QTEST_MAIN(tst_HostileText)
#include "tst_hostiletext.moc"
