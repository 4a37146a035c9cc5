// The shell as a person uses it, on a real appliance: the launcher lists it, Launch opens the
// contract, consent boots it, the guest's screen appears in a framed window, and Stop switches
// it off. Then the guest breaks its contract: the alert shows with its evidence, Undo takes
// back its file, and Recover quarantines its system. Driven through the UI. (Typing through
// SPICE is proven in tst_appliance_e2e.)
#include "appliancesession.h"
#include "breachlistmodel.h"
#include "guestdriver.h"
#include "hypervisor.h"
#include "layoutcheck.h"
#include "markupprobe.h"
#include "spiceconnection.h"
#include "storehistory.h"
#include "tesserapaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQuickTest/quicktest.h>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

#include <unistd.h>

Q_IMPORT_QML_PLUGIN(TesseraPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_SeamlessPlugin)
Q_IMPORT_QML_PLUGIN(Tessera_ContractsPlugin)

namespace {

constexpr int BootTimeoutMs = 240 * 1000;

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

bool click(QQuickItem *item)
{
    if (!item || !item->isVisible() || !item->isEnabled() || !item->window())
        return false;
    // A state change shows and hides buttons: the layout moves them at its next polish, and
    // a click at the old place would press the neighbour (it did: Stop became Recover).
    if (!QQuickTest::qWaitForPolish(item->window(), 5000))
        return false;
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(item->window(), Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    return true;
}

// The layout errors of the window as it is now (real appliances, real states); see layoutcheck.h.
QString layoutErrorsNow(QQuickWindow *window)
{
    if (!QQuickTest::qWaitForPolish(window, 5000))
        return QStringLiteral("the window did not settle");
    return LayoutCheck::layoutErrors(window).join(QStringLiteral("\n  "));
}

double whiteFraction(const QImage &image, const QRect &region)
{
    const QRect r = region.intersected(image.rect());
    qint64 white = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x) {
            const QRgb p = image.pixel(x, y);
            white += qRed(p) > 220 && qGreen(p) > 220 && qBlue(p) > 220;
        }
    return r.isEmpty() ? 0 : double(white) / (r.width() * r.height());
}

// The visible item under @p root whose text is @p text (a dialog's standard button).
QQuickItem *findByText(QQuickItem *root, const QString &text)
{
    if (!root)
        return nullptr;
    if (root->isVisible() && root->property("text").toString() == text)
        return root;
    for (QQuickItem *child : root->childItems()) {
        if (QQuickItem *found = findByText(child, text))
            return found;
    }
    return nullptr;
}

QString artifactPath(const QString &name)
{
    const QString dir = QStringLiteral(TESSERA_ARTIFACT_DIR);
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

} // namespace

class TestShellEndToEnd : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    Hypervisor *m_hypervisor = nullptr;
    QQmlApplicationEngine *m_engine = nullptr;
    StoreHistory *m_storeHistory = nullptr;

    QQuickWindow *mainWindow() const
    {
        return m_engine->rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
    }

    QQuickWindow *guestWindow() const
    {
        for (QWindow *window : QGuiApplication::topLevelWindows()) {
            if (window->isVisible() && window->title().startsWith(QLatin1String("[Terminal]")))
                return qobject_cast<QQuickWindow *>(window);
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("Tessera"));
        QCoreApplication::setApplicationName(QStringLiteral("tessera"));
        // Consent and settings go to a private folder; images come from the real cache.
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("TESSERA_DATA_DIR", m_home.filePath(QStringLiteral("data")).toUtf8());
        ConnectionSettings settings;
        settings.uri = geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + TesseraPaths::cacheDir() + QStringLiteral("/e2e-shell-libvirt")
                                      : QStringLiteral("qemu:///session");
        m_hypervisor = new Hypervisor(settings, this);
        Hypervisor::setInstance(m_hypervisor);
        m_hypervisor->open();
        QTRY_VERIFY_WITH_TIMEOUT(m_hypervisor->status() != Hypervisor::Connecting, 180000);
        QCOMPARE(m_hypervisor->status(), Hypervisor::Connected);

        // As the shell's main() does: breaches on record, and the store's history for Undo.
        BreachListModel::instance()->load(TesseraPaths::logsDir());
        m_storeHistory = new StoreHistory(TesseraPaths::storeJournalDir(), TesseraPaths::personalStoreDir(), this);
        m_engine = new QQmlApplicationEngine(this);
        m_engine->load(QUrl(QStringLiteral("qrc:/Tessera/Main.qml")));
        QVERIFY(mainWindow());
        QVERIFY(QTest::qWaitForWindowExposed(mainWindow()));
    }

