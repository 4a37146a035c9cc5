// Layout errors in the shell's real Main.qml and its dialogs, at the scale factor the test runs
// with (ctest runs it at 1x and at QT_SCALE_FACTOR=2): text cut off without an ellipsis, text
// or controls spilling out of the window, squeezed buttons, and siblings in a layout that
// overlap. Each view is saved as a screenshot under artifacts/ to be looked at as well.
// Offscreen, on libvirt's test driver, with the real terminal and editor descriptors.
#include "appliancecatalog.h"
#include "appliancelistmodel.h"
#include "appliancesession.h"
#include "breachlistmodel.h"
#include "connectionlistmodel.h"
#include "hypervisor.h"
#include "storehistory.h"
#include "tesserapaths.h"
#include "trustcolorstore.h"
#include "layoutcheck.h"
#include "testimage.h"

#include <QApplication>
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(TesseraPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_SeamlessPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_ContractsPlugin)


class tst_ShellLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Under LANG=de_DE.UTF-8 the German screenshots (ctest runs it in C, in English).
        if (m_translator.load(QLocale(), QStringLiteral("tessera"), QStringLiteral("_"), QStringLiteral(TESSERA_QM_DIR)))
            QCoreApplication::installTranslator(&m_translator);
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("TESSERA_DATA_DIR", m_home.filePath(QStringLiteral("data")).toUtf8());
        const QString cache = m_home.filePath(QStringLiteral("cache"));
        qputenv("TESSERA_CACHE_DIR", cache.toUtf8());
        for (const char *name : {"terminal", "editor"}) {
            QVERIFY(makeTestAppliance(cache, QLatin1String(name)));
            const QString descriptor = QStringLiteral("%1/appliances/%2/h1/appliance.ovf").arg(cache, QLatin1String(name));
            QFile::remove(descriptor);
            QVERIFY(QFile::copy(QStringLiteral(TESSERA_SOURCE_DIR "/appliances/%1/appliance.ovf").arg(QLatin1String(name)), descriptor));
        }
        m_scale = qEnvironmentVariableIsSet("QT_SCALE_FACTOR") ? qEnvironmentVariable("QT_SCALE_FACTOR") : QStringLiteral("1");
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
        // Only this computer at first: the "Runs on" control shows once hostChoice() adds another.
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
        QTRY_VERIFY(m_appliances->session(QStringLiteral("terminal"))->state() == ApplianceSession::Off);
    }

    void cleanupTestCase()
    {
        delete m_engine;
        m_engine = nullptr;
        delete m_history; // before its data folder goes
        m_history = nullptr;
    }

    // The checks themselves: a window with one of each error is caught on each.
    void checksFindBrokenLayouts()
    {
        QQmlComponent component(m_engine);
        component.setData(R"(
            import QtQuick
            import QtQuick.Controls
            import QtQuick.Layouts
            Window {
                width: 300; height: 200; visible: true
                Text { objectName: "tooWide"; width: 40; text: "a sentence much wider than forty pixels" }
                Text { objectName: "tooTall"; y: 30; width: 100; height: 10; wrapMode: Text.WordWrap; text: "words that wrap onto several lines here" }
                RowLayout {
                    y: 80; width: 120
                    Button { objectName: "squeezed"; text: "A rather long button label"; Layout.maximumWidth: 60 }
                }
                RowLayout {
                    x: 150; y: 80; width: 50
                    Rectangle { objectName: "spills"; Layout.minimumWidth: 120; implicitHeight: 20 }
                }
                Row {
                    y: 120; spacing: -30
                    Rectangle { width: 40; height: 20 }
                    Rectangle { objectName: "overlapper"; width: 40; height: 20 }
                }
                Rectangle { objectName: "outside"; x: 280; y: 150; width: 60; height: 20 }
            })", QUrl(QStringLiteral("qrc:/broken.qml")));
        std::unique_ptr<QObject> object(component.create());
        QVERIFY2(object, qPrintable(component.errorString()));
        auto *window = qobject_cast<QQuickWindow *>(object.get());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QVERIFY(QQuickTest::qWaitForPolish(window, 5000));
        const QString errors = LayoutCheck::layoutErrors(window).join(QLatin1Char('\n'));
        for (const char *expected : {"text wider than its place", "wrapped text taller", "squeezed button", "overlapping in a layout", "beyond its layout",
                                     "outside the window"})
            QVERIFY2(errors.contains(QLatin1String(expected)), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(QLatin1String(expected), errors)));
        QVERIFY2(errors.contains(QLatin1String("\"outside\"")), qPrintable(errors));
    }

    void launcher() { verifyLayout(QStringLiteral("launcher")); }

    // As small as the window may be made: the cards must still fit.
    void launcherAtMinimumSize()
    {
        const QSize normal = m_window->size();
        m_window->resize(m_window->minimumSize());
        QTRY_COMPARE(m_window->contentItem()->size(), QSizeF(m_window->minimumSize()));
        verifyLayout(QStringLiteral("launcher-minimum"));
        m_window->resize(normal);
        QTRY_COMPARE(m_window->contentItem()->size(), QSizeF(normal));
    }

    void breachBannerAndList()
    {
        BreachEvent event;
        event.kind = BreachEvent::Kind::WriteWithoutInput;
        event.appliance = QStringLiteral("terminal");
        event.time = QDateTime::currentDateTimeUtc();
        event.windowStart = event.time.addSecs(-3);
        event.windowEnd = event.time;
        event.subject = QStringLiteral("Documents");
        event.observed = -1;
        event.bound = 30;
        event.addEvidence(QStringLiteral("Documents/a-rather-long-file-name-written-by-the-guest-without-any-input.txt"));
        BreachListModel::instance()->add(event);
        QTRY_VERIFY(findVisible(QStringLiteral("breachAlert")));
        verifyLayout(QStringLiteral("breach-banner"));

        QObject *view = m_window->findChild<QObject *>(QStringLiteral("breachesView"));
        QVERIFY(view);
        QMetaObject::invokeMethod(view, "openFor", Q_ARG(QVariant, QString()));
        QTRY_VERIFY(view->property("opened").toBool());
        verifyLayout(QStringLiteral("breaches"));
        QMetaObject::invokeMethod(view, "close");
        QTRY_VERIFY(!view->property("visible").toBool());
        BreachListModel::instance()->dismissAlert();
    }

    void consentDialog()
    {
        QObject *dialog = m_window->findChild<QObject *>(QStringLiteral("consentDialog"));
        QVERIFY(dialog);
        QMetaObject::invokeMethod(dialog, "ask", Q_ARG(QVariant, QVariant::fromValue(m_appliances->session(QStringLiteral("terminal")))),
                                  Q_ARG(QVariant, QString()));
        QTRY_VERIFY(dialog->property("opened").toBool());
        // The contract is read on a worker: launching is offered once it is shown.
        auto *launch = dialog->findChild<QQuickItem *>(QStringLiteral("consentLaunchButton"));
        QVERIFY(launch);
        QTRY_VERIFY_WITH_TIMEOUT(launch->isEnabled(), 10000);
        verifyLayout(QStringLiteral("consent"));
        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());
    }

    void settingsDialog() { verifyPopup(QStringLiteral("settingsDialog"), QStringLiteral("settings")); }

    // The terminal and the editor have colours apart from the start, and choosing the editor's
    // colour for the terminal is refused in Settings with the reason, next to the row.
    void colourRefusalSaysWhy()
    {
        TrustColorStore *colours = TrustColorStore::instance();
        const QColor editor = colours->colorFor(QStringLiteral("editor"));
        QVERIFY(TrustColorStore::distance(colours->colorFor(QStringLiteral("terminal")), editor) >= TrustColorStore::minimumDistance);
        QObject *settings = m_window->findChild<QObject *>(QStringLiteral("settingsDialog"));
        QVERIFY(settings);
        QMetaObject::invokeMethod(settings, "open");
        QTRY_VERIFY(settings->property("opened").toBool());
        const QColor before = colours->colorFor(QStringLiteral("terminal"));
        QQuickItem *choice = findVisibleItem(m_window->contentItem(), QStringLiteral("colorChoice_terminal_") + editor.name().mid(1));
        QVERIFY2(choice, qPrintable(editor.name()));
        QVERIFY(QMetaObject::invokeMethod(choice, "clicked"));
        QQuickItem *refusal = nullptr;
        QTRY_VERIFY((refusal = findVisibleItem(m_window->contentItem(), QStringLiteral("colorRefusal_terminal"))));
        QVERIFY2(refusal->property("text").toString().contains(QLatin1String("too close to Text editor")), qPrintable(refusal->property("text").toString()));
        QCOMPARE(colours->colorFor(QStringLiteral("terminal")), before);
        QMetaObject::invokeMethod(settings, "close");
        QTRY_VERIFY(!settings->property("visible").toBool());
    }

    void recoveryPanel()
    {
        QMetaObject::invokeMethod(m_window, "openRecoveryPanel",
                                  Q_ARG(QVariant, QVariant::fromValue(m_appliances->session(QStringLiteral("terminal")))));
        QObject *panel = m_window->findChild<QObject *>(QStringLiteral("recoveryPanel"));
        QVERIFY(panel);
        QTRY_VERIFY(panel->property("opened").toBool());
        verifyLayout(QStringLiteral("recovery-system"));
        QMetaObject::invokeMethod(panel, "showUndoSince", Q_ARG(QVariant, QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODateWithMs)));
        QTRY_VERIFY(!panel->property("previewing").toBool());
        verifyLayout(QStringLiteral("recovery-files"));
        QMetaObject::invokeMethod(panel, "close");
        QTRY_VERIFY(!panel->property("visible").toBool());
    }

    // F1 opens the user guide shipped with Tessera; Help → About says the version and licences.
    void helpAndAbout()
    {
        QObject *help = m_window->findChild<QObject *>(QStringLiteral("helpDialog"));
        QVERIFY(help);
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTest::keyClick(m_window, Qt::Key_F1);
        QTRY_VERIFY(help->property("opened").toBool());
        auto *guide = m_window->findChild<QQuickItem *>(QStringLiteral("userGuideText"));
        QVERIFY(guide);
        // In the language of the loaded translation: the English guide under C, the German under de.
        const QString expected = m_translator.isEmpty() ? QStringLiteral("Contracts") : QStringLiteral("Verträge");
        QVERIFY2(guide->property("text").toString().contains(expected), qPrintable(guide->property("text").toString().left(200)));
        verifyLayout(QStringLiteral("help"));
        QMetaObject::invokeMethod(help, "close");
        QTRY_VERIFY(!help->property("visible").toBool());

        QObject *aboutItem = m_window->findChild<QObject *>(QStringLiteral("aboutItem"));
        QVERIFY(aboutItem);
        QVERIFY(QMetaObject::invokeMethod(aboutItem, "triggered"));
        QObject *about = m_window->findChild<QObject *>(QStringLiteral("aboutDialog"));
        QVERIFY(about);
        QTRY_VERIFY(about->property("opened").toBool());
        auto *licence = m_window->findChild<QQuickItem *>(QStringLiteral("aboutLicence"));
        QVERIFY(licence);
        QVERIFY2(licence->property("text").toString().contains(QLatin1String("GPL-3.0-or-later")), qPrintable(licence->property("text").toString()));
        verifyLayout(QStringLiteral("about"));
        QMetaObject::invokeMethod(about, "close");
        QTRY_VERIFY(!about->property("visible").toBool());
    }

    void recoverConfirmation()
    {
        QMetaObject::invokeMethod(m_window, "confirmRecover",
                                  Q_ARG(QVariant, QVariant::fromValue(m_appliances->session(QStringLiteral("editor")))));
        QObject *dialog = m_window->findChild<QObject *>(QStringLiteral("recoverDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        verifyLayout(QStringLiteral("recover-confirm"));
        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());
    }

    void hostChoice()
    {
        // With another host the cards get their "Runs on" control; one appliance with personal-store
        // folders moves there (nothing listens on 127.0.0.1:9, so that host fails to open: fine here).
        const QString cache = m_home.filePath(QStringLiteral("cache"));
        QVERIFY(makeTestAppliance(cache, QStringLiteral("notes")));
        const QString descriptor = cache + QStringLiteral("/appliances/notes/h1/appliance.ovf");
        QFile::remove(descriptor);
        QVERIFY(QFile::copy(QStringLiteral(TESSERA_SOURCE_DIR "/tests/contracts-view/data/editor-ovf2.ovf"), descriptor));
        m_appliances->reload();
        QTRY_COMPARE(m_appliances->rowCount(), 3);
        QVERIFY(!findVisibleItem(m_window->contentItem(), QStringLiteral("hostRow")));
        m_connections->appendEntry({QStringLiteral("build-server"), QStringLiteral("qemu+ssh://nobody@127.0.0.1:9/system")});
        QTRY_VERIFY(findVisibleItem(m_window->contentItem(), QStringLiteral("hostRow")));
        ApplianceSession *notes = m_appliances->session(QStringLiteral("notes"));
        QTRY_COMPARE(notes->state(), ApplianceSession::Off);
        // Through the card's control, as a person (or a screen reader: accessible name "Runs on") would.
        QQuickItem *card = findVisibleItem(m_window->contentItem(), QStringLiteral("card-notes"));
        QVERIFY(card);
        QQuickItem *choice = findVisibleItem(card, QStringLiteral("hostChoice"));
        QVERIFY(choice);
        QVERIFY(choice->isEnabled());
        QCOMPARE(choice->property("currentText").toString(), ConnectionListModel::localHostName());
        // While one runs its control is disabled, and a move asked for anyway is refused on its card
        // (the editor: no network, so it starts on the test driver without a gateway).
        ApplianceSession *editor = m_appliances->session(QStringLiteral("editor"));
        QQuickItem *editorCard = findVisibleItem(m_window->contentItem(), QStringLiteral("card-editor"));
        QVERIFY(editorCard);
        QQuickItem *editorChoice = findVisibleItem(editorCard, QStringLiteral("hostChoice"));
        QVERIFY(editorChoice);
        editor->vm()->start();
        QTRY_COMPARE_WITH_TIMEOUT(editor->vm()->state(), ApplianceVm::Running, 10000);
        QTRY_VERIFY(!editorChoice->isEnabled());
        QVERIFY(QMetaObject::invokeMethod(editorChoice, "activated", Q_ARG(int, 1)));
        QTRY_VERIFY(findVisibleItem(editorCard, QStringLiteral("hostProblem")));
        QCOMPARE(findVisibleItem(editorCard, QStringLiteral("hostProblem"))->property("text").toString(),
                 QStringLiteral("Stop the appliance before moving it to another host."));
        QCOMPARE(editor->host(), ConnectionListModel::localHostName());
        QCOMPARE(editorChoice->property("currentIndex").toInt(), 0);
        verifyLayout(QStringLiteral("launcher-host-refused"));
        editor->vm()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(editor->vm()->state(), ApplianceVm::Off, 10000);
        QTRY_VERIFY(editorChoice->isEnabled());
        QCOMPARE(findVisibleItem(editorCard, QStringLiteral("hostProblem")), nullptr);

        QVERIFY(QMetaObject::invokeMethod(choice, "activated", Q_ARG(int, 1)));
        QTRY_COMPARE(notes->host(), QStringLiteral("build-server"));
        QCOMPARE(choice->property("currentIndex").toInt(), 1);
        QCOMPARE(findVisibleItem(card, QStringLiteral("hostProblem")), nullptr);
        QTRY_VERIFY(findVisibleItem(m_window->contentItem(), QStringLiteral("withheldNote")));
        // Nothing listens on that port: the card says the host cannot be reached, and what to do.
        QTRY_VERIFY_WITH_TIMEOUT(findVisibleItem(m_window->contentItem(), QStringLiteral("hostError")), 30000);
        QVERIFY(findVisibleItem(m_window->contentItem(), QStringLiteral("hostTransport")));
        verifyLayout(QStringLiteral("launcher-hosts"));

        QObject *dialog = m_window->findChild<QObject *>(QStringLiteral("consentDialog"));
        QVERIFY(dialog);
        QMetaObject::invokeMethod(dialog, "ask", Q_ARG(QVariant, QVariant::fromValue(notes)), Q_ARG(QVariant, QString()));
        QTRY_VERIFY(dialog->property("opened").toBool());
        // ListView delegates: searched in the visual tree (the popup is in the window's overlay).
        QTRY_VERIFY(findVisibleItem(m_window->contentItem(), QStringLiteral("enforcement-withheld")));
        QVERIFY(findVisibleItem(m_window->contentItem(), QStringLiteral("consentHost")));
        verifyLayout(QStringLiteral("consent-remote"));
        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());

        // Settings with both connections; its Remove brings the appliance (off) back to this computer.
        QObject *settings = m_window->findChild<QObject *>(QStringLiteral("settingsDialog"));
        QVERIFY(settings);
        QMetaObject::invokeMethod(settings, "open");
        QTRY_VERIFY(settings->property("opened").toBool());
        verifyLayout(QStringLiteral("settings-hosts"));

        // Another host where an appliance runs: Remove is refused there, with why, until it stops.
        // (test:///default is one host per process: another ApplianceVm of the image starts its domain.)
        m_connections->appendEntry({QStringLiteral("lab"), QStringLiteral("test:///default")});
        QCOMPARE(m_appliances->setHost(QStringLiteral("editor"), QStringLiteral("lab")), QString());
        ApplianceVm starter(m_hypervisor->connection(), ApplianceCatalog::find(cache + QStringLiteral("/appliances"), QStringLiteral("editor")),
                            Accelerator::Tcg);
        starter.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(starter.state(), ApplianceVm::Off, 10000);
        starter.start();
        QTRY_COMPARE_WITH_TIMEOUT(starter.state(), ApplianceVm::Running, 10000);
        editor->vm()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(editor->vm()->state(), ApplianceVm::Running, 10000);
        QQuickItem *labRow = nullptr;
        QTRY_VERIFY((labRow = findVisibleItem(m_window->contentItem(), QStringLiteral("connectionRow2"))));
        QQuickItem *labRemove = findVisibleItem(labRow, QStringLiteral("removeButton"));
        QVERIFY(labRemove);
        QVERIFY(QMetaObject::invokeMethod(labRemove, "clicked"));
        QTRY_VERIFY(findVisibleItem(labRow, QStringLiteral("removeProblem")));
        const QString refused = findVisibleItem(labRow, QStringLiteral("removeProblem"))->property("text").toString();
        QVERIFY2(refused.contains(QLatin1String("Stop it")), qPrintable(refused));
        QCOMPARE(m_connections->rowCount(), 3);
        // Scrolled to the bottom, as a person who clicked there sees it.
        auto *scroll = m_window->findChild<QQuickItem *>(QStringLiteral("settingsScroll"));
        QVERIFY(scroll);
        auto *flickable = scroll->property("contentItem").value<QQuickItem *>();
        QVERIFY(flickable);
        flickable->setProperty("contentY", flickable->property("contentHeight").toReal() - flickable->height());
        verifyLayout(QStringLiteral("settings-host-refused"));
        starter.stop();
        QTRY_COMPARE_WITH_TIMEOUT(starter.state(), ApplianceVm::Off, 10000);
        editor->vm()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(editor->vm()->state(), ApplianceVm::Off, 10000);
        QVERIFY(QMetaObject::invokeMethod(labRemove, "clicked"));
        QTRY_COMPARE(m_connections->rowCount(), 2);
        QCOMPARE(editor->host(), ConnectionListModel::localHostName());
        QQuickItem *row = findVisibleItem(m_window->contentItem(), QStringLiteral("connectionRow1"));
        QVERIFY(row);
        QQuickItem *remove = findVisibleItem(row, QStringLiteral("removeButton"));
        QVERIFY(remove);
        QVERIFY(QMetaObject::invokeMethod(remove, "clicked"));
        QTRY_COMPARE(m_connections->rowCount(), 1);
        QCOMPARE(notes->host(), ConnectionListModel::localHostName());
        QVERIFY(!notes->remote());
        QCOMPARE(choice->property("currentIndex").toInt(), 0); // follows the model
        QMetaObject::invokeMethod(settings, "close");
        QTRY_VERIFY(!settings->property("visible").toBool());
        QTRY_VERIFY(!findVisibleItem(m_window->contentItem(), QStringLiteral("hostRow")));
    }

