// Seamless geometry as tables: guest window -> host frame and back, popups next to their
// parent, keeping windows on-screen across monitors, damage routed into window coordinates,
// and pointer positions back to guest pixels.
#include "seamlessgeometry.h"

#include <QTest>

using namespace SeamlessGeometry;

class tst_SeamlessGeometry : public QObject
{
    Q_OBJECT

private slots:
    void hostFrameAndBack_data()
    {
        QTest::addColumn<QRect>("guest");
        QTest::addColumn<QPoint>("origin");
        QTest::addColumn<QRect>("host");
        QTest::newRow("at guest origin") << QRect(0, 0, 640, 480) << QPoint(0, 0) << QRect(-3, -3, 646, 486);
        QTest::newRow("shifted origin") << QRect(10, 20, 100, 50) << QPoint(100, 60) << QRect(107, 77, 106, 56);
        QTest::newRow("negative guest position") << QRect(-50, -10, 30, 30) << QPoint(200, 200) << QRect(147, 187, 36, 36);
        QTest::newRow("second monitor origin") << QRect(5, 5, 1, 1) << QPoint(1920, 0) << QRect(1922, 2, 7, 7);
    }
    void hostFrameAndBack()
    {
        QFETCH(QRect, guest);
        QFETCH(QPoint, origin);
        QFETCH(QRect, host);
        QCOMPARE(hostFrame(guest, origin), host);
        QCOMPARE(guestGeometry(host, origin), guest);
    }

    void popupFrame_data()
    {
        QTest::addColumn<QRect>("popup");
        QTest::addColumn<QRect>("parentGuest");
        QTest::addColumn<QRect>("parentHost");
        QTest::addColumn<QRect>("expected");
        // Parent content at host (103,103): a menu 20,30 into the parent lands 20,30 into its content.
        QTest::newRow("menu inside parent") << QRect(120, 130, 80, 40) << QRect(100, 100, 300, 200)
                                            << QRect(100, 100, 306, 206) << QRect(120, 130, 86, 46);
        // The WM moved the parent: the menu follows the parent, not the guest origin.
        QTest::newRow("parent moved by host") << QRect(120, 130, 80, 40) << QRect(100, 100, 300, 200)
                                              << QRect(500, 10, 306, 206) << QRect(520, 40, 86, 46);
        QTest::newRow("tooltip above parent") << QRect(100, 90, 50, 10) << QRect(100, 100, 300, 200)
                                              << QRect(0, 0, 306, 206) << QRect(0, -10, 56, 16);
    }
    void popupFrame()
    {
        QFETCH(QRect, popup);
        QFETCH(QRect, parentGuest);
        QFETCH(QRect, parentHost);
        QFETCH(QRect, expected);
        QCOMPARE(SeamlessGeometry::popupFrame(popup, parentGuest, parentHost), expected);
    }

    void keepOnScreen_data()
    {
        QTest::addColumn<QRect>("host");
        QTest::addColumn<QList<QRect>>("screens");
        QTest::addColumn<QRect>("expected");
        const QList<QRect> one = {QRect(0, 0, 1600, 1000)};
        const QList<QRect> two = {QRect(0, 0, 1920, 1080), QRect(1920, 0, 1280, 1024)};
        QTest::newRow("inside stays") << QRect(100, 100, 400, 300) << one << QRect(100, 100, 400, 300);
        QTest::newRow("off the right edge") << QRect(1500, 100, 400, 300) << one << QRect(1200, 100, 400, 300);
        QTest::newRow("off the top left") << QRect(-50, -20, 400, 300) << one << QRect(0, 0, 400, 300);
        QTest::newRow("larger than the screen keeps its top left") << QRect(-10, 50, 2000, 1200) << one
                                                                  << QRect(0, 0, 2000, 1200);
        QTest::newRow("mostly on the second monitor") << QRect(1900, 100, 400, 300) << two << QRect(1920, 100, 400, 300);
        QTest::newRow("mostly on the first monitor") << QRect(1700, 100, 400, 300) << two << QRect(1520, 100, 400, 300);
        QTest::newRow("below the short second monitor") << QRect(2000, 1030, 300, 40) << two << QRect(2000, 984, 300, 40);
        QTest::newRow("far away goes to the nearest") << QRect(5000, 200, 100, 100) << two << QRect(3100, 200, 100, 100);
        QTest::newRow("no screens: unchanged") << QRect(-500, -500, 10, 10) << QList<QRect>() << QRect(-500, -500, 10, 10);
    }
    void keepOnScreen()
    {
        QFETCH(QRect, host);
        QFETCH(QList<QRect>, screens);
        QFETCH(QRect, expected);
        QCOMPARE(SeamlessGeometry::keepOnScreen(host, screens), expected);
    }

    void localDamage_data()
    {
        QTest::addColumn<QRect>("window");
        QTest::addColumn<QRect>("damage");
        QTest::addColumn<QRect>("expected");
        QTest::newRow("inside") << QRect(100, 100, 200, 100) << QRect(110, 120, 10, 10) << QRect(10, 20, 10, 10);
        QTest::newRow("overlapping the left edge") << QRect(100, 100, 200, 100) << QRect(90, 150, 20, 5) << QRect(0, 50, 10, 5);
        QTest::newRow("whole screen") << QRect(100, 100, 200, 100) << QRect(0, 0, 1024, 768) << QRect(0, 0, 200, 100);
        QTest::newRow("miss to the right") << QRect(100, 100, 200, 100) << QRect(300, 100, 10, 10) << QRect();
        QTest::newRow("miss above") << QRect(100, 100, 200, 100) << QRect(100, 0, 50, 100) << QRect();
        QTest::newRow("window off the guest screen") << QRect(-20, -20, 40, 40) << QRect(0, 0, 5, 5) << QRect(20, 20, 5, 5);
    }
    void localDamage()
    {
        QFETCH(QRect, window);
        QFETCH(QRect, damage);
        QFETCH(QRect, expected);
        QCOMPARE(SeamlessGeometry::localDamage(window, damage), expected);
    }

    void toGuest_data()
    {
        QTest::addColumn<QPointF>("local");
        QTest::addColumn<QRect>("window");
        QTest::addColumn<QPoint>("expected");
        QTest::newRow("top left") << QPointF(0, 0) << QRect(100, 50, 200, 100) << QPoint(100, 50);
        QTest::newRow("fractional") << QPointF(10.7, 20.2) << QRect(100, 50, 200, 100) << QPoint(110, 70);
        QTest::newRow("on the border: clamped") << QPointF(-2, -2) << QRect(100, 50, 200, 100) << QPoint(100, 50);
        QTest::newRow("past the far edge: clamped") << QPointF(500, 500) << QRect(100, 50, 200, 100) << QPoint(299, 149);
    }
    void toGuest()
    {
        QFETCH(QPointF, local);
        QFETCH(QRect, window);
        QFETCH(QPoint, expected);
        QCOMPARE(SeamlessGeometry::toGuest(local, window), expected);
    }
};

QTEST_APPLESS_MAIN(tst_SeamlessGeometry)
#include "tst_seamlessgeometry.moc"
