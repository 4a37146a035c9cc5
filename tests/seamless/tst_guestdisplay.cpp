// GuestFramebuffer and GuestDisplay without a guest: geometry, surface
// checks, and painting of a framebuffer filled by the test.
#include "agentchannel.h"
#include "agentmessage.h"
#include "firstpaintwatcher.h"
#include "guestdisplay.h"
#include "guestframebuffer.h"
#include "spiceconnection.h"
#include "windowtracker.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickView>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Tessera_SeamlessPlugin)

namespace {
// SPICE_SURFACE_FMT_* values (spice/enums.h); SPICE stays out of the tests.
constexpr int Fmt32xRGB = 32;
constexpr int Fmt16_565 = 80;
constexpr int Fmt8A = 8;

// A guest surface owned by the test: left half red, right half green.
struct FakeSurface
{
    FakeSurface(int w, int h) : image(w, h, QImage::Format_RGB32)
    {
        image.fill(Qt::green);
        fillRect(QRect(0, 0, w / 2, h), Qt::red);
    }
    void fillRect(const QRect &r, QColor c)
    {
        for (int y = r.top(); y <= r.bottom(); ++y) {
            for (int x = r.left(); x <= r.right(); ++x)
                image.setPixel(x, y, c.rgb());
        }
    }
    QImage image;
};
} // namespace

class tst_GuestDisplay : public QObject
{
    Q_OBJECT

private slots:
    void fitRect_data();
    void fitRect();
    void mapToGuest_data();
    void mapToGuest();
    void mapFromGuest_data();
    void mapFromGuest();
    void surfaceChecks_data();
    void surfaceChecks();
    void invalidateClipsAndCounts();
    void imageSharesGrabCopies();
    void paintsScaledWithLetterbox();
    void repaintsOnlyDamage();
    void noInputWithoutGuest();
    void connectionDestroyed();
    void qmlType();
    void firstPaintWaitsForADrawnAppWindow();
    void firstPaintGivesUpAtItsDeadline();

private:
    static void setSurface(SpiceConnection &c, FakeSurface &s)
    {
        c.framebuffer()->setSurface(Fmt32xRGB, s.image.width(), s.image.height(), int(s.image.bytesPerLine()),
                                    s.image.bits());
    }
    static void invalidate(SpiceConnection &c, const QRect &r) { c.framebuffer()->invalidate(r); }
};

void tst_GuestDisplay::fitRect_data()
{
    QTest::addColumn<QSize>("guest");
    QTest::addColumn<QSizeF>("bounds");
    QTest::addColumn<QRectF>("expected");

    QTest::newRow("same size") << QSize(720, 400) << QSizeF(720, 400) << QRectF(0, 0, 720, 400);
    QTest::newRow("twice") << QSize(720, 400) << QSizeF(1440, 800) << QRectF(0, 0, 1440, 800);
    QTest::newRow("bars top and bottom") << QSize(720, 400) << QSizeF(720, 800) << QRectF(0, 200, 720, 400);
    QTest::newRow("bars left and right") << QSize(800, 600) << QSizeF(1000, 600) << QRectF(100, 0, 800, 600);
    QTest::newRow("shrink") << QSize(1920, 1080) << QSizeF(960, 1000) << QRectF(0, 230, 960, 540);
    QTest::newRow("no guest") << QSize() << QSizeF(100, 100) << QRectF();
    QTest::newRow("no room") << QSize(720, 400) << QSizeF(0, 100) << QRectF();
}

void tst_GuestDisplay::fitRect()
{
    QFETCH(QSize, guest);
    QFETCH(QSizeF, bounds);
    QFETCH(QRectF, expected);
    QCOMPARE(GuestDisplay::fitRect(guest, bounds), expected);
}

