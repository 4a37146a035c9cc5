// SeamlessWindow on the offscreen platform: a window shows exactly its guest region inside the
// host's border, repaints only the damage that touches it (in window coordinates), folds a burst
// of damage into one paint, and a close asks the guest instead of closing.
#include "seamlessgeometry.h"
#include "seamlessiconbadge.h"
#include "seamlesswindow.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPainter>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>

namespace {
const QColor Trust(0x10, 0xac, 0x84);

QImage guestScreen()
{
    // Every pixel distinct enough to catch an off-by-one in the cut-out.
    QImage image(320, 240, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb(x % 256, y % 256, (x * 7 + y * 3) % 256));
    return image;
}
} // namespace

class tst_SeamlessWindow : public QObject
{
    Q_OBJECT

private slots:
    void showsItsRegionInsideTheBorder()
    {
        const QImage frame = guestScreen();
        const QRect guest(40, 30, 100, 60);
        SeamlessWindow window(7, SeamlessWindow::Normal);
        window.setTrustColor(Trust);
        window.setFrame(frame);
        window.setGuestGeometry(guest, SeamlessGeometry::hostFrame(guest, QPoint(10, 10)));
        QSignalSpy painted(&window, &SeamlessWindow::painted);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(!painted.isEmpty());
        QCOMPARE(window.geometry(), QRect(47, 37, 106, 66));

        const QImage shot = window.screen()->grabWindow(window.winId()).toImage().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(shot.size(), QSize(106, 66));
        const int f = SeamlessGeometry::FrameWidth;
        QCOMPARE(shot.pixel(0, 0), Trust.rgb());
        QCOMPARE(shot.pixel(f - 1, 30), Trust.rgb());
        QCOMPARE(shot.pixel(105, 65), Trust.rgb());
        QCOMPARE(shot.copy(f, f, guest.width(), guest.height()), frame.copy(guest));
    }

    void repaintsOnlyDamageThatTouchesIt_data()
    {
        QTest::addColumn<QRect>("damage");
        QTest::addColumn<QRegion>("expected"); // window coordinates, border included
        QTest::newRow("inside") << QRect(50, 40, 10, 10) << QRegion(13, 13, 10, 10);
        QTest::newRow("across the left edge") << QRect(30, 40, 20, 5) << QRegion(3, 13, 10, 5);
        QTest::newRow("whole guest screen") << QRect(0, 0, 320, 240) << QRegion(3, 3, 100, 60);
        QTest::newRow("elsewhere") << QRect(200, 150, 50, 50) << QRegion();
    }
    void repaintsOnlyDamageThatTouchesIt()
    {
        QFETCH(QRect, damage);
        QFETCH(QRegion, expected);
        const QRect guest(40, 30, 100, 60);
        SeamlessWindow window(7, SeamlessWindow::Normal);
        window.setFrame(guestScreen());
        window.setGuestGeometry(guest, SeamlessGeometry::hostFrame(guest, QPoint()));
        QSignalSpy painted(&window, &SeamlessWindow::painted);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(!painted.isEmpty());
        QCoreApplication::sendPostedEvents();
        painted.clear();

        window.damage(damage);
        QCoreApplication::sendPostedEvents(); // runs the queued paint, if one was scheduled
        if (expected.isEmpty()) {
            QVERIFY(painted.isEmpty());
            return;
        }
        QCOMPARE(painted.size(), 1);
        QCOMPARE(painted.first().first().value<QRegion>(), expected);
    }

    void foldsABurstIntoOnePaint()
    {
        const QRect guest(0, 0, 200, 100);
        SeamlessWindow window(1, SeamlessWindow::Normal);
        window.setFrame(guestScreen());
        window.setGuestGeometry(guest, SeamlessGeometry::hostFrame(guest, QPoint()));
        QSignalSpy painted(&window, &SeamlessWindow::painted);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(!painted.isEmpty());
        QCoreApplication::sendPostedEvents();
        painted.clear();
        for (int i = 0; i < 50; ++i)
            window.damage(QRect(i * 2, 10, 2, 2));
        QTRY_COMPARE(painted.size(), 1);
        QCOMPARE(painted.first().first().value<QRegion>().boundingRect(), QRect(3, 13, 100, 2));
    }

    void closeAsksTheGuest()
    {
        SeamlessWindow window(42, SeamlessWindow::Normal);
        window.setGuestGeometry(QRect(0, 0, 50, 50), QRect(0, 0, 56, 56));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy closeRequested(&window, &SeamlessWindow::closeRequested);
        window.close();
        QCOMPARE(closeRequested.size(), 1);
        QCOMPARE(closeRequested.first().first().toUInt(), 42u);
        QVERIFY(window.isVisible()); // the guest app decides; its window going removes this one
    }

    void popupsTakeNoFocus()
    {
        SeamlessWindow popup(3, SeamlessWindow::Popup);
        QCOMPARE(popup.type(), Qt::ToolTip);
        QVERIFY(popup.flags() & Qt::WindowDoesNotAcceptFocus);
        SeamlessWindow normal(4, SeamlessWindow::Normal);
        QVERIFY(normal.flags() & Qt::FramelessWindowHint);
        QCOMPARE(normal.type(), Qt::Window);
    }


