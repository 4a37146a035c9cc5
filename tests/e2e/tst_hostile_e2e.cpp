// A hostile guest end to end (issue #6): two real appliances (TCG) side by side in seamless mode
// on a real X host with a window manager (Xvfb + openbox). The terminal appliance runs
// tessera-hostile (seamless/agent/hostile.c, on a private tools disk) through its agent's Exec;
// the editor appliance behaves. Proven on the host's X server and screen:
// - an override-redirect window placed exactly over the editor's host window is not a borderless
//   window above it: it is demoted to a normal window the host window manager frames, it carries
//   the terminal's trust border on screen, and the terminal is flagged with a reason that says so;
//   so is one over a window of Tessera itself (a stand-in shown by this process) and one over a
//   plain program on the host's X server (xmessage), and one placed over empty desktop first is
//   demoted once a window of Tessera opens under it; each demoted window is stacked below the
//   windows it would cover, which stay in sight; a screen-covering one is demoted too;
// - a flood of 400 windows stops at WindowTracker::MaxWindows host windows, and is flagged;
// - a 1 MiB title of control characters, escapes, bidi overrides and invalid UTF-8 arrives as at
//   most 128 bytes of printable text;
// - absurd geometry (65535x65535 at -32768,-32768; a window at 32767,32767) is clamped and the host
//   windows stay on the screen, never larger than the guest's screen;
// - a process that kills the agent and takes its port, then sends a flood of valid-but-absurd
//   messages, a 4 GiB frame length and random bytes, is dropped each time with a protocol error
//   that flags the appliance, and the real agent is back after a reconnect;
// - throughout, the editor's window keeps working: keys typed into its host window change it,
//   and the host's window manager keeps running.
// Waits are conditions with deadlines.
#include "agentchannel.h"
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "guestdriver.h"
#include "hosttools.h"
#include "privatetoolscache.h"
#include "guestframebuffer.h"
#include "guestwindowsanitizer.h"
#include "libvirtconnection.h"
#include "seamlessgeometry.h"
#include "seamlesswindow.h"
#include "seamlesswindowmanager.h"
#include "spiceconnection.h"
#include "tesserapaths.h"
#include "vmstatewait.h"
#include "windowtracker.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QRasterWindow>
#include <QProcess>
#include <QRegularExpression>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

constexpr int BootTimeoutMs = 600 * 1000; // two TCG guests at once on a shared, loaded host
constexpr int StateTimeoutMs = 60 * 1000;
constexpr int WindowTimeoutMs = 60 * 1000;
const QString Hostile = QStringLiteral("/opt/tessera/tessera-hostile");
// The hostile terminal's guest pixel (0,0) and the editor's, far enough apart that the editor's
// host window lies over an empty part of the terminal's guest screen (its xterm is at 0,0).
const QPoint TerminalOrigin(20, 20);
const QPoint EditorOrigin(700, 300);
const QColor TerminalColor(0xc0, 0x39, 0x2b);
const QColor EditorColor(0x2e, 0x86, 0xde);

QString sharedCache()
{
    return QDir::homePath() + QStringLiteral("/.cache/tessera");
}

/// What the X server says about window @p id (xwininfo; with -tree its parent).
QString xwininfo(WId id, bool tree = false)
{
    QStringList args{QStringLiteral("-id"), QString::number(id)};
    if (tree)
        args << QStringLiteral("-tree");
    return QString::fromUtf8(runHostTool(QStringLiteral("xwininfo"), args));
}

QRect xGeometry(WId id)
{
    return geometryFromXwininfo(xwininfo(id));
}

/// Whether the host's window manager is still running: the window its _NET_SUPPORTING_WM_CHECK
/// names still exists and carries its name.
bool windowManagerAlive()
{
    const QString check = QString::fromUtf8(runHostTool(QStringLiteral("xprop"), {QStringLiteral("-root"), QStringLiteral("_NET_SUPPORTING_WM_CHECK")}));
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("window id # (0x[0-9a-fA-F]+)")).match(check);
    if (!m.hasMatch())
        return false;
    return runHostTool(QStringLiteral("xprop"), {QStringLiteral("-id"), m.captured(1), QStringLiteral("_NET_WM_NAME")}).contains("_NET_WM_NAME");
}

QImage screenShot(const QRect &rect)
{
    return QGuiApplication::primaryScreen()->grabWindow(0, rect.x(), rect.y(), rect.width(), rect.height()).toImage();
}