void tst_GuestDisplay::mapToGuest_data()
{
    QTest::addColumn<QPointF>("item");
    QTest::addColumn<QPoint>("guest");

    // Guest 1600x1200 drawn at (100,0) 800x600: half scale.
    QTest::newRow("top left") << QPointF(100, 0) << QPoint(0, 0);
    QTest::newRow("centre") << QPointF(500, 300) << QPoint(800, 600);
    QTest::newRow("last pixel") << QPointF(899.9, 599.9) << QPoint(1599, 1199);
    QTest::newRow("right edge clamps") << QPointF(900, 600) << QPoint(1599, 1199);
    QTest::newRow("left bar clamps") << QPointF(0, 10) << QPoint(0, 20);
    QTest::newRow("far away clamps") << QPointF(5000, -50) << QPoint(1599, 0);
    QTest::newRow("fraction floors") << QPointF(100.4, 0.6) << QPoint(0, 1);
}

void tst_GuestDisplay::mapToGuest()
{
    QFETCH(QPointF, item);
    QFETCH(QPoint, guest);
    QCOMPARE(GuestDisplay::mapToGuest(item, QRectF(100, 0, 800, 600), QSize(1600, 1200)), guest);
}

void tst_GuestDisplay::mapFromGuest_data()
{
    QTest::addColumn<QRect>("guestRect");
    QTest::addColumn<QRect>("itemRect");

    // Guest 400x300 drawn at (10,20) 800x600: double scale, one pixel margin.
    QTest::newRow("origin") << QRect(0, 0, 10, 10) << QRect(9, 19, 22, 22);
    QTest::newRow("whole") << QRect(0, 0, 400, 300) << QRect(9, 19, 802, 602);
    QTest::newRow("one pixel") << QRect(100, 100, 1, 1) << QRect(209, 219, 4, 4);
    QTest::newRow("empty") << QRect() << QRect();
}

void tst_GuestDisplay::mapFromGuest()
{
    QFETCH(QRect, guestRect);
    QFETCH(QRect, itemRect);
    QCOMPARE(GuestDisplay::mapFromGuest(guestRect, QRectF(10, 20, 800, 600), QSize(400, 300)), itemRect);
}

void tst_GuestDisplay::surfaceChecks_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("stride");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("32 xRGB") << Fmt32xRGB << 64 << 32 << 256 << true;
    QTest::newRow("padded stride") << Fmt32xRGB << 64 << 32 << 300 << true;
    QTest::newRow("16 565") << Fmt16_565 << 64 << 32 << 128 << true;
    QTest::newRow("stride too small") << Fmt32xRGB << 64 << 32 << 255 << false;
    QTest::newRow("alpha-only format") << Fmt8A << 64 << 32 << 64 << false;
    QTest::newRow("unknown format") << 12345 << 64 << 32 << 256 << false;
    QTest::newRow("zero width") << Fmt32xRGB << 0 << 32 << 256 << false;
    QTest::newRow("negative height") << Fmt32xRGB << 64 << -1 << 256 << false;
    QTest::newRow("too wide") << Fmt32xRGB << GuestFramebuffer::MaxDimension + 1 << 1 << 70000 << false;
}

void tst_GuestDisplay::surfaceChecks()
{
    QFETCH(int, format);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, stride);
    QFETCH(bool, accepted);

    QByteArray memory(qMax(1, stride) * qMax(1, height), '\0');
    SpiceConnection connection;
    GuestFramebuffer *fb = connection.framebuffer();
    QSignalSpy sizeChanged(fb, &GuestFramebuffer::sizeChanged);
    fb->setSurface(format, width, height, stride, memory.data());
    QCOMPARE(fb->image().isNull(), !accepted);
    QCOMPARE(fb->size(), accepted ? QSize(width, height) : QSize(0, 0));
    QCOMPARE(sizeChanged.size(), accepted ? 1 : 0);

    fb->setSurface(Fmt32xRGB, 8, 8, 32, nullptr); // no memory: never accepted
    QVERIFY(fb->image().isNull());
}

void tst_GuestDisplay::invalidateClipsAndCounts()
{
    SpiceConnection connection;
    FakeSurface surface(100, 50);
    QSignalSpy updated(connection.framebuffer(), &GuestFramebuffer::updated);
    setSurface(connection, surface);
    QCOMPARE(updated.size(), 1); // the whole new surface
    QCOMPARE(updated.takeFirst().at(0).toRect(), QRect(0, 0, 100, 50));

    invalidate(connection, QRect(90, 40, 50, 50));
    invalidate(connection, QRect(200, 200, 10, 10)); // entirely outside: counted, not emitted
    QCOMPARE(connection.framebuffer()->frameCount(), 2u);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(updated.at(0).at(0).toRect(), QRect(90, 40, 10, 10));
}