    void iconBadgeFramesTheGuestIcon()
    {
        QVERIFY(SeamlessIconBadge::compose(QImage(), Trust).isNull());
        // A 48 px icon is drawn 1:1 inside the frame.
        QImage icon(48, 48, QImage::Format_ARGB32);
        for (int y = 0; y < 48; ++y)
            for (int x = 0; x < 48; ++x)
                icon.setPixel(x, y, qRgba(x * 5, y * 5, 77, 255));
        icon.setPixel(0, 0, qRgba(0, 0, 0, 0)); // transparent: the backdrop, never the frame colour
        const QImage badge = SeamlessIconBadge::compose(icon, Trust);
        QCOMPARE(badge.size(), QSize(SeamlessIconBadge::Size, SeamlessIconBadge::Size));
        const int f = SeamlessIconBadge::Frame;
        for (int i = 0; i < SeamlessIconBadge::Size; ++i) {
            for (int d = 0; d < f; ++d) {
                QCOMPARE(badge.pixel(i, d), Trust.rgb());
                QCOMPARE(badge.pixel(d, i), Trust.rgb());
                QCOMPARE(badge.pixel(i, SeamlessIconBadge::Size - 1 - d), Trust.rgb());
                QCOMPARE(badge.pixel(SeamlessIconBadge::Size - 1 - d, i), Trust.rgb());
            }
        }
        QCOMPARE(badge.copy(f + 1, f + 1, 47, 47), icon.copy(1, 1, 47, 47));
        QVERIFY(badge.pixel(f, f) != Trust.rgb());
        QCOMPARE(qAlpha(badge.pixel(f, f)), 255);
        // Smaller and non-square icons are scaled into the inner area, never over the frame.
        QImage wide(100, 20, QImage::Format_ARGB32);
        wide.fill(qRgb(200, 0, 0));
        const QImage scaled = SeamlessIconBadge::compose(wide, Trust);
        QCOMPARE(scaled.pixel(f - 1, 32), Trust.rgb());
        QCOMPARE(scaled.pixel(f, 32), qRgb(200, 0, 0));
        QCOMPARE(scaled.pixel(32, f), qRgb(0xf4, 0xf4, 0xf4)); // letterboxed
    }

    void iconChangesAreRateLimited()
    {
        SeamlessWindow window(5, SeamlessWindow::Normal);
        window.setTrustColor(Trust);
        QSignalSpy changed(&window, &SeamlessWindow::hostIconChanged);
        QImage a(48, 48, QImage::Format_ARGB32);
        a.fill(qRgb(1, 2, 3));
        window.setGuestIcon(a);
        QCOMPARE(changed.size(), 1); // the first one at once
        QCOMPARE(window.hostIcon().pixel(24, 24), qRgb(1, 2, 3));
        QCOMPARE(window.hostIcon().pixel(0, 0), Trust.rgb());
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 1000; ++i) {
            a.fill(qRgb(i % 256, 9, 9));
            window.setGuestIcon(a);
        }
        QCOMPARE(changed.size(), 1);
        QTRY_COMPARE(changed.size(), 2);
        QVERIFY(timer.elapsed() >= SeamlessWindow::MinIconIntervalMs - 50);
        QCOMPARE(window.hostIcon().pixel(24, 24), qRgb(999 % 256, 9, 9)); // the latest wins
        // Nothing else is pending: no third change comes.
        QVERIFY(!changed.wait(SeamlessWindow::MinIconIntervalMs + 100));
        QCOMPARE(changed.size(), 2);
        // A new trust colour redraws the frame.
        window.setTrustColor(Qt::red);
        QTRY_COMPARE(window.hostIcon().pixel(0, 0), QColor(Qt::red).rgb());
    }

    void urgencyFollowsTheGuestRateLimited()
    {
        SeamlessWindow urgent(6, SeamlessWindow::Normal);
        urgent.setGeometry(10, 10, 60, 60);
        urgent.show();
        QVERIFY(QTest::qWaitForWindowExposed(&urgent));
        SeamlessWindow other(7, SeamlessWindow::Normal);
        other.setGeometry(100, 10, 60, 60);
        other.show();
        other.requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(&other));
        QVERIFY(!urgent.isActive());

        QSignalSpy alert(&urgent, &SeamlessWindow::alertChanged);
        urgent.setGuestUrgent(true);
        QCOMPARE(alert.size(), 1);
        QVERIFY(urgent.isAlerting());
        // A guest flipping urgency 1000 times in a row changes the host state at most twice a second.
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 1000; ++i)
            urgent.setGuestUrgent(i % 2 == 0);
        QTRY_VERIFY(!urgent.isAlerting()); // ends as the guest left it: cleared
        QVERIFY(urgent.alertChangeCount() <= 1 + int(timer.elapsed() / SeamlessWindow::MinAlertIntervalMs) + 1);
        // The guest clears it: cleared on the host (after the interval).
        urgent.setGuestUrgent(true);
        QTRY_VERIFY(urgent.isAlerting());
        urgent.setGuestUrgent(false);
        QTRY_VERIFY(!urgent.isAlerting());
        // Focusing the window clears it, and it stays cleared while the guest still asks.
        urgent.setGuestUrgent(true);
        QTRY_VERIFY(urgent.isAlerting());
        urgent.requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(&urgent));
        QTRY_VERIFY(!urgent.isAlerting());
        alert.clear();
        urgent.setGuestUrgent(true);
        QVERIFY(!alert.wait(SeamlessWindow::MinAlertIntervalMs + 100));
        QVERIFY(!urgent.isAlerting());
        // A new request after the guest cleared it, while another window has focus, alerts again.
        other.requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(&other));
        urgent.setGuestUrgent(false);
        urgent.setGuestUrgent(true);
        QTRY_VERIFY(urgent.isAlerting());
        // Popups never demand attention.
        SeamlessWindow popup(8, SeamlessWindow::Popup);
        popup.setGeometry(200, 10, 20, 20);
        popup.show();
        QVERIFY(QTest::qWaitForWindowExposed(&popup));
        popup.setGuestUrgent(true);
        QCOMPARE(popup.alertChangeCount(), 0);
    }
};

QTEST_MAIN(tst_SeamlessWindow)
#include "tst_seamlesswindow.moc"