private:
    static QQuickItem *findVisibleItem(QQuickItem *root, const QString &objectName)
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

    QQuickItem *findVisible(const QString &objectName)
    {
        auto *item = m_window->findChild<QQuickItem *>(objectName);
        return item && item->isVisible() ? item : nullptr;
    }

    void verifyPopup(const QString &objectName, const QString &view)
    {
        QObject *popup = m_window->findChild<QObject *>(objectName);
        QVERIFY2(popup, qPrintable(objectName));
        QMetaObject::invokeMethod(popup, "open");
        QTRY_VERIFY(popup->property("opened").toBool());
        verifyLayout(view);
        QMetaObject::invokeMethod(popup, "close");
        QTRY_VERIFY(!popup->property("visible").toBool());
    }

    void verifyLayout(const QString &view)
    {
        QVERIFY(QQuickTest::qWaitForPolish(m_window, 5000));
        const QString shot = QStringLiteral(TESSERA_ARTIFACT_DIR "/layout-%1-%2x.png").arg(view, m_scale);
        QVERIFY(m_window->grabWindow().save(shot));
        const QStringList errors = LayoutCheck::layoutErrors(m_window);
        QVERIFY2(errors.isEmpty(), qPrintable(QStringLiteral("%1 at %2x (see %3):\n  %4").arg(view, m_scale, shot, errors.join(QStringLiteral("\n  ")))));
    }

    QTemporaryDir m_home;
    QTranslator m_translator;
    QString m_scale;
    Hypervisor *m_hypervisor = nullptr;
    StoreHistory *m_history = nullptr;
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;
    ApplianceListModel *m_appliances = nullptr;
    ConnectionListModel *m_connections = nullptr;
};

QTEST_MAIN(tst_ShellLayout)
#include "tst_shelllayout.moc"