void tst_GuestDisplay::imageSharesGrabCopies()
{
    SpiceConnection connection;
    FakeSurface surface(20, 10);
    setSurface(connection, surface);
    GuestFramebuffer *fb = connection.framebuffer();

    const QImage whole = fb->grab();
    const QImage part = fb->grab(QRect(15, 5, 100, 100));
    QCOMPARE(part.size(), QSize(5, 5));
    surface.fillRect(QRect(0, 0, 20, 10), Qt::blue);
    QCOMPARE(fb->image().pixelColor(0, 0), QColor(Qt::blue)); // shared memory
    QCOMPARE(whole.pixelColor(0, 0), QColor(Qt::red));        // deep copies
    QCOMPARE(part.pixelColor(0, 0), QColor(Qt::green));
    QVERIFY(fb->grab(QRect(50, 50, 5, 5)).isNull());

    QSignalSpy sizeChanged(fb, &GuestFramebuffer::sizeChanged);
    fb->clearSurface();
    QCOMPARE(sizeChanged.size(), 1);
    QVERIFY(fb->image().isNull());
    QVERIFY(fb->grab().isNull());
}

void tst_GuestDisplay::paintsScaledWithLetterbox()
{
    SpiceConnection connection;
    FakeSurface surface(200, 100);
    setSurface(connection, surface);

    QQuickView view;
    view.resize(400, 400);
    auto *display = new GuestDisplay(view.contentItem());
    display->setSize(QSizeF(400, 400));
    QSignalSpy contentRect(display, &GuestDisplay::contentRectChanged);
    display->setConnection(&connection);
    QCOMPARE(contentRect.size(), 1);
    QCOMPARE(display->contentRect(), QRectF(0, 100, 400, 200));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const QImage shot = view.grabWindow();
    QCOMPARE(shot.pixelColor(200, 50), QColor(Qt::black)); // letterbox
    QCOMPARE(shot.pixelColor(100, 200), QColor(Qt::red));
    QCOMPARE(shot.pixelColor(300, 200), QColor(Qt::green));
    QCOMPARE(shot.pixelColor(200, 350), QColor(Qt::black));
}

void tst_GuestDisplay::repaintsOnlyDamage()
{
    SpiceConnection connection;
    FakeSurface surface(200, 100);
    setSurface(connection, surface);

    QQuickView view;
    view.resize(400, 200);
    auto *display = new GuestDisplay(view.contentItem());
    display->setSize(QSizeF(400, 200));
    display->setConnection(&connection);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.grabWindow().pixelColor(50, 50), QColor(Qt::red));

    // The guest changes two places but reports only one of them.
    surface.fillRect(QRect(0, 0, 50, 50), Qt::blue);
    surface.fillRect(QRect(150, 50, 50, 50), Qt::yellow);
    invalidate(connection, QRect(0, 0, 50, 50));
    const QImage shot = view.grabWindow();
    QCOMPARE(shot.pixelColor(50, 50), QColor(Qt::blue));
    QCOMPARE(shot.pixelColor(350, 150), QColor(Qt::green)); // not damaged, not repainted
}

void tst_GuestDisplay::noInputWithoutGuest()
{
    SpiceConnection connection;
    FakeSurface surface(20, 10);
    setSurface(connection, surface);
    GuestDisplay display;
    display.setSize(QSizeF(20, 10));
    display.setConnection(&connection);
    QSignalSpy forwarded(&display, &GuestDisplay::inputForwarded);

    // X11 key code 9 is Escape; the connection is down, so nothing goes out.
    QKeyEvent press(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier, 9, 0, 0);
    QCoreApplication::sendEvent(&display, &press);
    QVERIFY(press.isAccepted());
    QCOMPARE(forwarded.size(), 0);
    // A key without a native scan code (offscreen platform) is not ours.
    QKeyEvent unknown(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, 0, 0, 0);
    QCoreApplication::sendEvent(&display, &unknown);
    QVERIFY(!unknown.isAccepted());
}

