// End-to-end against a real QEMU with no disk: SeaBIOS draws a text screen
// on virtio-vga, the agent port is announced (no guest OS opens it), and a
// key sent through GuestDisplay opens SeaBIOS's boot menu.
//
// Set TESSERA_SCREENSHOT_DIR to keep PNGs of what GuestDisplay rendered.
#include "agentchannel.h"
#include "guestdisplay.h"
#include "guestframebuffer.h"
#include "spiceconnection.h"

#include <QAbstractEventDispatcher>
#include <QDir>
#include <QProcess>
#include <QQuickView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <csignal>
#include <sys/prctl.h>

Q_IMPORT_QML_PLUGIN(Tessera_SeamlessPlugin)

namespace {
constexpr int QemuStartTimeout = 30000;
constexpr int GuestTimeout = 90000; // generous: TCG on a loaded CI machine
constexpr quint32 XKeycodeEscape = 9; // evdev KEY_ESC + 8

// Guest surfaces are RGB32 whose unused top byte need not be 0xff: compare
// colours only.
constexpr QRgb ColourMask = 0x00ffffff;

bool isUniform(const QImage &screen)
{
    if (screen.isNull())
        return true;
    const QImage image = screen.convertToFormat(QImage::Format_RGB32);
    const QRgb first = image.pixel(0, 0) & ColourMask;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if ((line[x] & ColourMask) != first)
                return false;
        }
    }
    return true;
}

// Text rows of a VGA text screen (9x16 cells) that hold glyphs. Scanlines
// 13..15 of a cell are left out: that is where the blinking cursor lives.
int textRows(const QImage &screen)
{
    if (screen.isNull())
        return 0;
    const QImage image = screen.convertToFormat(QImage::Format_RGB32);
    const QRgb background = image.pixel(image.width() - 1, image.height() - 1) & ColourMask;
    int rows = 0;
    for (int top = 0; top + 16 <= image.height(); top += 16) {
        bool ink = false;
        for (int y = top; y < top + 13 && !ink; ++y) {
            const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < image.width() && !ink; ++x)
                ink = (line[x] & ColourMask) != background;
        }
        rows += ink;
    }
    return rows;
}
} // namespace

class tst_SpiceIntegration : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void glibEventLoop();
    void connectError();
    void framebufferShowsSeaBios();
    void keyboardReachesGuest();
    void agentPortAnnounced();
    void guestDisplayRendersGuest();
    void reconnect();
    void destroyWhileConnecting();
    void destroyWhileConnected();

private:
    bool connectAndWaitForPicture(SpiceConnection &connection);
    void saveScreenshot(const QImage &image, const QString &name);

    QTemporaryDir m_dir;
    QString m_socket;
    QProcess m_qemu;
};

