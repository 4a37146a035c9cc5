// Seamless mode end to end: the real terminal appliance (TCG), a real X host with a window
// manager (Xvfb + openbox, as scripts/test provides), Tessera's SPICE client and
// SeamlessWindowManager. Two guest xterms become two host top-level windows with the expected
// titles, geometry and border; their pixels match the guest's; typing into one changes only that
// guest window; a drag in the host window drags in the guest; moving a guest window moves the host
// window; closing a host window closes the guest window; Ctrl+Shift+C / Ctrl+Shift+V (real X key
// events on the host) copy a guest selection into the Tessera clipboard and give it to the other
// window's guest, where another X client reads it back; an over-size selection is refused; raising a
// guest window raises its host window (openbox's _NET_CLIENT_LIST_STACKING) without moving the focus;
// an override-redirect guest window becomes a bordered popup placed relative to its parent.
// windowIconsAndUrgency: a guest window's _NET_WM_ICON becomes the host window's _NET_WM_ICON inside
// a frame in the trust colour; urgency set in the guest (ICCCM WM_HINTS and EWMH demands-attention)
// makes openbox list _NET_WM_STATE_DEMANDS_ATTENTION on the host window, cleared when the guest
// clears it or the host window is focused, a guest flipping it fast changes the host state at
// most twice a second, and an xterm with bellIsUrgent ringing its bell does the same.
// The test builds its own tools disk from this build's agent (the test hooks are in the agent).
// Waits are conditions with deadlines.
#include "agentchannel.h"
#include "clipboardnotice.h"
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "vmstatewait.h"
#include "guestdriver.h"
#include "hosttools.h"
#include "privatetoolscache.h"
#include "guestframebuffer.h"
#include "libvirtconnection.h"
#include "seamlessclipboard.h"
#include "seamlessgeometry.h"
#include "seamlessiconbadge.h"
#include "seamlesswindow.h"
#include "seamlesswindowmanager.h"
#include "spiceconnection.h"
#include "tesserapaths.h"
#include "windowtracker.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

constexpr int BootTimeoutMs = 240 * 1000;
constexpr int StateTimeoutMs = 60 * 1000;
constexpr int WindowTimeoutMs = 30 * 1000;
const QPoint Origin(100, 60);
const QColor Trust(0xc0, 0x39, 0x2b);

QString testUri(const QString &cacheBase)
{
    // Its own embedded root: other real-VM tests may run at the same time.
    return geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + cacheBase + QStringLiteral("/e2e-seamlesswin-libvirt")
                          : QStringLiteral("qemu:///session");
}

/// Geometry of the X window named @p name as the X server has it (xwininfo).
QRect xGeometry(const QString &name)
{
    return geometryFromXwininfo(QString::fromUtf8(runHostTool(QStringLiteral("xwininfo"), {QStringLiteral("-name"), name})));
}

/// Share of pixels whose channels differ by more than 40 (guest vs host picture).
double differingShare(const QImage &a, const QImage &b)
{
    if (a.size() != b.size() || a.isNull())
        return 1.0;
    const QImage x = a.convertToFormat(QImage::Format_RGB32), y = b.convertToFormat(QImage::Format_RGB32);
    qint64 differ = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col) {
            if (qAbs(qRed(p[col]) - qRed(q[col])) > 40 || qAbs(qGreen(p[col]) - qGreen(q[col])) > 40
                || qAbs(qBlue(p[col]) - qBlue(q[col])) > 40)
                ++differ;
        }
    }
    return double(differ) / (qint64(x.width()) * x.height());
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

/// The host's client windows bottom to top, as the window manager stacks them.
QList<WId> hostStacking()
{
    const QString out = QString::fromUtf8(runHostTool(QStringLiteral("xprop"), {QStringLiteral("-root"), QStringLiteral("_NET_CLIENT_LIST_STACKING")}));
    QList<WId> ids;
    const QRegularExpression hex(QStringLiteral("0x([0-9a-fA-F]+)"));
    for (auto it = hex.globalMatch(out); it.hasNext();)
        ids.append(WId(it.next().captured(1).toULongLong(nullptr, 16)));
    return ids;
}

/// Whether host window @p upper is stacked above @p lower.
bool stackedAbove(QWindow *upper, QWindow *lower)
{
    const QList<WId> ids = hostStacking();
    const qsizetype u = ids.indexOf(upper->winId()), l = ids.indexOf(lower->winId());
    return u >= 0 && l >= 0 && u > l;
}

QImage screenShot(const QRect &rect)
{
    return QGuiApplication::primaryScreen()->grabWindow(0, rect.x(), rect.y(), rect.width(), rect.height()).toImage();
}

/// The images of host window @p window's _NET_WM_ICON as the X server has it (xprop).
QList<QImage> hostIcons(WId window)
{
    const QByteArray out = runHostTool(QStringLiteral("xprop"), {QStringLiteral("-id"), QString::number(window), QStringLiteral("-notype"),
                                                         QStringLiteral("-f"), QStringLiteral("_NET_WM_ICON"), QStringLiteral("32c"),
                                                         QStringLiteral("_NET_WM_ICON")});
    const qsizetype eq = out.indexOf('=');
    if (eq < 0)
        return {};
    QList<quint32> words;
    for (const QByteArray &part : out.mid(eq + 1).split(','))
        words.append(part.trimmed().toUInt());
    QList<QImage> images;
    for (qsizetype i = 0; i + 2 <= words.size();) {
        const int w = int(words.at(i)), h = int(words.at(i + 1));
        if (w < 1 || h < 1 || w > 1024 || h > 1024 || i + 2 + qsizetype(w) * h > words.size())
            break;
        QImage image(w, h, QImage::Format_ARGB32);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                image.setPixel(x, y, words.at(i + 2 + y * w + x));
        images.append(image);
        i += 2 + qsizetype(w) * h;
    }
    return images;
}