    void cleanupTestCase()
    {
        // In the order the shell's main() ends: the UI first, then the store's history (whose
        // recorder thread and lock live in the data folder), all before that folder goes.
        delete m_engine;
        m_engine = nullptr;
        delete m_storeHistory;
        m_storeHistory = nullptr;
    }

    void launchThroughConsentTypeAndStop()
    {
        QQuickWindow *window = mainWindow();
        QQuickItem *card = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((card = findItem(window->contentItem(), QStringLiteral("card-terminal"))), 10000);
        auto *session = card->property("session").value<ApplianceSession *>();
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(session->state() != ApplianceSession::Unknown, 10000);
        if (session->state() != ApplianceSession::Off) { // left running by an interrupted run
            session->vm()->powerOff();
            QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Off, 30000);
        }
        session->rollback(); // start from a known clean state
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Off, 30000);

        QVERIFY(click(findItem(card, QStringLiteral("launchButton"))));
        QQuickItem *allow = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((allow = findItem(window->contentItem(), QStringLiteral("consentLaunchButton")))
                                     && allow->isVisible() && allow->isEnabled(), 10000);
        QQuickItem *grants = findItem(window->contentItem(), QStringLiteral("contractGrants"));
        QVERIFY(grants);
        QVERIFY(grants->property("count").toInt() > 0); // the contract is shown before anything runs
        QCOMPARE(session->state(), ApplianceSession::Off);
        window->grabWindow().save(artifactPath(QStringLiteral("shell-consent.png")));
        QVERIFY2(layoutErrorsNow(window).isEmpty(), qPrintable(QStringLiteral("shell-consent.png:\n  ") + layoutErrorsNow(window)));
        QVERIFY(click(allow));

        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Running, BootTimeoutMs);
        // Fresh every launch is the default: after the first cold boot the shell keeps a ready
        // state, and the appliance comes back from it.
        QCOMPARE(session->keepChanges(), false);
        QTRY_VERIFY_WITH_TIMEOUT(session->hasReadyState(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Running, 60000);
        QQuickWindow *guest = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((guest = guestWindow()), 10000);
        QVERIFY(QTest::qWaitForWindowExposed(guest));
        QQuickItem *display = findItem(guest->contentItem(), QStringLiteral("guestDisplay"));
        QVERIFY(display);
        // The xterm (white, top left of the guest screen) shows inside the host-drawn frame.
        // Where the guest screen sits is known once its surface has arrived (and may change
        // with its size), so the area is measured again at every look.
        const auto xtermAreaNow = [display] {
            const QRectF content = display->property("contentRect").toRectF();
            return display->mapRectToScene(QRectF(content.topLeft() + QPointF(4, 4), QSizeF(content.width() / 5, content.height() / 5))).toRect();
        };
        // On failure, the guest window as it was, for a person to look at.
        auto keepShot = qScopeGuard([&] {
            if (QTest::currentTestFailed())
                guest->grabWindow().save(artifactPath(QStringLiteral("shell-guest-failed.png")));
        });
        // Under load the restored guest may still be drawing what it was drawing when the ready
        // state was saved: wait as long as a person would.
        QTRY_VERIFY_WITH_TIMEOUT(whiteFraction(guest->grabWindow(), xtermAreaNow()) > 0.8, 90000);
        const QRect xtermArea = xtermAreaNow();
        // Its shell is ready once the prompt's dark text is drawn on the first line.
        const QRect promptLine(xtermArea.topLeft(), QSize(xtermArea.width(), 14));
        QTRY_VERIFY_WITH_TIMEOUT(whiteFraction(guest->grabWindow(), promptLine) < 0.95, 90000);
        const QImage shot = guest->grabWindow();
        QVERIFY(shot.save(artifactPath(QStringLiteral("shell-guest.png"))));
        // The frame is the appliance's colour, not the guest's: the top-left pixel is the host's.
        QVERIFY(whiteFraction(shot, QRect(0, 0, 2, 2)) < 0.5);

        QVERIFY(click(findItem(card, QStringLiteral("stopButton"))));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Off, 60000);

        // The contract was allowed and has not changed: Launch starts at once, from the ready state.
        QElapsedTimer fast;
        fast.start();
        QVERIFY(click(findItem(card, QStringLiteral("launchButton"))));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Running, 60000);
        qInfo("launch from the ready state to session up, through the UI: %.2f s", fast.elapsed() / 1000.0);
        // Under load the restored guest may still be drawing what it was drawing when the ready
        // state was saved: wait as long as a person would.
        QTRY_VERIFY_WITH_TIMEOUT(whiteFraction(guest->grabWindow(), xtermAreaNow()) > 0.8, 90000);
        QVERIFY(click(findItem(card, QStringLiteral("stopButton"))));
        auto keepShellShot = qScopeGuard([&] {
            if (QTest::currentTestFailed()) {
                window->grabWindow().save(artifactPath(QStringLiteral("shell-stop-failed.png")));
                qWarning() << "after Stop: session" << session->state() << "vm" << session->vm()->state();
            }
        });
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Off, 60000);
    }

    void breachAlertUndoAndRecover()
    {
        QQuickWindow *window = mainWindow();
        QQuickItem *card = findItem(window->contentItem(), QStringLiteral("card-terminal"));
        QVERIFY(card);
        auto *session = card->property("session").value<ApplianceSession *>();
        QCOMPARE(session->state(), ApplianceSession::Off);
        QVERIFY(click(findItem(card, QStringLiteral("launchButton"))));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Running, 60000);

        // The shell mounts Documents after the restore; then the guest, untouched by anyone,
        // plants an autostart entry in its system and writes into the person's Documents.
        GuestDriver guest(session->display());
        QTRY_VERIFY2_WITH_TIMEOUT(guest.exec({QStringLiteral("mountpoint"), QStringLiteral("-q"), QStringLiteral("/root/Documents")}).status == 0,
                                  "Documents was not mounted in the guest", 120000);
        const QString stolen = TesseraPaths::personalStoreDir() + QStringLiteral("/Documents/from-the-guest.txt");
        QVERIFY(!QFileInfo::exists(stolen));
        const GuestDriver::ExecResult planted = guest.exec(
            {QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral("mkdir -p /etc/xdg/autostart && echo '[Desktop Entry]' > /etc/xdg/autostart/evil.desktop"
                            " && echo secret > /root/Documents/from-the-guest.txt && sync")});
        QVERIFY2(planted.finished && planted.status == 0, planted.output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(stolen), 30000);

        // The monitor raises it (no key, button or wheel reached this appliance)...
        QTRY_VERIFY_WITH_TIMEOUT(session->breachCount() > 0, 30000);
        // ...and the alert shows in the shell with the appliance and the evidence.
        QQuickItem *alert = findItem(window->contentItem(), QStringLiteral("breachAlert"));
        QVERIFY(alert);
        QTRY_VERIFY2_WITH_TIMEOUT(alert->isVisible(),
                                  qPrintable(QStringLiteral("alert for '%1', visible property %2, parent visible %3")
                                                 .arg(BreachListModel::instance()->alertAppliance())
                                                 .arg(alert->property("visible").toBool())
                                                 .arg(alert->parentItem() && alert->parentItem()->isVisible())),
                                  30000);
        QCOMPARE(BreachListModel::instance()->alertAppliance(), QStringLiteral("terminal"));
        QVERIFY2(BreachListModel::instance()->alertSummary().contains(QLatin1String("Documents")),
                 qPrintable(BreachListModel::instance()->alertSummary()));
        QTRY_VERIFY_WITH_TIMEOUT(findItem(card, QStringLiteral("breachLabel"))->isVisible(), 10000);
        window->grabWindow().save(artifactPath(QStringLiteral("shell-breach.png")));
        QVERIFY2(layoutErrorsNow(window).isEmpty(), qPrintable(QStringLiteral("shell-breach.png:\n  ") + layoutErrorsNow(window)));

        // Undo takes back what the appliance wrote into the store since the breach.
        QVERIFY(click(findItem(alert, QStringLiteral("breachUndoButton"))));
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(stolen), 30000);
        QQuickItem *undoResult = findItem(alert, QStringLiteral("breachUndoResult"));
        QVERIFY(undoResult);
        QTRY_VERIFY_WITH_TIMEOUT(undoResult->isVisible(), 10000);
        QVERIFY2(undoResult->property("text").toString().contains(QLatin1String("restored")),
                 qPrintable(undoResult->property("text").toString()));

        // Details: the breach list, on this appliance, with the guest's file as evidence.
        QVERIFY(click(findItem(alert, QStringLiteral("breachDetailsButton"))));
        QObject *breaches = window->findChild<QObject *>(QStringLiteral("breachesView"));
        QVERIFY(breaches);
        QTRY_VERIFY_WITH_TIMEOUT(breaches->property("opened").toBool(), 10000);
        QCOMPARE(breaches->property("filterAppliance").toString(), QStringLiteral("terminal"));
        QQuickItem *row = nullptr;
        // The list makes its rows at its next polish.
        QTRY_VERIFY_WITH_TIMEOUT((row = findItem(breaches->property("contentItem").value<QQuickItem *>(), QStringLiteral("breach-0"))), 10000);
        QVERIFY(click(findItem(row, QStringLiteral("evidenceToggle"))));
        QTRY_VERIFY_WITH_TIMEOUT(findItem(row, QStringLiteral("evidenceLine")), 10000);
        QVERIFY2(findItem(row, QStringLiteral("evidenceLine"))->property("text").toString().contains(QLatin1String("from-the-guest.txt")),
                 qPrintable(findItem(row, QStringLiteral("evidenceLine"))->property("text").toString()));
        window->grabWindow().save(artifactPath(QStringLiteral("shell-breaches.png")));
        QVERIFY2(layoutErrorsNow(window).isEmpty(), qPrintable(QStringLiteral("shell-breaches.png:\n  ") + layoutErrorsNow(window)));
        QMetaObject::invokeMethod(breaches, "close");
        QTRY_VERIFY_WITH_TIMEOUT(!breaches->property("visible").toBool(), 10000);

        // Recover, from the banner: confirmed in its dialog, the appliance goes off and its
        // system changes go into a quarantine, which the shell then shows.
        QVERIFY(click(findItem(alert, QStringLiteral("breachRecoverButton"))));
        QObject *confirm = window->findChild<QObject *>(QStringLiteral("recoverDialog"));
        QVERIFY(confirm);
        QTRY_VERIFY_WITH_TIMEOUT(confirm->property("opened").toBool(), 10000);
        QSignalSpy recovered(session, &ApplianceSession::recovered);
        QVERIFY(click(findByText(confirm->property("footer").value<QQuickItem *>(), QStringLiteral("OK"))));
        QVERIFY(recovered.wait(120000));
        const QString quarantineId = recovered.first().first().toString();
        QVERIFY(!quarantineId.isEmpty());
        QObject *quarantine = window->findChild<QObject *>(QStringLiteral("quarantineDialog"));
        QVERIFY(quarantine);
        QTRY_VERIFY_WITH_TIMEOUT(quarantine->property("opened").toBool(), 10000);
        window->grabWindow().save(artifactPath(QStringLiteral("shell-quarantine.png")));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Off, 60000);
        QMetaObject::invokeMethod(quarantine, "close");

        // Launched again, the system is clean: the planted autostart entry is gone.
        QVERIFY(click(findItem(card, QStringLiteral("launchButton"))));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Running, 60000);
        GuestDriver again(session->display());
        const GuestDriver::ExecResult check = again.exec({QStringLiteral("test"), QStringLiteral("-e"), QStringLiteral("/etc/xdg/autostart/evil.desktop")});
        QVERIFY(check.finished);
        QCOMPARE(check.status, 1);

        // The terminal's contract allows 4 windows at a time: a fifth is a breach, with the
        // windows' titles as evidence.
        const GuestDriver::ExecResult extra = again.exec(
            {QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral("for i in 1 2 3 4; do setsid -f xterm -title extra-$i -geometry 20x4+0+0 </dev/null >/dev/null 2>&1; done")});
        QVERIFY2(extra.finished && extra.status == 0, extra.output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(session->lastBreach().contains(QLatin1String("opened 5 windows")), 120000);
        QVERIFY2(session->lastBreach().contains(QLatin1String("allows 4")), qPrintable(session->lastBreach()));
        // One breach for going over, not one per window.
        BreachListModel *breachList = BreachListModel::instance();
        QStringList evidence;
        int windowBreaches = 0;
        for (int row = 0; row < breachList->rowCount(); ++row) {
            const QModelIndex index = breachList->index(row, 0);
            if (breachList->data(index, BreachListModel::KindRole).toString() != QLatin1String("windows-over-limit"))
                continue;
            ++windowBreaches;
            QCOMPARE(breachList->data(index, BreachListModel::ApplianceRole).toString(), QStringLiteral("terminal"));
            evidence = breachList->data(index, BreachListModel::EvidenceRole).toStringList();
        }
        QCOMPARE(windowBreaches, 1);
        QVERIFY2(evidence.contains(QStringLiteral("extra-4")), qPrintable(evidence.join(QLatin1Char(','))));
        QVERIFY(click(findItem(card, QStringLiteral("stopButton"))));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Off, 60000);
    }

    // A window's title is the guest's to choose. Written as markup naming an image on a listener
    // here, on a window that covers the guest's screen (the editor's contract denies full screen,
    // and its full-screen-refused breach quotes the title), it shows in the banner, on the card
    // and in the breach list as the characters it is, and the shell, which no contract or gateway
    // watches, fetches nothing.
    void guestTitleIsShownAsText()
    {
        MarkupProbe probe;
        QVERIFY(probe.isListening());
        QQuickWindow *window = mainWindow();
        QQuickItem *card = findItem(window->contentItem(), QStringLiteral("card-editor"));
        QVERIFY(card);
        auto *session = card->property("session").value<ApplianceSession *>();
        QTRY_VERIFY_WITH_TIMEOUT(session->state() != ApplianceSession::Unknown, 10000);
        if (session->state() != ApplianceSession::Off) { // left running by an interrupted run
            session->vm()->powerOff();
            QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Off, 30000);
        }
        // Separate windows, where a covering window is refused.
        if (!session->seamless())
            QVERIFY(click(findItem(card, QStringLiteral("seamlessSwitch"))));
        QTRY_VERIFY(session->seamless());
        auto fullDesktopAgain = qScopeGuard([session] { session->setSeamless(false); });
        QVERIFY(click(findItem(card, QStringLiteral("launchButton"))));
        QQuickItem *allow = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((allow = findItem(window->contentItem(), QStringLiteral("consentLaunchButton")))
                                     && allow->isVisible() && allow->isEnabled(), 10000);
        QVERIFY(click(allow));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Running, BootTimeoutMs);
        // After its first cold boot the shell keeps a ready state; the guest is restored from it.
        QTRY_VERIFY_WITH_TIMEOUT(session->hasReadyState(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Running, 60000);

        const QString title = probe.markup(QStringLiteral("guest-title"));
        GuestDriver guest(session->display());
        const GuestDriver::ExecResult opened = guest.exec(
            {QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral("setsid -f xedit -title \"$1\" -geometry 4000x3000+0+0 </dev/null >/dev/null 2>&1"), QStringLiteral("sh"), title});
        QVERIFY2(opened.finished && opened.status == 0, opened.output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(session->lastBreach().contains(title), 120000);

        QQuickItem *summary = findItem(window->contentItem(), QStringLiteral("breachAlertSummary"));
        QTRY_VERIFY_WITH_TIMEOUT(summary && summary->isVisible() && summary->property("text").toString().contains(title), 30000);
        QQuickItem *cardBreach = findItem(card, QStringLiteral("breachLabel"));
        QVERIFY(cardBreach && cardBreach->isVisible());
        QVERIFY2(cardBreach->property("text").toString().contains(title), qPrintable(cardBreach->property("text").toString()));
        QVERIFY(click(findItem(window->contentItem(), QStringLiteral("breachDetailsButton"))));
        QObject *breaches = window->findChild<QObject *>(QStringLiteral("breachesView"));
        QVERIFY(breaches);
        QTRY_VERIFY_WITH_TIMEOUT(breaches->property("opened").toBool(), 10000);
        QQuickItem *row = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((row = findItem(breaches->property("contentItem").value<QQuickItem *>(), QStringLiteral("breach-0"))), 10000);
        QQuickItem *rowSummary = findItem(row, QStringLiteral("breachSummary"));
        QVERIFY(rowSummary);
        QVERIFY2(rowSummary->property("text").toString().contains(title), qPrintable(rowSummary->property("text").toString()));
        QVERIFY(QQuickTest::qWaitForPolish(window, 5000));
        window->grabWindow().save(artifactPath(QStringLiteral("shell-hostile-title.png")));

        const QStringList readers = MarkupProbe::markupReaders(window->contentItem());
        QVERIFY2(readers.isEmpty(), qPrintable(readers.join(QLatin1Char('\n'))));
        const QStringList fetched = probe.requestsBefore(m_engine, window, QStringLiteral("barrier"));
        QVERIFY2(fetched.isEmpty(), qPrintable(QStringLiteral("the shell fetched ") + fetched.join(QStringLiteral(", "))));
        QMetaObject::invokeMethod(breaches, "close");
        QTRY_VERIFY_WITH_TIMEOUT(!breaches->property("visible").toBool(), 10000);
        BreachListModel::instance()->dismissAlert();
        QVERIFY(click(findItem(card, QStringLiteral("stopButton"))));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), ApplianceSession::Off, 60000);
    }
};

QTEST_MAIN(TestShellEndToEnd)
#include "tst_shell_e2e.moc"