void tst_GuestDisplay::connectionDestroyed()
{
    auto *connection = new SpiceConnection;
    FakeSurface surface(20, 10);
    setSurface(*connection, surface);
    GuestDisplay display;
    display.setSize(QSizeF(40, 20));
    display.setConnection(connection);
    QCOMPARE(display.contentRect(), QRectF(0, 0, 40, 20));
    QSignalSpy changed(&display, &GuestDisplay::connectionChanged);
    delete connection;
    QCOMPARE(changed.size(), 1);
    QCOMPARE(display.connection(), nullptr);
    QCOMPARE(display.contentRect(), QRectF());
}

void tst_GuestDisplay::qmlType()
{
    QQmlEngine engine;
    QQmlComponent component(&engine);
    component.setData("import QtQuick\nimport Tessera.Seamless\nGuestDisplay { width: 10; height: 10 }", QUrl());
    QScopedPointer<QObject> object(component.create());
    QVERIFY2(object, qPrintable(component.errorString()));
    QVERIFY(qobject_cast<GuestDisplay *>(object.get()));

    QQmlComponent creatable(&engine);
    creatable.setData("import Tessera.Seamless\nSpiceConnection {}", QUrl());
    QVERIFY(!creatable.create());
    QVERIFY(creatable.errorString().contains(QLatin1String("created by the shell")));
}

QTEST_MAIN(tst_GuestDisplay)

namespace {
AgentMessage windowUpdate(quint32 id, quint32 flags, const QRect &g)
{
    return AgentMessage(AgentMessage::WindowUpdate,
                        {QByteArray::number(id), QByteArray::number(flags), QByteArray::number(g.x()), QByteArray::number(g.y()),
                         QByteArray::number(g.width()), QByteArray::number(g.height()), "0", "xterm", "XTerm"});
}
} // namespace

void tst_GuestDisplay::firstPaintWaitsForADrawnAppWindow()
{
    SpiceConnection connection;
    FakeSurface surface(200, 100);
    surface.image.fill(Qt::white);
    setSurface(connection, surface);
    WindowTracker *windows = connection.agent()->windows();
    FirstPaintWatcher watcher(windows, connection.framebuffer());
    QSignalSpy done(&watcher, &FirstPaintWatcher::done);
    watcher.start(60000);
    QCOMPARE(done.size(), 0); // nothing mapped

    QString error;
    const QRect xterm(10, 10, 80, 40);
    QVERIFY(windows->handleMessage(windowUpdate(5, 1, xterm), &error)); // mapped, still blank
    QCOMPARE(done.size(), 0);
    surface.fillRect(QRect(150, 50, 10, 10), Qt::black); // drawn, but outside the window
    invalidate(connection, QRect(150, 50, 10, 10));
    QCOMPARE(done.size(), 0);
    // A menu (override-redirect) drawn over the window is not the app's window.
    QVERIFY(windows->handleMessage(windowUpdate(6, 1 | 2, QRect(120, 10, 40, 40)), &error));
    surface.fillRect(QRect(125, 15, 5, 5), Qt::black);
    invalidate(connection, QRect(125, 15, 5, 5));
    QCOMPARE(done.size(), 0);

    surface.fillRect(QRect(12, 12, 30, 8), Qt::black); // the prompt
    invalidate(connection, QRect(12, 12, 30, 8));
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.at(0).at(0).toBool(), true);
    QVERIFY(watcher.appOnScreen());
    invalidate(connection, QRect(12, 12, 30, 8));
    QCOMPARE(done.size(), 1); // once
}

void tst_GuestDisplay::firstPaintGivesUpAtItsDeadline()
{
    SpiceConnection connection;
    FakeSurface surface(64, 64);
    surface.image.fill(Qt::white);
    setSurface(connection, surface);
    FirstPaintWatcher watcher(connection.agent()->windows(), connection.framebuffer());
    QSignalSpy done(&watcher, &FirstPaintWatcher::done);
    watcher.start(50);
    QVERIFY(done.wait(5000));
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.at(0).at(0).toBool(), false);
}

#include "tst_guestdisplay.moc"