/// Whether openbox lists _NET_WM_STATE_DEMANDS_ATTENTION on host window @p window.
bool demandsAttention(WId window)
{
    return runHostTool(QStringLiteral("xprop"), {QStringLiteral("-id"), QString::number(window), QStringLiteral("_NET_WM_STATE")})
        .contains("_NET_WM_STATE_DEMANDS_ATTENTION");
}

} // namespace

class TestSeamlessEndToEnd : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    QTemporaryDir m_runtime{QStringLiteral("/tmp/tse-XXXXXX")}; // unix socket paths must stay short
    LibvirtConnection *m_connection = nullptr;
    ApplianceImage m_image;


    static quint32 findByTitle(WindowTracker *tracker, const QString &title)
    {
        for (quint32 id : tracker->stack()) {
            const GuestWindow w = tracker->window(id);
            if (w.title == title && w.mapped)
                return id;
        }
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            QSKIP("needs an X display with a window manager (scripts/test starts Xvfb and openbox)");
        QVERIFY(m_data.isValid());
        QVERIFY(m_runtime.isValid());
        // A private tools disk with this build's agent (its test hooks), over the appliance images
        // of the cache this run was given (TESSERA_CACHE_DIR, else the user's).
        const QString base = TesseraPaths::cacheDir();
        QString problem;
        const QString cache = makePrivateToolsCache(base, QStringLiteral("e2e-seamless-cache"),
                                                    {QStringLiteral("--agent"), QStringLiteral(TESSERA_AGENT),
                                                     QStringLiteral("--netproxy"), QStringLiteral(TESSERA_NETPROXY)},
                                                    &problem);
        QVERIFY2(!cache.isEmpty(), qPrintable(problem));
        qputenv("TESSERA_CACHE_DIR", cache.toUtf8());
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        QVERIFY(QFile::exists(TesseraPaths::toolsDiskPath()));
        m_image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        QVERIFY2(m_image.isComplete(), "the terminal appliance is not built: run scripts/setup");
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        m_connection = new LibvirtConnection(testUri(base), this);
        QSignalSpy opened(m_connection, &LibvirtConnection::opened);
        QSignalSpy failed(m_connection, &LibvirtConnection::openFailed);
        m_connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 180000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<VmError>().toString()));
    }

    void guestWindowsBecomeHostWindows()
    {
        ApplianceVm vm(m_connection, m_image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        vm.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(vm.state() != ApplianceVm::Unknown, 10000);
        if (vm.state() != ApplianceVm::Off) { // left over from an interrupted run
            vm.powerOff();
            QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        }
        QSignalSpy rolledBack(&vm, &ApplianceVm::rolledBack);
        vm.rollback();
        QVERIFY(rolledBack.wait(StateTimeoutMs));

        SpiceConnection spice;
        GuestDriver driver(&spice);
        WindowTracker *windows = spice.agent()->windows();
        SeamlessWindowManager seamless;
        struct Stop {
            ApplianceVm &vm;
            SpiceConnection &spice;
            TestSeamlessEndToEnd *test;
            ~Stop()
            {
                vm.stop();
                waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs);
                spice.disconnectFromGuest();
            }
        } stop{vm, spice, this};

        seamless.setApplianceId(QStringLiteral("terminal"));
        seamless.setApplianceTitle(QStringLiteral("Terminal"));
        seamless.setTrustColor(Trust);
        seamless.setOrigin(Origin);
        seamless.setConnection(&spice);
        seamless.setEnabled(true);

        vm.start();
        QVERIFY(waitForVmState(vm, ApplianceVm::Running, StateTimeoutMs));
        spice.connectToUnixSocket(vm.spec().spiceSocket);
        QVERIFY2(driver.waitForSessionUp(BootTimeoutMs), qPrintable(driver.lastFailure()));
        QTRY_VERIFY_WITH_TIMEOUT(spice.isInputReady(), WindowTimeoutMs);
        qInfo() << "guest screen" << spice.framebuffer()->size() << "absolute pointer" << spice.hasAbsolutePointer();

        // The appliance's own xterm first.
        QTRY_VERIFY_WITH_TIMEOUT(findByTitle(windows, QStringLiteral("Terminal")) != 0, WindowTimeoutMs);
        const quint32 terminal = findByTitle(windows, QStringLiteral("Terminal"));
        QTRY_VERIFY_WITH_TIMEOUT(seamless.hostWindow(terminal) && seamless.hostWindow(terminal)->isExposed(), WindowTimeoutMs);

        // A second xterm, started through the agent in its own session (the Exec returns at once).
        QElapsedTimer sinceExec;
        sinceExec.start();
        const GuestDriver::ExecResult started = driver.exec(
            {QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral("setsid -f xterm -title Second -geometry 40x10+720+300 </dev/null >/dev/null 2>&1")});
        QVERIFY2(started.finished && started.status == 0, qPrintable(driver.lastFailure() + QString::fromUtf8(started.output)));
        QTRY_VERIFY_WITH_TIMEOUT(findByTitle(windows, QStringLiteral("Second")) != 0, WindowTimeoutMs);
        const quint32 second = findByTitle(windows, QStringLiteral("Second"));
        QTRY_VERIFY_WITH_TIMEOUT(seamless.hostWindow(second) && seamless.hostWindow(second)->isExposed(), WindowTimeoutMs);
        qInfo("exec of a guest xterm to its host window exposed: %lld ms", sinceExec.elapsed());

        // Two host top-level windows with the expected titles.
        QCOMPARE(seamless.windowCount(), 2);
        QStringList titles;
        for (QWindow *w : QGuiApplication::topLevelWindows()) {
            if (w->isVisible() && w->title().startsWith(QLatin1String("[Terminal] ")))
                titles << w->title();
        }
        titles.sort();
        QCOMPARE(titles, QStringList({QStringLiteral("[Terminal] Second"), QStringLiteral("[Terminal] Terminal")}));

        for (const quint32 id : {terminal, second}) {
            SeamlessWindow *host = seamless.hostWindow(id);
            const GuestWindow guest = windows->window(id);
            const QRect expected = SeamlessGeometry::hostFrame(guest.geometry, Origin);
            // Where the X server has the window (openbox placed it where we asked).
            QTRY_COMPARE_WITH_TIMEOUT(xGeometry(host->title()), expected, WindowTimeoutMs);
            QCOMPARE(host->geometry(), expected);
            QTRY_VERIFY_WITH_TIMEOUT(host->paintCount() > 0, WindowTimeoutMs);
            // The screen shows the guest's pixels inside the host's border.
            const QRect content = expected.adjusted(SeamlessGeometry::FrameWidth, SeamlessGeometry::FrameWidth,
                                                    -SeamlessGeometry::FrameWidth, -SeamlessGeometry::FrameWidth);
            double share = 1.0;
            QTRY_VERIFY_WITH_TIMEOUT((share = differingShare(screenShot(content), spice.framebuffer()->grab(guest.geometry))) < 0.01,
                                     WindowTimeoutMs);
            qInfo("%s: host %d,%d %dx%d; %.4f of the pixels differ from the guest's",
                  qPrintable(host->title()), expected.x(), expected.y(), expected.width(), expected.height(), share);
            const QImage border = screenShot(QRect(expected.topLeft(), QSize(expected.width(), SeamlessGeometry::FrameWidth)));
            QCOMPARE(border.pixelColor(border.width() / 2, 1).rgb() & 0xffffff, Trust.rgb() & 0xffffff);
        }

        // Typing into the second host window changes only the second guest window.
        SeamlessWindow *secondHost = seamless.hostWindow(second);
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("windowactivate"), QStringLiteral("--sync"), QString::number(secondHost->winId())});
        QTRY_COMPARE_WITH_TIMEOUT(QGuiApplication::focusWindow(), static_cast<QWindow *>(secondHost), WindowTimeoutMs);
        // The guest xterm shows its focus by a filled cursor: wait until it redrew.
        const QImage secondBeforeFocus = spice.framebuffer()->grab(windows->window(second).geometry);
        const QImage terminalBeforeFocus = spice.framebuffer()->grab(windows->window(terminal).geometry);
        const bool focusShown = QTest::qWaitFor([&] { return changedPixels(secondBeforeFocus, spice.framebuffer()->grab(windows->window(second).geometry)) > 0; }, 5000);
        qInfo("guest xterm redrew its cursor on focus: %s", focusShown ? "yes" : "no");
        // ... and the other xterm its hollow cursor on losing it (it had the guest's focus first).
        const bool blurShown = QTest::qWaitFor([&] { return changedPixels(terminalBeforeFocus, spice.framebuffer()->grab(windows->window(terminal).geometry)) > 0; }, 5000);
        qInfo("other guest xterm redrew its cursor on focus loss: %s", blurShown ? "yes" : "no");
        const QImage terminalBefore = spice.framebuffer()->grab(windows->window(terminal).geometry);
        const QImage secondBefore = spice.framebuffer()->grab(windows->window(second).geometry);
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("80"),
                                        QStringLiteral("echo only here")});
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("key"), QStringLiteral("Return")});
        QTRY_VERIFY_WITH_TIMEOUT(changedPixels(secondBefore, spice.framebuffer()->grab(windows->window(second).geometry)) > 200,
                                 WindowTimeoutMs);
        const int secondChanged = changedPixels(secondBefore, spice.framebuffer()->grab(windows->window(second).geometry));
        const int terminalChanged = changedPixels(terminalBefore, spice.framebuffer()->grab(windows->window(terminal).geometry));
        qInfo("typing: %d pixels changed in the focused guest window, %d in the other", secondChanged, terminalChanged);
        QCOMPARE(terminalChanged, 0);
        // The host window shows the typed text too.
        QTRY_VERIFY_WITH_TIMEOUT(differingShare(screenShot(secondHost->geometry().adjusted(3, 3, -3, -3)),
                                                spice.framebuffer()->grab(windows->window(second).geometry)) < 0.01,
                                 WindowTimeoutMs);

        // A drag on the host window selects text in the guest xterm (pointer at translated coordinates).
        const QRect sg = secondHost->geometry();
        const QImage beforeDrag = spice.framebuffer()->grab(windows->window(second).geometry);
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("mousemove"), QString::number(sg.x() + 6), QString::number(sg.y() + 8),
                                        QStringLiteral("mousedown"), QStringLiteral("1"),
                                        QStringLiteral("mousemove"), QString::number(sg.x() + 90), QString::number(sg.y() + 8),
                                        QStringLiteral("mouseup"), QStringLiteral("1")});
        QTRY_VERIFY_WITH_TIMEOUT(changedPixels(beforeDrag, spice.framebuffer()->grab(windows->window(second).geometry)) > 200,
                                 WindowTimeoutMs);

        // Moving the guest window moves the host window.
        const QRect moved(QPoint(600, 420), windows->window(second).geometry.size());
        QVERIFY(spice.agent()->moveResizeWindow(second, moved));
        const QRect expectedMoved = SeamlessGeometry::hostFrame(moved, Origin);
        QTRY_COMPARE_WITH_TIMEOUT(secondHost->geometry(), expectedMoved, WindowTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(xGeometry(secondHost->title()), expectedMoved, WindowTimeoutMs);

        // Moving the host window (as the window manager does for a drag) moves the guest window.
        const QRect hostTarget = expectedMoved.translated(-200, -100);
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("windowmove"), QStringLiteral("--sync"), QString::number(secondHost->winId()),
                                        QString::number(hostTarget.x()), QString::number(hostTarget.y())});
        QTRY_COMPARE_WITH_TIMEOUT(windows->window(second).geometry.topLeft(), moved.topLeft() - QPoint(200, 100), WindowTimeoutMs);

        // Stacking: raising a guest window raises its host window, and the host focus stays.
        SeamlessWindow *terminalHost = seamless.hostWindow(terminal);
        QWindow *focusBefore = QGuiApplication::focusWindow();
        QVERIFY(spice.agent()->focusWindow(terminal));
        QTRY_VERIFY_WITH_TIMEOUT(windows->stack().indexOf(terminal) > windows->stack().indexOf(second), WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(stackedAbove(terminalHost, secondHost), WindowTimeoutMs);
        QVERIFY(spice.agent()->focusWindow(second));
        QTRY_VERIFY_WITH_TIMEOUT(stackedAbove(secondHost, terminalHost), WindowTimeoutMs);
        QCOMPARE(QGuiApplication::focusWindow(), focusBefore);
        qInfo("guest raises restacked the host windows (%lld windows in openbox's stacking list)", qint64(hostStacking().size()));

        // Clipboard, on explicit chords only: real key events on the host's X display.
        SeamlessClipboard clipboard;
        seamless.setClipboard(&clipboard);
        QSignalSpy notices(&seamless, &SeamlessWindowManager::clipboardNotice);
        // Activates @p host, presses @p keys there and returns the notice (empty if none came).
        auto chord = [&](SeamlessWindow *host, const char *keys) -> QString {
            runHostTool(QStringLiteral("xdotool"), {QStringLiteral("windowactivate"), QStringLiteral("--sync"), QString::number(host->winId())});
            if (!QTest::qWaitFor([&] { return QGuiApplication::focusWindow() == host; }, WindowTimeoutMs))
                return QStringLiteral("(the host window did not get the focus)");
            const qsizetype before = notices.size();
            runHostTool(QStringLiteral("xdotool"), {QStringLiteral("key"), QLatin1String(keys)});
            if (!QTest::qWaitFor([&] { return notices.size() > before; }, WindowTimeoutMs))
                return QStringLiteral("(no notice)");
            return notices.last().at(0).toString();
        };
        // The drag above selected text in the second xterm: xterm selects into PRIMARY, which the
        // agent reads when no program owns CLIPBOARD.
        QString notice = chord(secondHost, "ctrl+shift+c");
        QCOMPARE(notice, QStringLiteral("Copied from Terminal"));
        QVERIFY(!clipboard.isEmpty() && !clipboard.text().trimmed().isEmpty());
        QCOMPARE(clipboard.sourceId(), QStringLiteral("terminal"));
        // The cue is a host window next to the one the chord was pressed in.
        ClipboardNotice *cue = nullptr;
        for (QWindow *w : QGuiApplication::topLevelWindows()) {
            if (auto *n = qobject_cast<ClipboardNotice *>(w))
                cue = n;
        }
        QVERIFY(cue);
        QTRY_VERIFY_WITH_TIMEOUT(cue->isExposed(), WindowTimeoutMs);
        QCOMPARE(cue->text(), QStringLiteral("Copied from Terminal"));
        // Beside the window, never over the guest's pixels.
        QVERIFY(!secondHost->geometry().intersects(cue->geometry()));
        QVERIFY(qAbs(cue->geometry().top() - secondHost->geometry().bottom()) <= 6
                || qAbs(cue->geometry().bottom() - secondHost->geometry().top()) <= 6);
        QCOMPARE(cue->geometry().left(), secondHost->geometry().left());
        QTRY_COMPARE_WITH_TIMEOUT(screenShot(cue->geometry()).pixelColor(2, 2).rgb() & 0xffffff, QRgb(0x202020), WindowTimeoutMs);
        screenShot(secondHost->geometry().united(cue->geometry())).save(QDir::temp().filePath(QStringLiteral("tessera-seamless-notice.png")));
        qInfo("copied the guest xterm's selection: \"%s\"", qPrintable(clipboard.text()));

        // A guest program owns CLIPBOARD with known text (the agent's xclip-like --own-clipboard).
        const QString agent = QStringLiteral("/opt/tessera/tessera-agent");
        const QString known = QString::fromUtf8("Tessera clipboard \xe2\x9c\x93 from window 1");
        GuestDriver::ExecResult owned = driver.exec(
            {QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral("printf '%s' '%1' > /tmp/clip.txt && %2 --own-clipboard /tmp/clip.txt").arg(known, agent)});
        QVERIFY2(owned.finished && owned.status == 0, qPrintable(driver.lastFailure() + QString::fromUtf8(owned.output)));
        notice = chord(terminalHost, "ctrl+shift+c");
        QCOMPARE(notice, QStringLiteral("Copied from Terminal"));
        QCOMPARE(clipboard.text(), known);
        // Nothing moves without a chord: the guest's CLIPBOARD is still the program's.
        notice = chord(secondHost, "ctrl+shift+v");
        QVERIFY2(notice.startsWith(QLatin1String("Pasted into Terminal")), qPrintable(notice));
        // Another X client in the guest reads CLIPBOARD: the agent serves it through the X selection.
        const GuestDriver::ExecResult readBack = driver.exec({agent, QStringLiteral("--print-clipboard")});
        QVERIFY2(readBack.finished && readBack.status == 0, qPrintable(driver.lastFailure() + QString::fromUtf8(readBack.output)));
        QCOMPARE(QString::fromUtf8(readBack.output), known);

        // An over-size selection is refused with a clear message, and nothing of it is kept or pasted.
        owned = driver.exec({QStringLiteral("sh"), QStringLiteral("-c"),
                             QStringLiteral("head -c %1 /dev/zero | tr '\\0' x > /tmp/big.txt && %2 --own-clipboard /tmp/big.txt")
                                 .arg(SeamlessWindowManager::MaxClipboardBytes + 1)
                                 .arg(agent)});
        QVERIFY2(owned.finished && owned.status == 0, qPrintable(driver.lastFailure() + QString::fromUtf8(owned.output)));
        notice = chord(terminalHost, "ctrl+shift+c");
        qInfo("over-size copy: %s", qPrintable(notice));
        QVERIFY2(notice.startsWith(QLatin1String("Nothing copied from Terminal")) && notice.contains(QLatin1String("at most 60 KiB")),
                 qPrintable(notice));
        QCOMPARE(clipboard.text(), known);
        QCOMPARE(clipboard.sourceId(), QStringLiteral("terminal"));
        // Nothing moves without a chord: focusing the other window pastes nothing, the guest still
        // holds the over-size text (--print-clipboard exits 4: too large).
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("windowactivate"), QStringLiteral("--sync"), QString::number(secondHost->winId())});
        QTRY_COMPARE_WITH_TIMEOUT(QGuiApplication::focusWindow(), static_cast<QWindow *>(secondHost), WindowTimeoutMs);
        const GuestDriver::ExecResult stillBig = driver.exec({agent, QStringLiteral("--print-clipboard")});
        QVERIFY2(stillBig.finished && stillBig.status == 4, qPrintable(driver.lastFailure() + QString::fromUtf8(stillBig.output.left(200))));

        // A contract that allows no clipboard: both chords are refused with a notice, nothing
        // moves either way (the guest still holds the over-size text, the host clipboard the known one).
        seamless.setClipboardAllowed(false);
        notice = chord(terminalHost, "ctrl+shift+c");
        QVERIFY2(notice.startsWith(QLatin1String("Nothing copied from Terminal: its contract allows no clipboard")), qPrintable(notice));
        notice = chord(secondHost, "ctrl+shift+v");
        QVERIFY2(notice.startsWith(QLatin1String("Nothing pasted into Terminal: its contract allows no clipboard")), qPrintable(notice));
        QCOMPARE(clipboard.text(), known);
        const GuestDriver::ExecResult untouched = driver.exec({agent, QStringLiteral("--print-clipboard")});
        QVERIFY2(untouched.finished && untouched.status == 4, qPrintable(driver.lastFailure() + QString::fromUtf8(untouched.output.left(200))));
        seamless.setClipboardAllowed(true);

        // A popup: an override-redirect guest window over the first xterm (the agent's --popup test
        // hook: a menu-like window) becomes a bordered popup host window placed relative to its parent.
        const GuestWindow parentGuest = windows->window(terminal);
        const QRect popupAt(parentGuest.geometry.topLeft() + QPoint(30, 40), QSize(120, 60));
        const GuestDriver::ExecResult popped = driver.exec(
            {agent, QStringLiteral("--popup"), QString::number(popupAt.x()), QString::number(popupAt.y()),
             QString::number(popupAt.width()), QString::number(popupAt.height())});
        QVERIFY2(popped.finished && popped.status == 0, qPrintable(driver.lastFailure() + QString::fromUtf8(popped.output)));
        QTRY_VERIFY_WITH_TIMEOUT(findByTitle(windows, QStringLiteral("tessera popup")) != 0, WindowTimeoutMs);
        const quint32 popupId = findByTitle(windows, QStringLiteral("tessera popup"));
        QVERIFY(windows->window(popupId).overrideRedirect);
        QTRY_VERIFY_WITH_TIMEOUT(seamless.hostWindow(popupId) && seamless.hostWindow(popupId)->isExposed(), WindowTimeoutMs);
        SeamlessWindow *popupHost = seamless.hostWindow(popupId);
        QCOMPARE(popupHost->kind(), SeamlessWindow::Popup);
        QVERIFY(popupHost->flags().testFlag(Qt::ToolTip));
        const QRect popupExpected = SeamlessGeometry::popupFrame(popupAt, parentGuest.geometry, terminalHost->geometry());
        QCOMPARE(popupHost->geometry(), popupExpected);
        QCOMPARE(popupHost->geometry().topLeft() - terminalHost->geometry().topLeft(), popupAt.topLeft() - parentGuest.geometry.topLeft());
        QTRY_COMPARE_WITH_TIMEOUT(xGeometry(popupHost->title()).topLeft(), popupExpected.topLeft(), WindowTimeoutMs);
        // On screen: the trust border around the popup, the guest's green inside it.
        QTRY_VERIFY_WITH_TIMEOUT(popupHost->paintCount() > 0, WindowTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(screenShot(popupExpected).pixelColor(popupExpected.width() / 2, 1).rgb() & 0xffffff,
                                  Trust.rgb() & 0xffffff, WindowTimeoutMs);
        auto popupCentreIsGreen = [&] {
            const QColor c = screenShot(popupExpected).pixelColor(popupExpected.width() / 2, popupExpected.height() / 2);
            return qAbs(c.red() - 0x27) <= 8 && qAbs(c.green() - 0xae) <= 8 && qAbs(c.blue() - 0x60) <= 8;
        };
        QTRY_VERIFY_WITH_TIMEOUT(popupCentreIsGreen(), WindowTimeoutMs);
        qInfo("popup: guest %d,%d %dx%d -> host %d,%d %dx%d (parent host at %d,%d)", popupAt.x(), popupAt.y(), popupAt.width(),
              popupAt.height(), popupExpected.x(), popupExpected.y(), popupExpected.width(), popupExpected.height(),
              terminalHost->geometry().x(), terminalHost->geometry().y());

        // Closing the host window asks the guest app to close; its window goes, and so does the host's.
        QPointer<SeamlessWindow> closing = secondHost;
        closing->close(); // the close event is ignored: the guest app decides
        QTRY_VERIFY_WITH_TIMEOUT(!windows->contains(second), WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!seamless.hostWindow(second) && closing.isNull(), WindowTimeoutMs);
        QCOMPARE(seamless.windowCount(), 2); // the first xterm and the popup
        QVERIFY(seamless.hostWindow(terminal) && seamless.hostWindow(popupId));

        // A contract's MaxWindows: with one framed window allowed, a new guest window is held
        // back (the popup does not count); a wider limit shows it; closing a shown window lets
        // the next held one in.
        seamless.setMaxWindows(1);
        QSignalSpy heldBack(&seamless, &SeamlessWindowManager::windowHeldBack);
        const auto openXterm = [&driver](const QString &title) {
            return driver.exec({QStringLiteral("sh"), QStringLiteral("-c"),
                                QStringLiteral("setsid -f xterm -title %1 -geometry 30x6+40+500 </dev/null >/dev/null 2>&1").arg(title)});
        };
        GuestDriver::ExecResult opened = openXterm(QStringLiteral("Third"));
        QVERIFY2(opened.finished && opened.status == 0, qPrintable(driver.lastFailure()));
        QTRY_VERIFY_WITH_TIMEOUT(!heldBack.isEmpty(), WindowTimeoutMs);
        const quint32 third = findByTitle(windows, QStringLiteral("Third"));
        QVERIFY(third != 0);
        QCOMPARE(heldBack.first().at(0).value<quint32>(), third);
        QCOMPARE(heldBack.first().at(1).toString(), QStringLiteral("Third"));
        QCOMPARE(heldBack.first().at(2).toInt(), 1);
        QVERIFY(!seamless.hostWindow(third));
        QCOMPARE(seamless.heldBackWindows(), QList<quint32>{third});
        QCOMPARE(seamless.windowCount(), 2);
        seamless.setMaxWindows(2);
        QTRY_VERIFY_WITH_TIMEOUT(seamless.hostWindow(third) && seamless.hostWindow(third)->isExposed(), WindowTimeoutMs);
        QVERIFY(seamless.heldBackWindows().isEmpty());
        opened = openXterm(QStringLiteral("Fourth"));
        QVERIFY2(opened.finished && opened.status == 0, qPrintable(driver.lastFailure()));
        QTRY_COMPARE_WITH_TIMEOUT(heldBack.size(), 2, WindowTimeoutMs);
        const quint32 fourth = findByTitle(windows, QStringLiteral("Fourth"));
        QCOMPARE(heldBack.last().at(0).value<quint32>(), fourth);
        QVERIFY(!seamless.hostWindow(fourth));
        seamless.hostWindow(third)->close(); // the guest xterm closes, the held one comes in
        QTRY_VERIFY_WITH_TIMEOUT(!windows->contains(third), WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(seamless.hostWindow(fourth) && seamless.hostWindow(fourth)->isExposed(), WindowTimeoutMs);
        QCOMPARE(heldBack.size(), 2);
        seamless.setMaxWindows(0);

        // A contract that denies full screen: a window over the whole guest screen is never on the
        // host desktop; the guest is asked to make it smaller, and then it is shown.
        seamless.setFullScreenDenied(true);
        QSignalSpy refused(&seamless, &SeamlessWindowManager::fullScreenRefused);
        bool shownWhileCovering = false;
        const QSize guestScreen = spice.framebuffer()->size();
        const QMetaObject::Connection watch = connect(&seamless, &SeamlessWindowManager::windowShown, this, [&](quint32 id) {
            shownWhileCovering |= SeamlessWindowManager::coversScreen(windows->window(id).geometry, guestScreen);
        });
        opened = driver.exec({QStringLiteral("sh"), QStringLiteral("-c"),
                              QStringLiteral("setsid -f xterm -title Big -geometry 400x200+0+0 </dev/null >/dev/null 2>&1")});
        QVERIFY2(opened.finished && opened.status == 0, qPrintable(driver.lastFailure()));
        QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), WindowTimeoutMs);
        const quint32 big = findByTitle(windows, QStringLiteral("Big"));
        QCOMPARE(refused.first().at(0).value<quint32>(), big);
        QCOMPARE(refused.first().at(1).toString(), QStringLiteral("Big"));
        QTRY_VERIFY_WITH_TIMEOUT(seamless.hostWindow(big) && seamless.hostWindow(big)->isExposed(), WindowTimeoutMs);
        const QRect shrunk = windows->window(big).geometry;
        qInfo("full screen refused: the guest's %dx%d window became %d,%d %dx%d", guestScreen.width(), guestScreen.height(),
              shrunk.x(), shrunk.y(), shrunk.width(), shrunk.height());
        QVERIFY(!SeamlessWindowManager::coversScreen(shrunk, guestScreen));
        QVERIFY(SeamlessWindowManager::refusedFullScreenTarget(guestScreen).contains(shrunk.topLeft()));
        QVERIFY(!shownWhileCovering);
        disconnect(watch);
        seamless.hostWindow(big)->close();
        QTRY_VERIFY_WITH_TIMEOUT(!windows->contains(big), WindowTimeoutMs);
        seamless.setFullScreenDenied(false);

    }

    void windowIconsAndUrgency()
    {
        ApplianceVm vm(m_connection, m_image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        vm.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(vm.state() != ApplianceVm::Unknown, 10000);
        if (vm.state() != ApplianceVm::Off) {
            vm.powerOff();
            QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        }
        QSignalSpy rolledBack(&vm, &ApplianceVm::rolledBack);
        vm.rollback();
        QVERIFY(rolledBack.wait(StateTimeoutMs));

        SpiceConnection spice;
        GuestDriver driver(&spice);
        WindowTracker *windows = spice.agent()->windows();
        SeamlessWindowManager seamless;
        struct Stop {
            ApplianceVm &vm;
            SpiceConnection &spice;
            ~Stop()
            {
                vm.stop();
                waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs);
                spice.disconnectFromGuest();
            }
        } stop{vm, spice};
        QSignalSpy guestIcons(spice.agent(), &AgentChannel::windowIconChanged);
        seamless.setApplianceId(QStringLiteral("terminal"));
        seamless.setApplianceTitle(QStringLiteral("Terminal"));
        seamless.setTrustColor(Trust);
        seamless.setOrigin(Origin);
        seamless.setConnection(&spice);
        seamless.setEnabled(true);

        vm.start();
        QVERIFY(waitForVmState(vm, ApplianceVm::Running, StateTimeoutMs));
        spice.connectToUnixSocket(vm.spec().spiceSocket);
        QVERIFY2(driver.waitForSessionUp(BootTimeoutMs), qPrintable(driver.lastFailure()));
        QCOMPARE(spice.agent()->peerMinorVersion(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(findByTitle(windows, QStringLiteral("Terminal")) != 0, WindowTimeoutMs);
        const quint32 terminal = findByTitle(windows, QStringLiteral("Terminal"));
        QTRY_VERIFY_WITH_TIMEOUT(seamless.hostWindow(terminal) && seamless.hostWindow(terminal)->isExposed(), WindowTimeoutMs);
        SeamlessWindow *terminalHost = seamless.hostWindow(terminal);

        // A guest window with a _NET_WM_ICON of 16, 48 and 128 px (the agent's --window test hook).
        const QString agent = QStringLiteral("/opt/tessera/tessera-agent");
        const GuestDriver::ExecResult made = driver.exec(
            {agent, QStringLiteral("--window"), QStringLiteral("520"), QStringLiteral("160"), QStringLiteral("240"),
             QStringLiteral("160"), QStringLiteral("Icon test")});
        QVERIFY2(made.finished && made.status == 0, qPrintable(driver.lastFailure() + QString::fromUtf8(made.output)));
        const quint32 guestId = made.output.trimmed().toUInt();
        QVERIFY(guestId != 0);
        QTRY_VERIFY_WITH_TIMEOUT(seamless.hostWindow(guestId) && seamless.hostWindow(guestId)->isExposed(), WindowTimeoutMs);
        SeamlessWindow *host = seamless.hostWindow(guestId);
        QCOMPARE(host->title(), QStringLiteral("[Terminal] Icon test"));

        // The agent sent the 48 px image (nearest 48, never the 128 px one), pixels as the guest has them.
        QTRY_VERIFY_WITH_TIMEOUT(!host->hostIcon().isNull(), WindowTimeoutMs);
        QImage sent;
        bool terminalIcon = false;
        for (const QList<QVariant> &args : std::as_const(guestIcons)) {
            if (args.at(0).value<quint32>() == guestId)
                sent = args.at(1).value<QImage>();
            terminalIcon = terminalIcon || args.at(0).value<quint32>() == terminal;
        }
        qInfo("the appliance's xterm sets _NET_WM_ICON: %s", terminalIcon ? "yes" : "no");
        QCOMPARE(sent.size(), QSize(48, 48));
        QCOMPARE(sent.pixel(5, 24), QRgb(0xffe67e22));
        QCOMPARE(sent.pixel(40, 24), QRgb(0xff1e90ff));

        // The host window's _NET_WM_ICON on the host X server: the guest's pixels 1:1 inside the frame.
        QImage onHost;
        auto findHostIcon = [&] {
            for (const QImage &image : hostIcons(host->winId())) {
                if (image.width() == SeamlessIconBadge::Size && image.height() == SeamlessIconBadge::Size)
                    onHost = image;
            }
            return !onHost.isNull();
        };
        QTRY_VERIFY_WITH_TIMEOUT(findHostIcon(), WindowTimeoutMs);
        const int f = SeamlessIconBadge::Frame;
        int framePixels = 0, wrongFrame = 0;
        for (int y = 0; y < onHost.height(); ++y)
            for (int x = 0; x < onHost.width(); ++x) {
                if (x >= f && y >= f && x < onHost.width() - f && y < onHost.height() - f)
                    continue;
                ++framePixels;
                wrongFrame += (onHost.pixel(x, y) & 0xffffff) != (Trust.rgb() & 0xffffff) || qAlpha(onHost.pixel(x, y)) != 255;
            }
        QCOMPARE(wrongFrame, 0);
        QCOMPARE(onHost.copy(f, f, 48, 48), sent);
        qInfo("host _NET_WM_ICON %dx%d: %d frame pixels in the trust colour, the guest's 48x48 inside",
              onHost.width(), onHost.height(), framePixels);
        onHost.scaled(256, 256).save(QDir::temp().filePath(QStringLiteral("tessera-seamless-icon.png")));

        // Urgency (ICCCM WM_HINTS) set in the guest while another host window has the focus.
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("windowactivate"), QStringLiteral("--sync"), QString::number(terminalHost->winId())});
        QTRY_COMPARE_WITH_TIMEOUT(QGuiApplication::focusWindow(), static_cast<QWindow *>(terminalHost), WindowTimeoutMs);
        QVERIFY(!demandsAttention(host->winId()));
        auto guest = [&](const char *option, int on) {
            const GuestDriver::ExecResult r = driver.exec({agent, QLatin1String(option), QString::number(guestId), QString::number(on)});
            return r.finished && r.status == 0;
        };
        QVERIFY(guest("--urgent", 1));
        QTRY_VERIFY_WITH_TIMEOUT(windows->window(guestId).urgent, WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(demandsAttention(host->winId()), WindowTimeoutMs);
        QVERIFY(!demandsAttention(terminalHost->winId()));
        // Cleared in the guest: cleared on the host.
        QVERIFY(guest("--urgent", 0));
        QTRY_VERIFY_WITH_TIMEOUT(!demandsAttention(host->winId()), WindowTimeoutMs);
        QVERIFY(!windows->window(guestId).urgent);

        // EWMH: the program asks the (absent) guest window manager; the agent applies it.
        QVERIFY(guest("--attention", 1));
        QTRY_VERIFY_WITH_TIMEOUT(demandsAttention(host->winId()), WindowTimeoutMs);
        QVERIFY(guest("--attention", 0));
        QTRY_VERIFY_WITH_TIMEOUT(!demandsAttention(host->winId()), WindowTimeoutMs);

        // The person focuses the host window: cleared on the host although the guest still asks.
        QVERIFY(guest("--urgent", 1));
        QTRY_VERIFY_WITH_TIMEOUT(demandsAttention(host->winId()), WindowTimeoutMs);
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("windowactivate"), QStringLiteral("--sync"), QString::number(host->winId())});
        QTRY_COMPARE_WITH_TIMEOUT(QGuiApplication::focusWindow(), static_cast<QWindow *>(host), WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!demandsAttention(host->winId()), WindowTimeoutMs);
        QVERIFY(windows->window(guestId).urgent);
        QVERIFY(!QTest::qWaitFor([&] { return demandsAttention(host->winId()); }, 2 * SeamlessWindow::MinAlertIntervalMs));
        QVERIFY(guest("--urgent", 0));
        QTRY_VERIFY_WITH_TIMEOUT(!windows->window(guestId).urgent, WindowTimeoutMs);

        // A guest flipping urgency as fast as it can: the host state changes at most twice a second.
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("windowactivate"), QStringLiteral("--sync"), QString::number(terminalHost->winId())});
        QTRY_COMPARE_WITH_TIMEOUT(QGuiApplication::focusWindow(), static_cast<QWindow *>(terminalHost), WindowTimeoutMs);
        const int changesBefore = host->alertChangeCount();
        QElapsedTimer flood;
        flood.start();
        const GuestDriver::ExecResult flipped = driver.exec(
            {QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral("i=0; while [ $i -lt 100 ]; do %1 --urgent %2 1; %1 --urgent %2 0; i=$((i+1)); done; %1 --urgent %2 1")
                 .arg(agent)
                 .arg(guestId)},
            120000);
        QVERIFY2(flipped.finished && flipped.status == 0, qPrintable(driver.lastFailure() + QString::fromUtf8(flipped.output)));
        QTRY_VERIFY_WITH_TIMEOUT(demandsAttention(host->winId()), WindowTimeoutMs); // ends as the guest left it
        const int changes = host->alertChangeCount() - changesBefore;
        const qint64 ms = flood.elapsed();
        qInfo("201 urgency changes in the guest over %lld ms: %d host state changes", ms, changes);
        QVERIFY(changes >= 1);
        QVERIFY(changes <= int(ms / SeamlessWindow::MinAlertIntervalMs) + 2);

        // xterm's own urgency: bellIsUrgent and a bell while another window has the focus. The
        // bell rings each time the test writes a line into the FIFO /tmp/ring (its read blocks
        // until then), so the test decides when; the loop keeps the xterm open until the VM stops.
        const GuestDriver::ExecResult bell = driver.exec(
            {QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral("rm -f /tmp/ring && mkfifo /tmp/ring && setsid -f xterm -title Bell -geometry 30x5+40+400 -xrm 'XTerm*bellIsUrgent: true' "
                            "-e sh -c 'while read x < /tmp/ring; do printf \"\\a\"; done' "
                            "</dev/null >/dev/null 2>&1")});
        QVERIFY2(bell.finished && bell.status == 0, qPrintable(driver.lastFailure() + QString::fromUtf8(bell.output)));
        QTRY_VERIFY_WITH_TIMEOUT(findByTitle(windows, QStringLiteral("Bell")) != 0, WindowTimeoutMs);
        const quint32 bellId = findByTitle(windows, QStringLiteral("Bell"));
        QTRY_VERIFY_WITH_TIMEOUT(seamless.hostWindow(bellId) && seamless.hostWindow(bellId)->isExposed(), WindowTimeoutMs);
        SeamlessWindow *bellHost = seamless.hostWindow(bellId);
        // The window manager may give the new window the focus at any moment after it maps: take
        // it there first, then to the terminal, and wait until the guest raised (and so focused:
        // the agent does both in one go) the terminal above it.
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("windowactivate"), QStringLiteral("--sync"), QString::number(bellHost->winId())});
        QTRY_COMPARE_WITH_TIMEOUT(QGuiApplication::focusWindow(), static_cast<QWindow *>(bellHost), WindowTimeoutMs);
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("windowactivate"), QStringLiteral("--sync"), QString::number(terminalHost->winId())});
        QTRY_COMPARE_WITH_TIMEOUT(QGuiApplication::focusWindow(), static_cast<QWindow *>(terminalHost), WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(windows->stack().indexOf(terminal) > windows->stack().indexOf(bellId), WindowTimeoutMs);
        QVERIFY(!windows->window(bellId).urgent);
        // xterm sets urgency only if it has seen its focus go; on a loaded TCG guest it may
        // still be behind on its X events when the first bell comes: ring again, a few times.
        int rings = 0;
        bool urgent = false;
        while (!urgent && rings < 6) {
            const GuestDriver::ExecResult ring = driver.exec({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo ring > /tmp/ring")});
            QVERIFY(ring.finished && ring.status == 0);
            ++rings;
            urgent = QTest::qWaitFor([&] { return windows->window(bellId).urgent; }, 10000);
        }
        QVERIFY2(urgent, "xterm set no urgency after six bells while another window had the focus");
        qInfo("xterm's bell set urgency after %d bell(s)", rings);
        QTRY_VERIFY_WITH_TIMEOUT(demandsAttention(bellHost->winId()), WindowTimeoutMs);
        // Focusing it: xterm clears its urgency itself on focus, the host window is cleared too.
        runHostTool(QStringLiteral("xdotool"), {QStringLiteral("windowactivate"), QStringLiteral("--sync"), QString::number(bellHost->winId())});
        QTRY_VERIFY_WITH_TIMEOUT(!demandsAttention(bellHost->winId()), WindowTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!windows->window(bellId).urgent, WindowTimeoutMs);
        qInfo("xterm with bellIsUrgent: a bell set the host window's demands-attention, focusing it cleared it");
    }
};

QTEST_MAIN(TestSeamlessEndToEnd)
#include "tst_seamless_e2e.moc"
