// SeamlessWindowManager fed guest window reports directly (no guest), offscreen: a guest's
// free-standing popup may cover only this appliance's own host windows. Over a window of the
// shell (a stand-in for its launcher, a dialog, the consent dialog) or of another appliance, it
// is shown as a normal, framed window and the appliance is flagged. On a real X server with
// other programs' windows: tests/e2e/tst_hostile_e2e.
#include "agentchannel.h"
#include "agentmessage.h"
#include "seamlessgeometry.h"
#include "seamlesswindow.h"
#include "seamlesswindowmanager.h"
#include "spiceconnection.h"
#include "windowtracker.h"

#include <QGuiApplication>
#include <QRasterWindow>
#include <QSignalSpy>
#include <QTest>

namespace {

const QPoint Origin(20, 20);

/// A WindowUpdate as the agent sends it: mapped, override-redirect when @p popup.
AgentMessage update(quint32 id, const QRect &guest, bool popup, quint32 transientFor = 0)
{
    return AgentMessage(AgentMessage::WindowUpdate,
                        {QByteArray::number(id), popup ? "3" : "1", QByteArray::number(guest.x()), QByteArray::number(guest.y()),
                         QByteArray::number(guest.width()), QByteArray::number(guest.height()), QByteArray::number(transientFor),
                         popup ? "menu" : "app", "App"});
}

/// One appliance in seamless mode, its guest's reports fed straight to its tracker.
struct Appliance
{
    SpiceConnection spice; // not connected
    SeamlessWindowManager seamless;

    explicit Appliance(const QString &id)
    {
        seamless.setApplianceId(id);
        seamless.setApplianceTitle(id);
        seamless.setOrigin(Origin);
        seamless.setConnection(&spice);
        seamless.setEnabled(true);
    }
    bool report(const AgentMessage &message)
    {
        QString error;
        return spice.agent()->windows()->handleMessage(message, &error);
    }
    SeamlessWindow *host(quint32 id) { return seamless.hostWindow(id); }
};

/// The host frame a guest rectangle gets (no popup parent).
QRect hostFrame(const QRect &guest)
{
    return SeamlessGeometry::hostFrame(guest, Origin);
}

} // namespace

class TestSeamlessWindowManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freeStandingPopupOverTheShellIsDemoted()
    {
        // The shell's own window (its dialog, say), beside the guest's app window.
        QRasterWindow shell;
        shell.setTitle(QStringLiteral("Tessera — consent"));
        shell.setGeometry(400, 300, 300, 200);
        shell.show();
        QVERIFY(QTest::qWaitForWindowExposed(&shell));

        Appliance app(QStringLiteral("terminal"));
        QSignalSpy flags(&app.seamless, &SeamlessWindowManager::abuseDetected);
        QVERIFY(app.report(update(1, QRect(0, 0, 200, 150), false)));
        QTRY_VERIFY(app.host(1));

        // A popup that touches none of the guest's windows, over the shell's window.
        const QRect over(400, 300, 200, 100); // guest pixels: host position is Origin + this
        QVERIFY(hostFrame(over).intersects(shell.frameGeometry()));
        QVERIFY(app.report(update(2, over, true)));
        QTRY_VERIFY(app.host(2));
        QCOMPARE(app.host(2)->kind(), SeamlessWindow::Normal);
        QVERIFY(!app.host(2)->flags().testFlag(Qt::ToolTip));
        QVERIFY(app.seamless.isAbuseFlagged());
        QVERIFY2(app.seamless.abuseReason().contains(QLatin1String("not its own")), qPrintable(app.seamless.abuseReason()));
        QCOMPARE(flags.count(), 1);
        // It stays framed when it moves away again: no flipping back and forth.
        QVERIFY(app.report(update(2, QRect(0, 200, 100, 50), true)));
        QCOMPARE(app.host(2)->kind(), SeamlessWindow::Normal);
    }

    void freeStandingPopupAwayFromOtherWindowsStaysAPopup()
    {
        QRasterWindow shell;
        shell.setGeometry(600, 400, 150, 100);
        shell.show();
        QVERIFY(QTest::qWaitForWindowExposed(&shell));
        Appliance app(QStringLiteral("terminal"));
        QVERIFY(app.report(update(1, QRect(0, 0, 200, 150), false)));
        QTRY_VERIFY(app.host(1));
        // Over nothing but the desktop, and over its own window: a popup as before.
        const QRect clear(300, 20, 120, 80);
        QVERIFY(!hostFrame(clear).intersects(shell.frameGeometry()));
        QVERIFY(app.report(update(2, clear, true)));
        QTRY_VERIFY(app.host(2));
        QCOMPARE(app.host(2)->kind(), SeamlessWindow::Popup);
        QVERIFY(app.report(update(3, QRect(150, 100, 100, 60), true, 1))); // a menu of its own window
        QTRY_VERIFY(app.host(3));
        QCOMPARE(app.host(3)->kind(), SeamlessWindow::Popup);
        QVERIFY(!app.seamless.isAbuseFlagged());
    }

    void aWindowOpeningUnderAPopupDemotesIt()
    {
        // Needs the window manager's stacking list: run with QT_QPA_PLATFORM=xcb on a display
        // with an EWMH window manager (tst_hostile_e2e does the same with a real guest).
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            QSKIP("needs an X display with a window manager");
        Appliance app(QStringLiteral("terminal"));
        QVERIFY(app.report(update(1, QRect(0, 0, 200, 150), false)));
        QTRY_VERIFY(app.host(1));
        const QRect spot(500, 400, 150, 80);
        QVERIFY(app.report(update(2, spot, true)));
        QTRY_VERIFY(app.host(2) && app.host(2)->isExposed());
        QCOMPARE(app.host(2)->kind(), SeamlessWindow::Popup);
        QRasterWindow dialog;
        dialog.setGeometry(hostFrame(spot).adjusted(-20, -20, 20, 20));
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(app.host(2) ? app.host(2)->kind() : SeamlessWindow::Popup, SeamlessWindow::Normal, 10000);
        QVERIFY(app.seamless.isAbuseFlagged());
    }

    void freeStandingPopupOverAnotherApplianceIsDemoted()
    {
        Appliance editor(QStringLiteral("editor"));
        editor.seamless.setOrigin(QPoint(500, 300));
        QVERIFY(editor.report(update(1, QRect(0, 0, 200, 150), false)));
        QTRY_VERIFY(editor.host(1));
        Appliance hostile(QStringLiteral("terminal"));
        QVERIFY(hostile.report(update(7, QRect(0, 0, 100, 100), false)));
        QTRY_VERIFY(hostile.host(7));
        const QRect over = SeamlessGeometry::guestGeometry(editor.host(1)->geometry(), Origin);
        QVERIFY(hostile.report(update(8, over, true)));
        QTRY_VERIFY(hostile.host(8));
        QCOMPARE(hostile.host(8)->kind(), SeamlessWindow::Normal);
        QVERIFY(hostile.seamless.isAbuseFlagged());
        QVERIFY(!editor.seamless.isAbuseFlagged());
    }
};

QTEST_MAIN(TestSeamlessWindowManager)
#include "tst_seamlesswindowmanager.moc"