void tst_SpiceIntegration::initTestCase()
{
    const QString qemu = QStandardPaths::findExecutable(QStringLiteral("qemu-system-x86_64"));
    if (qemu.isEmpty())
        QSKIP("qemu-system-x86_64 is not installed");
    QVERIFY(m_dir.isValid());
    m_socket = m_dir.filePath(QStringLiteral("spice.sock"));

    const QStringList args{
        QStringLiteral("-machine"), QStringLiteral("pc"),
        QStringLiteral("-accel"), QStringLiteral("tcg"),
        QStringLiteral("-m"), QStringLiteral("128"),
        QStringLiteral("-nodefaults"),
        QStringLiteral("-display"), QStringLiteral("none"),
        QStringLiteral("-vga"), QStringLiteral("none"),
        QStringLiteral("-device"), QStringLiteral("virtio-vga"),
        // Keep "Press ESC for boot menu." up long enough for keyboardReachesGuest.
        QStringLiteral("-boot"), QStringLiteral("menu=on,splash-time=65000"),
        QStringLiteral("-spice"), QStringLiteral("unix=on,addr=%1,disable-ticketing=on").arg(m_socket),
        QStringLiteral("-device"), QStringLiteral("virtio-serial"),
        QStringLiteral("-chardev"), QStringLiteral("spiceport,id=a0,name=org.tessera.agent.0"),
        QStringLiteral("-device"), QStringLiteral("virtserialport,chardev=a0,name=org.tessera.agent.0"),
    };
    m_qemu.setProcessChannelMode(QProcess::MergedChannels);
    // QEMU dies with the test even if the test crashes.
    m_qemu.setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_qemu.start(qemu, args);
    QVERIFY2(m_qemu.waitForStarted(QemuStartTimeout), qPrintable(m_qemu.errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(QFileInfo::exists(m_socket) || m_qemu.state() != QProcess::Running,
                              "no SPICE socket", QemuStartTimeout);
    QVERIFY2(m_qemu.state() == QProcess::Running, m_qemu.readAll().constData());
}

void tst_SpiceIntegration::cleanupTestCase()
{
    if (m_qemu.state() == QProcess::NotRunning)
        return;
    m_qemu.kill();
    m_qemu.waitForFinished(10000);
    const QByteArray output = m_qemu.readAll();
    if (!output.isEmpty())
        qInfo("QEMU said: %s", output.constData());
}

bool tst_SpiceIntegration::connectAndWaitForPicture(SpiceConnection &connection)
{
    connection.connectToUnixSocket(m_socket);
    GuestFramebuffer *fb = connection.framebuffer();
    // A picture is there once SeaBIOS's text is: non-uniform pixels.
    return QTest::qWaitFor([&] { return connection.isConnected() && !isUniform(fb->grab()); }, GuestTimeout);
}

void tst_SpiceIntegration::saveScreenshot(const QImage &image, const QString &name)
{
    const QString dir = qEnvironmentVariable("TESSERA_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    const QString path = QDir(dir).filePath(name);
    QVERIFY(image.save(path));
    qInfo("saved %s", qPrintable(path));
}

void tst_SpiceIntegration::glibEventLoop()
{
    // spice-glib dispatches on GLib's default main context; Debian's Qt runs
    // it in the GUI thread, so GLib signals reach us there (the callbacks
    // assert the thread in debug builds).
    QVERIFY(QAbstractEventDispatcher::instance()->inherits("QEventDispatcherGlib"));
}

void tst_SpiceIntegration::connectError()
{
    SpiceConnection connection;
    QSignalSpy error(&connection, &SpiceConnection::errorOccurred);
    connection.connectToUnixSocket(m_dir.filePath(QStringLiteral("missing.sock")));
    QTRY_COMPARE_WITH_TIMEOUT(error.size(), 1, GuestTimeout);
    QVERIFY(error.at(0).at(0).toString().contains(QLatin1String("missing.sock")));
    QVERIFY(!connection.isConnected());

    QSignalSpy noPath(&connection, &SpiceConnection::errorOccurred);
    connection.connectToUnixSocket(QString());
    QTRY_COMPARE(noPath.size(), 1);
}

void tst_SpiceIntegration::framebufferShowsSeaBios()
{
    SpiceConnection connection;
    QSignalSpy connected(&connection, &SpiceConnection::connectedChanged);
    QSignalSpy sizeChanged(connection.framebuffer(), &GuestFramebuffer::sizeChanged);
    QVERIFY(connectAndWaitForPicture(connection));
    QCOMPARE(connected.size(), 1);
    QVERIFY(sizeChanged.size() >= 1);

    GuestFramebuffer *fb = connection.framebuffer();
    QVERIFY(!fb->image().isNull());
    QVERIFY(fb->size().width() > 0 && fb->size().height() > 0);
    QCOMPARE(fb->image().size(), fb->size());
    QVERIFY(textRows(fb->grab()) >= 1);
    QTRY_VERIFY_WITH_TIMEOUT(connection.isInputReady(), GuestTimeout);
    // No absolute pointing device in this guest: the server keeps server mode.
    QVERIFY(!connection.hasAbsolutePointer());
    qInfo("guest surface %dx%d after %llu invalidations", fb->size().width(), fb->size().height(),
          fb->frameCount());
}

void tst_SpiceIntegration::keyboardReachesGuest()
{
    SpiceConnection connection;
    QVERIFY(connectAndWaitForPicture(connection));
    QTRY_VERIFY_WITH_TIMEOUT(connection.isInputReady(), GuestTimeout);
    GuestFramebuffer *fb = connection.framebuffer();

    // "SeaBIOS (version ...)" and "Press ESC for boot menu."
    QTRY_VERIFY_WITH_TIMEOUT(textRows(fb->grab()) >= 2, GuestTimeout);
    const int before = textRows(fb->grab());
    const quint64 framesBefore = fb->frameCount();
    QSignalSpy updated(fb, &GuestFramebuffer::updated);

    GuestDisplay display;
    display.setSize(QSizeF(fb->size()));
    display.setConnection(&connection);
    QSignalSpy forwarded(&display, &GuestDisplay::inputForwarded);

    // Escape as xcb would deliver it. SeaBIOS may still be drawing when the
    // first one arrives, so press again until the menu shows.
    bool menu = false;
    QDeadlineTimer deadline(GuestTimeout);
    while (!menu && !deadline.hasExpired()) {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier, XKeycodeEscape, 0, 0);
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_Escape, Qt::NoModifier, XKeycodeEscape, 0, 0);
        QCoreApplication::sendEvent(&display, &press);
        QCoreApplication::sendEvent(&display, &release);
        QVERIFY(press.isAccepted());
        // "Select boot device:" and at least one entry appear.
        menu = QTest::qWaitFor([&] { return textRows(fb->grab()) >= before + 2; }, 3000);
    }
    QVERIFY2(menu, "SeaBIOS did not open its boot menu");
    QVERIFY(forwarded.size() >= 2);
    // The new text arrived through display-invalidate, as updated() rectangles.
    QVERIFY(fb->frameCount() > framesBefore);
    QVERIFY(!updated.isEmpty());
    saveScreenshot(fb->grab(), QStringLiteral("seamless-bootmenu.png"));
}

void tst_SpiceIntegration::agentPortAnnounced()
{
    SpiceConnection connection;
    AgentChannel *agent = connection.agent();
    QSignalSpy announced(agent, &AgentChannel::announcedChanged);
    connection.connectToUnixSocket(m_socket);
    QTRY_VERIFY_WITH_TIMEOUT(agent->isAnnounced(), GuestTimeout);
    QCOMPARE(announced.size(), 1);
    // No guest OS runs an agent: the guest side stays closed.
    QVERIFY(!agent->isOpen());
    QCOMPARE(agent->ping(), 0u);
    QCOMPARE(agent->sessionState(), QString());

    connection.disconnectFromGuest();
    QVERIFY(!agent->isAnnounced());
    QCOMPARE(announced.size(), 2);
}

void tst_SpiceIntegration::guestDisplayRendersGuest()
{
    SpiceConnection connection;
    QVERIFY(connectAndWaitForPicture(connection));
    const QSize guest = connection.framebuffer()->size();

    // Taller than the guest's aspect ratio: bars above and below.
    QQuickView view;
    view.setColor(Qt::white);
    view.resize(guest.width(), guest.width());
    auto *display = new GuestDisplay(view.contentItem());
    display->setSize(QSizeF(view.size()));
    display->setConnection(&connection);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const QRectF content = display->contentRect();
    QCOMPARE(content.width(), qreal(guest.width()));
    QVERIFY(content.top() > 0);
    QImage shot;
    QTRY_VERIFY_WITH_TIMEOUT(!isUniform(shot = view.grabWindow()), GuestTimeout);
    QCOMPARE(shot.pixelColor(shot.width() / 2, 1), QColor(Qt::black)); // letterbox is black
    QVERIFY(!isUniform(shot.copy(content.toRect())));
    saveScreenshot(shot, QStringLiteral("seamless-guestdisplay.png"));
}

void tst_SpiceIntegration::reconnect()
{
    SpiceConnection connection;
    QVERIFY(connectAndWaitForPicture(connection));
    QSignalSpy connected(&connection, &SpiceConnection::connectedChanged);
    connection.disconnectFromGuest();
    QCOMPARE(connected.size(), 1);
    QVERIFY(!connection.isConnected());
    QVERIFY(connection.framebuffer()->image().isNull());
    QVERIFY(!connection.isInputReady());

    QVERIFY(connectAndWaitForPicture(connection));
    QTRY_VERIFY_WITH_TIMEOUT(connection.agent()->isAnnounced(), GuestTimeout);
}

void tst_SpiceIntegration::destroyWhileConnecting()
{
    // Gone before, during and right after the channels connect.
    for (int i = 0; i < 6; ++i) {
        auto *early = new SpiceConnection;
        early->connectToUnixSocket(m_socket);
        for (int spin = 0; spin < i; ++spin)
            QCoreApplication::processEvents();
        delete early;
    }
    SpiceConnection after;
    QVERIFY(connectAndWaitForPicture(after));
}

void tst_SpiceIntegration::destroyWhileConnected()
{
    auto *connection = new SpiceConnection;
    QVERIFY(connectAndWaitForPicture(*connection));
    QTRY_VERIFY_WITH_TIMEOUT(connection->agent()->isAnnounced(), GuestTimeout);
    delete connection;

    // The session winds down on the event loop; a new one works.
    SpiceConnection after;
    QVERIFY(connectAndWaitForPicture(after));
}

QTEST_MAIN(tst_SpiceIntegration)
#include "tst_spiceintegration.moc"