/// Whether X window @p upper is stacked above @p lower in the host window manager's stacking
/// list (both must be in it).
bool stackedAbove(WId upper, WId lower)
{
    const QString list = QString::fromUtf8(runHostTool(QStringLiteral("xprop"), {QStringLiteral("-root"), QStringLiteral("_NET_CLIENT_LIST_STACKING")}));
    QList<WId> ids;
    QRegularExpressionMatchIterator it = QRegularExpression(QStringLiteral("0x[0-9a-fA-F]+")).globalMatch(list);
    while (it.hasNext())
        ids.append(WId(it.next().captured(0).toULongLong(nullptr, 16)));
    const qsizetype up = ids.indexOf(upper), low = ids.indexOf(lower);
    return up >= 0 && low >= 0 && up > low;
}

/// A plain window of this process in one colour: a stand-in for one of Tessera's own windows.
class SolidWindow : public QRasterWindow
{
public:
    explicit SolidWindow(const QColor &colour) : m_colour(colour) {}

protected:
    void paintEvent(QPaintEvent *) override { QPainter(this).fillRect(QRect(QPoint(), size()), m_colour); }

private:
    QColor m_colour;
};

bool near(const QColor &a, const QColor &b)
{
    return qAbs(a.red() - b.red()) <= 8 && qAbs(a.green() - b.green()) <= 8 && qAbs(a.blue() - b.blue()) <= 8;
}

int changedPixels(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return a.width() * a.height();
    int changed = 0;
    for (int row = 0; row < a.height(); ++row)
        for (int col = 0; col < a.width(); ++col)
            changed += a.pixel(col, row) != b.pixel(col, row);
    return changed;
}

/// The first mapped window whose title starts with @p prefix, or 0.
quint32 findByTitle(WindowTracker *tracker, const QString &prefix)
{
    for (quint32 id : tracker->stack()) {
        const GuestWindow w = tracker->window(id);
        if (w.mapped && w.title.startsWith(prefix))
            return id;
    }
    return 0;
}

/// The bottom-most mapped window (the appliance's own app, started first).
quint32 firstMapped(WindowTracker *tracker)
{
    for (quint32 id : tracker->stack()) {
        if (tracker->window(id).mapped)
            return id;
    }
    return 0;
}

bool anyReason(const QSignalSpy &spy, const QString &part)
{
    for (const QList<QVariant> &args : spy) {
        if (args.value(0).toString().contains(part))
            return true;
    }
    return false;
}

/// One appliance with its SPICE connection, agent driver and seamless windows.
struct Appliance
{
    ApplianceVm vm;
    SpiceConnection spice;
    GuestDriver driver{&spice};
    SeamlessWindowManager seamless;

    Appliance(LibvirtConnection *connection, const ApplianceImage &image)
        : vm(connection, image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")))
    {
    }
    ~Appliance()
    {
        seamless.setEnabled(false);
        vm.powerOff();
        waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs);
        spice.disconnectFromGuest();
    }
    WindowTracker *windows() { return spice.agent()->windows(); }
    bool reset()
    {
        vm.refresh();
        if (!QTest::qWaitFor([&] { return vm.state() != ApplianceVm::Unknown; }, 10000))
            return false;
        if (vm.state() != ApplianceVm::Off) { // left over from an interrupted run
            vm.powerOff();
            if (!waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs))
                return false;
        }
        QSignalSpy rolledBack(&vm, &ApplianceVm::rolledBack);
        vm.rollback();
        return rolledBack.wait(StateTimeoutMs);
    }
    void setUp(const QString &id, const QString &title, const QColor &colour, const QPoint &origin)
    {
        seamless.setApplianceId(id);
        seamless.setApplianceTitle(title);
        seamless.setTrustColor(colour);
        seamless.setOrigin(origin);
        seamless.setConnection(&spice);
        seamless.setEnabled(true);
    }
};

} // namespace

