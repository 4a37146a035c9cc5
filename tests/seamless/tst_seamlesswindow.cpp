// SeamlessWindow on the offscreen platform: a window shows exactly its guest region inside the
// host's border, repaints only the damage that touches it (in window coordinates), folds a burst
// of damage into one paint, and a close asks the guest instead of closing.
#include "seamlessgeometry.h"
#include "seamlesswindow.h"

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
};

QTEST_MAIN(tst_SeamlessWindow)
#include "tst_seamlesswindow.moc"