class TestHostileEndToEnd : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    QTemporaryDir m_runtime;
    LibvirtConnection *m_connection = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            QSKIP("needs an X display with a window manager (scripts/test starts Xvfb and openbox)");
        QVERIFY(m_data.isValid());
        QVERIFY(m_runtime.isValid());
        // A private tools disk with the hostile program, over the shared appliance images.
        QString problem;
        const QString cache = makePrivateToolsCache(sharedCache(), QStringLiteral("e2e-hostile-cache"),
                                                    {QStringLiteral("--agent"), QStringLiteral(TESSERA_AGENT),
                                                     QStringLiteral("--hostile"), QStringLiteral(TESSERA_HOSTILE)},
                                                    &problem);
        QVERIFY2(!cache.isEmpty(), qPrintable(problem));
        qputenv("TESSERA_CACHE_DIR", cache.toUtf8());
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        QVERIFY(QFile::exists(TesseraPaths::toolsDiskPath()));

        m_connection = new LibvirtConnection(
            QStringLiteral("qemu:///embed?root=") + sharedCache() + QStringLiteral("/e2e-hostile-libvirt"), this);
        QSignalSpy opened(m_connection, &LibvirtConnection::opened);
        QSignalSpy failed(m_connection, &LibvirtConnection::openFailed);
        m_connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 180000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<VmError>().toString()));
    }

    void hostileGuestBesideAWellBehavedOne()
    {
        QVERIFY2(windowManagerAlive(), "no EWMH window manager on the host display (start openbox)");
        const ApplianceImage terminalImage = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        const ApplianceImage editorImage = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("editor"));
        QVERIFY2(terminalImage.isComplete() && editorImage.isComplete(), "the appliances are not built: run scripts/setup");
        Appliance hostile(m_connection, terminalImage);
        Appliance editor(m_connection, editorImage);
        QVERIFY(hostile.reset());
        QVERIFY(editor.reset());
        hostile.setUp(QStringLiteral("terminal"), QStringLiteral("Terminal"), TerminalColor, TerminalOrigin);
        editor.setUp(QStringLiteral("editor"), QStringLiteral("Editor"), EditorColor, EditorOrigin);
        QSignalSpy flags(&hostile.seamless, &SeamlessWindowManager::abuseDetected);
        QSignalSpy editorFlags(&editor.seamless, &SeamlessWindowManager::abuseDetected);

        hostile.vm.start();
        editor.vm.start();
        QVERIFY(waitForVmState(hostile.vm, ApplianceVm::Running, StateTimeoutMs));
        QVERIFY(waitForVmState(editor.vm, ApplianceVm::Running, StateTimeoutMs));
        const QString hostileSocket = hostile.vm.spec().spiceSocket;
        hostile.spice.connectToUnixSocket(hostileSocket);
        editor.spice.connectToUnixSocket(editor.vm.spec().spiceSocket);
        QVERIFY2(hostile.driver.waitForSessionUp(BootTimeoutMs), qPrintable(hostile.driver.lastFailure()));
        QVERIFY2(editor.driver.waitForSessionUp(BootTimeoutMs), qPrintable(editor.driver.lastFailure()));
        QTRY_VERIFY_WITH_TIMEOUT(hostile.spice.isInputReady() && editor.spice.isInputReady(), WindowTimeoutMs);
        const QSize guestScreen = hostile.spice.framebuffer()->size();
        qInfo() << "guest screens" << guestScreen << editor.spice.framebuffer()->size();

        QTRY_VERIFY_WITH_TIMEOUT(findByTitle(hostile.windows(), QStringLiteral("Terminal")) != 0, WindowTimeoutMs);
        const quint32 xterm = findByTitle(hostile.windows(), QStringLiteral("Terminal"));
        QTRY_VERIFY_WITH_TIMEOUT(firstMapped(editor.windows()) != 0, WindowTimeoutMs);
        const quint32 xedit = firstMapped(editor.windows());
        QTRY_VERIFY_WITH_TIMEOUT(editor.seamless.hostWindow(xedit) && editor.seamless.hostWindow(xedit)->isExposed(), WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(hostile.seamless.hostWindow(xterm) && hostile.seamless.hostWindow(xterm)->isExposed(), WindowTimeoutMs);
        SeamlessWindow *xeditHost = editor.seamless.hostWindow(xedit);
        QTRY_VERIFY_WITH_TIMEOUT(xeditHost->paintCount() > 0, WindowTimeoutMs);
        const QRect editorFrame = xeditHost->geometry();
        qInfo() << "editor window: guest" << editor.windows()->window(xedit).geometry << "host" << editorFrame;
        qInfo() << "terminal's xterm: guest" << hostile.windows()->window(xterm).geometry;

        auto runHostile = [&](const QStringList &args) {
            const GuestDriver::ExecResult r = hostile.driver.exec(QStringList{Hostile} + args);
            if (!r.finished || r.status != 0)
                qWarning() << "tessera-hostile" << args << "->" << r.status << r.output << hostile.driver.lastFailure();
            return r.finished && r.status == 0;
        };
        // Ends the hostile windows; true once only the xterm is left, in the guest and on the host.
        auto stopHostile = [&] {
            return runHostile({QStringLiteral("stop")})
                && QTest::qWaitFor([&] { return hostile.windows()->count() == 1 && hostile.seamless.windowCount() == 1; },
                                   WindowTimeoutMs);
        };

        // 1. An override-redirect window exactly over the editor's host window (its content area,
        // in the terminal guest's coordinates): demoted to a framed normal window, flagged.
        const QRect over = SeamlessGeometry::guestGeometry(editorFrame, TerminalOrigin);
        QVERIFY(!over.intersects(hostile.windows()->window(xterm).geometry)); // free-standing, not a menu
        QVERIFY(runHostile({QStringLiteral("override"), QString::number(over.x()), QString::number(over.y()),
                            QString::number(over.width()), QString::number(over.height())}));
        QTRY_VERIFY_WITH_TIMEOUT(findByTitle(hostile.windows(), QStringLiteral("hostile override")) != 0, WindowTimeoutMs);
        const quint32 overId = findByTitle(hostile.windows(), QStringLiteral("hostile override"));
        QVERIFY(hostile.windows()->window(overId).overrideRedirect); // the guest made it override-redirect
        QTRY_VERIFY_WITH_TIMEOUT(hostile.seamless.hostWindow(overId) && hostile.seamless.hostWindow(overId)->isExposed(),
                                 WindowTimeoutMs);
        SeamlessWindow *overHost = hostile.seamless.hostWindow(overId);
        QCOMPARE(overHost->kind(), SeamlessWindow::Normal);
        QVERIFY(!overHost->flags().testFlag(Qt::ToolTip));
        QTRY_VERIFY(anyReason(flags, QStringLiteral("over a window that is not its own")));
        qInfo("flagged: %s", qPrintable(hostile.seamless.abuseReason()));
        // On the host's X server: not override-redirect, reparented into the window manager's frame.
        QVERIFY2(xwininfo(overHost->winId()).contains(QLatin1String("Override Redirect State: no")), qPrintable(xwininfo(overHost->winId())));
        const QRegularExpression parentIsRoot(QStringLiteral("Parent window id: 0x[0-9a-f]+ \\(the root window\\)"));
        QTRY_VERIFY_WITH_TIMEOUT(xwininfo(overHost->winId(), true).contains(QLatin1String("Parent window id:"))
                                     && !parentIsRoot.match(xwininfo(overHost->winId(), true)).hasMatch(),
                                 WindowTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(xGeometry(overHost->winId()), editorFrame, WindowTimeoutMs);
        // It does not cover the editor's window: the window manager stacks it below.
        QTRY_VERIFY_WITH_TIMEOUT(stackedAbove(xeditHost->winId(), overHost->winId()), WindowTimeoutMs);
        // On screen, once the person raises it above the editor's window: the terminal's border where
        // the editor's was, the guest's magenta inside it.
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("windowactivate"), QStringLiteral("--sync"), QString::number(overHost->winId())});
        QTRY_VERIFY_WITH_TIMEOUT(overHost->paintCount() > 0, WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(near(screenShot(editorFrame).pixelColor(editorFrame.width() / 2, 1), TerminalColor)
                                     && near(screenShot(editorFrame).pixelColor(1, editorFrame.height() / 2), TerminalColor),
                                 WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(near(screenShot(editorFrame).pixelColor(8, 8), QColor(0xff, 0, 0xff)),
                                 WindowTimeoutMs);
        screenShot(editorFrame.adjusted(-40, -40, 40, 40)).save(QDir::temp().filePath(QStringLiteral("tessera-hostile-override.png")));
        QVERIFY(stopHostile());

        // 1b. Nor over anything else that is not the terminal's own: a window of Tessera itself
        // (a stand-in for its launcher, a dialog or the consent dialog, shown by this process)
        // and a plain program on the host's X server (xmessage), whose place and size come from
        // the X server and the window manager's stacking list.
        auto overrideOver = [&](const QRect &hostRect, const QString &what) -> SeamlessWindow * {
            const QRect guest = SeamlessGeometry::guestGeometry(hostRect, TerminalOrigin);
            if (guest.intersects(hostile.windows()->window(xterm).geometry)) {
                qWarning() << what << "is under the terminal's xterm: not a free-standing popup";
                return nullptr;
            }
            if (!runHostile({QStringLiteral("override"), QString::number(guest.x()), QString::number(guest.y()),
                             QString::number(guest.width()), QString::number(guest.height())}))
                return nullptr;
            quint32 id = 0;
            if (!QTest::qWaitFor([&] { return (id = findByTitle(hostile.windows(), QStringLiteral("hostile override"))) != 0
                                             && hostile.seamless.hostWindow(id) && hostile.seamless.hostWindow(id)->isExposed(); },
                                 WindowTimeoutMs))
                return nullptr;
            return hostile.seamless.hostWindow(id);
        };
        SolidWindow shellStandIn(QColor(0x20, 0xc0, 0x20));
        shellStandIn.setTitle(QStringLiteral("Tessera"));
        shellStandIn.setGeometry(QRect(QPoint(40, 650), QSize(280, 150))); // below the xterm, left of the editor
        shellStandIn.show();
        QVERIFY(QTest::qWaitForWindowExposed(&shellStandIn));
        QTRY_VERIFY_WITH_TIMEOUT(xwininfo(shellStandIn.winId(), true).contains(QLatin1String("Parent window id:"))
                                     && !parentIsRoot.match(xwininfo(shellStandIn.winId(), true)).hasMatch(),
                                 WindowTimeoutMs); // managed by openbox, in its stacking list
        flags.clear();
        SeamlessWindow *overShell = overrideOver(shellStandIn.geometry(), QStringLiteral("Tessera's window"));
        QVERIFY(overShell);
        QCOMPARE(overShell->kind(), SeamlessWindow::Normal);
        QVERIFY(!overShell->flags().testFlag(Qt::ToolTip));
        QTRY_VERIFY(anyReason(flags, QStringLiteral("not its own")));
        QVERIFY(xwininfo(overShell->winId()).contains(QLatin1String("Override Redirect State: no")));
        QTRY_VERIFY_WITH_TIMEOUT(!parentIsRoot.match(xwininfo(overShell->winId(), true)).hasMatch(), WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(overShell->paintCount() > 0, WindowTimeoutMs);
        // Below Tessera's window, which stays in sight.
        QTRY_VERIFY_WITH_TIMEOUT(stackedAbove(shellStandIn.winId(), overShell->winId()), WindowTimeoutMs);
        const QPoint standInMiddle(shellStandIn.width() / 2, shellStandIn.height() / 2);
        QTRY_VERIFY_WITH_TIMEOUT(near(screenShot(shellStandIn.geometry()).pixelColor(standInMiddle), QColor(0x20, 0xc0, 0x20)),
                                 WindowTimeoutMs);
        screenShot(shellStandIn.geometry().adjusted(-60, -60, 60, 60))
            .save(QDir::temp().filePath(QStringLiteral("tessera-hostile-over-shell.png")));
        QVERIFY(stopHostile());

        QProcess xmessage;
        xmessage.start(QStringLiteral("xmessage"), {QStringLiteral("-geometry"), QStringLiteral("280x110+380+650"), QStringLiteral("-bg"),
                                                    QStringLiteral("#2040e0"), QStringLiteral("a host program, not Tessera's")});
        QVERIFY(xmessage.waitForStarted());
        QString xmessageId;
        QTRY_VERIFY_WITH_TIMEOUT(!(xmessageId = QString::fromUtf8(runHostTool(QStringLiteral("xdotool"),
                                                                              {QStringLiteral("search"), QStringLiteral("--onlyvisible"),
                                                                               QStringLiteral("--class"), QStringLiteral("Xmessage")}))
                                                     .trimmed()).isEmpty(),
                                 WindowTimeoutMs);
        const QRect xmessageRect = geometryFromXwininfo(QString::fromUtf8(runHostTool(QStringLiteral("xwininfo"),
                                                                                      {QStringLiteral("-id"), xmessageId.section(QLatin1Char('\n'), 0, 0)})));
        qInfo() << "xmessage on the host at" << xmessageRect;
        QVERIFY(xmessageRect.width() > 0 && xmessageRect.height() > 0);
        flags.clear();
        SeamlessWindow *overProgram = overrideOver(xmessageRect, QStringLiteral("xmessage"));
        QVERIFY(overProgram);
        QCOMPARE(overProgram->kind(), SeamlessWindow::Normal);
        QTRY_VERIFY(anyReason(flags, QStringLiteral("not its own")));
        QTRY_VERIFY_WITH_TIMEOUT(!parentIsRoot.match(xwininfo(overProgram->winId(), true)).hasMatch(), WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(overProgram->paintCount() > 0, WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(stackedAbove(WId(xmessageId.section(QLatin1Char('\n'), 0, 0).toULongLong()), overProgram->winId()),
                                 WindowTimeoutMs);
        const QPoint xmessageInside(xmessageRect.width() * 3 / 4, xmessageRect.height() - 8);
        QTRY_VERIFY_WITH_TIMEOUT(near(screenShot(xmessageRect).pixelColor(xmessageInside), QColor(0x20, 0x40, 0xe0)), WindowTimeoutMs);
        screenShot(xmessageRect.adjusted(-60, -60, 60, 60)).save(QDir::temp().filePath(QStringLiteral("tessera-hostile-over-xmessage.png")));
        QVERIFY(stopHostile());

        // A popup placed first over empty desktop stays one; when a window of Tessera then
        // opens under it (the stacking list changes), it is framed too.
        const QRect empty(QPoint(880, 40), QSize(300, 150)); // right of the xterm, above the editor
        SeamlessWindow *early = overrideOver(empty, QStringLiteral("the empty desktop"));
        QVERIFY(early);
        QCOMPARE(early->kind(), SeamlessWindow::Popup);
        const quint32 earlyId = early->guestId();
        flags.clear();
        SolidWindow dialog(QColor(0xe0, 0xa0, 0x20));
        dialog.setTitle(QStringLiteral("Tessera dialog"));
        dialog.setGeometry(empty.adjusted(-20, -20, 20, 20));
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(hostile.seamless.hostWindow(earlyId) && hostile.seamless.hostWindow(earlyId)->kind() == SeamlessWindow::Normal,
                                 WindowTimeoutMs);
        QTRY_VERIFY(anyReason(flags, QStringLiteral("not its own")));
        QTRY_VERIFY_WITH_TIMEOUT(hostile.seamless.hostWindow(earlyId)->isExposed(), WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(stackedAbove(dialog.winId(), hostile.seamless.hostWindow(earlyId)->winId()), WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(near(screenShot(empty).pixelColor(empty.width() / 2, empty.height() / 2), QColor(0xe0, 0xa0, 0x20)),
                                 WindowTimeoutMs);
        screenShot(QGuiApplication::primaryScreen()->geometry()).save(QDir::temp().filePath(QStringLiteral("tessera-hostile-foreign.png")));
        QVERIFY(stopHostile());
        dialog.close();
        shellStandIn.close();
        xmessage.kill();
        xmessage.waitForFinished(5000);

        // A screen-covering override-redirect window: demoted by the tracker, flagged.
        QVERIFY(runHostile({QStringLiteral("override"), QStringLiteral("0"), QStringLiteral("0"),
                            QString::number(guestScreen.width()), QString::number(guestScreen.height())}));
        QTRY_VERIFY_WITH_TIMEOUT(findByTitle(hostile.windows(), QStringLiteral("hostile override")) != 0, WindowTimeoutMs);
        const quint32 coverId = findByTitle(hostile.windows(), QStringLiteral("hostile override"));
        QVERIFY(hostile.windows()->window(coverId).demoted);
        QTRY_VERIFY_WITH_TIMEOUT(hostile.seamless.hostWindow(coverId), WindowTimeoutMs);
        QCOMPARE(hostile.seamless.hostWindow(coverId)->kind(), SeamlessWindow::Normal);
        QTRY_VERIFY(anyReason(flags, QStringLiteral("cover the screen")));
        QVERIFY(stopHostile());

        // 2. A flood of 400 windows: at most MaxWindows host windows, flagged.
        QElapsedTimer floodTimer;
        floodTimer.start();
        QVERIFY(runHostile({QStringLiteral("flood"), QStringLiteral("400")}));
        QTRY_COMPARE_WITH_TIMEOUT(hostile.windows()->count(), WindowTracker::MaxWindows, WindowTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(hostile.seamless.windowCount(), WindowTracker::MaxWindows, WindowTimeoutMs);
        qInfo("flood: %d host windows after %lld ms", hostile.seamless.windowCount(), floodTimer.elapsed());
        QTRY_VERIFY(anyReason(flags, QStringLiteral("more than 256 windows")));
        int hostTopLevels = 0;
        for (QWindow *w : QGuiApplication::topLevelWindows())
            hostTopLevels += w->isVisible() && w->title().startsWith(QLatin1String("[Terminal] "));
        QCOMPARE(hostTopLevels, WindowTracker::MaxWindows);
        QVERIFY(stopHostile());
        // The host's window manager survived the burst of windows (openbox used to crash here: see
        // SeamlessWindowManager::restack()).
        QVERIFY(windowManagerAlive());

        // 3. A 1 MiB title of controls, escapes, bidi overrides and invalid UTF-8.
        QVERIFY(runHostile({QStringLiteral("title"), QString::number(1 << 20)}));
        QTRY_VERIFY_WITH_TIMEOUT(findByTitle(hostile.windows(), QStringLiteral("HUGE")) != 0, WindowTimeoutMs);
        const quint32 titled = findByTitle(hostile.windows(), QStringLiteral("HUGE"));
        const QString title = hostile.windows()->window(titled).title;
        QVERIFY(title.toUtf8().size() <= GuestWindowSanitizer::MaxTitleBytes);
        for (const QChar c : title)
            QVERIFY2(c.isPrint() && c != QChar(0x202e) && c != QChar(0xfffd), qPrintable(QString::number(c.unicode(), 16)));
        QTRY_VERIFY_WITH_TIMEOUT(hostile.seamless.hostWindow(titled), WindowTimeoutMs);
        QCOMPARE(hostile.seamless.hostWindow(titled)->title(), QStringLiteral("[Terminal] ") + title);
        qInfo("1 MiB title arrived as %lld bytes: \"%s\"", qint64(title.toUtf8().size()), qPrintable(title));
        QVERIFY(stopHostile());

        // 4. Absurd geometry: clamped, on the screen, never larger than the guest's screen.
        QVERIFY(runHostile({QStringLiteral("geometry")}));
        QTRY_VERIFY_WITH_TIMEOUT(findByTitle(hostile.windows(), QStringLiteral("geo huge")) && findByTitle(hostile.windows(), QStringLiteral("geo far")),
                                 WindowTimeoutMs);
        const QRect screen = QGuiApplication::primaryScreen()->geometry();
        for (const QString &name : {QStringLiteral("geo huge"), QStringLiteral("geo far")}) {
            const quint32 id = findByTitle(hostile.windows(), name);
            const QRect guest = hostile.windows()->window(id).geometry;
            QVERIFY(guest.width() <= GuestWindowSanitizer::MaxSize && guest.height() <= GuestWindowSanitizer::MaxSize);
            QVERIFY(qAbs(guest.x()) <= GuestWindowSanitizer::MaxCoordinate && qAbs(guest.y()) <= GuestWindowSanitizer::MaxCoordinate);
            QTRY_VERIFY_WITH_TIMEOUT(hostile.seamless.hostWindow(id) && hostile.seamless.hostWindow(id)->isExposed(), WindowTimeoutMs);
            SeamlessWindow *host = hostile.seamless.hostWindow(id);
            QVERIFY(host->width() <= guestScreen.width() + 2 * SeamlessGeometry::FrameWidth);
            QVERIFY(host->height() <= guestScreen.height() + 2 * SeamlessGeometry::FrameWidth);
            QTRY_VERIFY_WITH_TIMEOUT(screen.contains(xGeometry(host->winId()).topLeft()), WindowTimeoutMs);
            qInfo() << name << "guest" << guest << "host" << host->geometry() << "X" << xGeometry(host->winId());
        }
        QVERIFY(stopHostile());

        // The editor's window still works: keys typed into its host window change the guest's
        // pixels and the host window shows them.
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("windowactivate"), QStringLiteral("--sync"), QString::number(xeditHost->winId())});
        QTRY_COMPARE_WITH_TIMEOUT(QGuiApplication::focusWindow(), static_cast<QWindow *>(xeditHost), WindowTimeoutMs);
        const QRect xeditGuest = editor.windows()->window(xedit).geometry;
        const QImage beforeTyping = editor.spice.framebuffer()->grab(xeditGuest);
        const quint64 paintsBefore = xeditHost->paintCount();
        // Click into xedit's text area (below its button row), then type.
        const QRect eg = xeditHost->geometry();
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("mousemove"), QString::number(eg.center().x()), QString::number(eg.center().y()),
                                        QStringLiteral("click"), QStringLiteral("1")});
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("80"), QStringLiteral("still here")});
        QTRY_VERIFY_WITH_TIMEOUT(changedPixels(beforeTyping, editor.spice.framebuffer()->grab(xeditGuest)) > 100, WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(xeditHost->paintCount() > paintsBefore, WindowTimeoutMs);

        // 5. Garbage on the agent's port: a process kills the agent and takes its port.
        QSignalSpy protocolErrors(hostile.spice.agent(), &AgentChannel::protocolError);
        QVERIFY(hostile.spice.agent()->exec({Hostile, QStringLiteral("garbage"), QStringLiteral("absurd,oversize,bytes")}) != 0);
        // The absurd flood (2000 window updates with absurd fields, a 4000-id stack, unrequested
        // answers, unknown types) is bounded, then the 4 GiB frame length drops the port.
        int maxCount = 0;
        const QMetaObject::Connection counting = connect(hostile.windows(), &WindowTracker::countChanged, this,
                                                         [&] { maxCount = qMax(maxCount, hostile.windows()->count()); });
        QTRY_VERIFY_WITH_TIMEOUT(!protocolErrors.isEmpty(), 3 * WindowTimeoutMs);
        disconnect(counting);
        const QString oversize = protocolErrors.first().at(0).toString();
        qInfo("protocol error 1: %s (at most %d windows tracked meanwhile)", qPrintable(oversize), maxCount);
        QVERIFY(maxCount <= WindowTracker::MaxWindows);
        QVERIFY2(oversize.contains(QLatin1String("exceeds the limit")), qPrintable(oversize));
        QTRY_VERIFY(anyReason(flags, oversize));
        QTRY_COMPARE_WITH_TIMEOUT(hostile.seamless.windowCount(), 0, WindowTimeoutMs);
        QVERIFY(!hostile.spice.agent()->isOpen());
        // A new connection: the hostile process sends random bytes; dropped again. The SPICE
        // server may still be winding the dropped session down and refuse one attempt (as below):
        // a few attempts, each ended by an error or a deadline.
        for (int attempt = 0; attempt < 5 && protocolErrors.size() < 2; ++attempt) {
            QSignalSpy refused(&hostile.spice, &SpiceConnection::errorOccurred);
            hostile.spice.disconnectFromGuest();
            hostile.spice.connectToUnixSocket(hostileSocket);
            if (!QTest::qWaitFor([&] { return !refused.isEmpty() || protocolErrors.size() >= 2; }, WindowTimeoutMs))
                qWarning("reconnect %d: neither refused nor dropped within %d ms", attempt + 1, WindowTimeoutMs);
        }
        QVERIFY(protocolErrors.size() >= 2);
        const QString badMagic = protocolErrors.at(1).at(0).toString();
        qInfo("protocol error 2: %s", qPrintable(badMagic));
        QVERIFY2(badMagic.contains(QLatin1String("bad magic")), qPrintable(badMagic));
        QTRY_VERIFY(anyReason(flags, badMagic));
        // Once it is gone, the real agent (restarted by the guest's session) answers a new connection.
        // The SPICE server may still be winding the last session down and refuse one attempt
        // ("incompatible SPICE server"): a few attempts, each ended by an error or a deadline.
        bool up = false;
        for (int attempt = 0; attempt < 5 && !up; ++attempt) {
            QSignalSpy refused(&hostile.spice, &SpiceConnection::errorOccurred);
            hostile.spice.disconnectFromGuest();
            hostile.spice.connectToUnixSocket(hostileSocket);
            up = QTest::qWaitFor([&] { return !refused.isEmpty() || hostile.spice.agent()->sessionState() == QLatin1String("up"); },
                                 WindowTimeoutMs)
                && hostile.spice.agent()->sessionState() == QLatin1String("up");
        }
        QVERIFY2(up, "the real agent did not come back after the hostile process let go of its port");
        QTRY_VERIFY_WITH_TIMEOUT(findByTitle(hostile.windows(), QStringLiteral("Terminal")) != 0, WindowTimeoutMs);

        // The editor was never flagged and still answers and draws.
        QVERIFY(editorFlags.isEmpty());
        QSignalSpy pong(editor.spice.agent(), &AgentChannel::pong);
        QVERIFY(editor.spice.agent()->ping() != 0);
        QVERIFY(pong.wait(WindowTimeoutMs));
        const QImage beforeMore = editor.spice.framebuffer()->grab(xeditGuest);
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("windowactivate"), QStringLiteral("--sync"), QString::number(xeditHost->winId())});
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("80"), QStringLiteral(" and alive")});
        QTRY_VERIFY_WITH_TIMEOUT(changedPixels(beforeMore, editor.spice.framebuffer()->grab(xeditGuest)) > 100, WindowTimeoutMs);
        QVERIFY(windowManagerAlive());
        screenShot(QGuiApplication::primaryScreen()->geometry()).save(QDir::temp().filePath(QStringLiteral("tessera-hostile-end.png")));
    }
};

QTEST_MAIN(TestHostileEndToEnd)
#include "tst_hostile_e2e.moc"
