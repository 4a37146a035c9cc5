// Seamless mode's host-side costs, on a real X display (run under Xvfb + a window manager):
//  1. latency from a framebuffer invalidate reaching the window to its pixels flushed to the
//     X server (p50/p99), for a small damaged rectangle;
//  2. host CPU per frame for a small animated region versus whole-screen damage (the ratio shows
//     whether the cost follows the damaged area or the screen size);
//  3. time from a guest window report (WindowUpdate) to its host window exposed and painted.
// Prints figures; never fails.
#include "agentchannel.h"
#include "agentmessage.h"
#include "seamlessgeometry.h"
#include "seamlesswindow.h"
#include "seamlesswindowmanager.h"
#include "spiceconnection.h"
#include "windowtracker.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPainter>
#include <QTest>

#include <algorithm>
#include <ctime>

namespace {

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(qMin(values.size() - 1, qsizetype(p * values.size())));
}

/// Paints @p rect of @p frame in a new colour (the "guest" drawing) and times until the window
/// has flushed it. Returns milliseconds, or -1 when no paint came within a second.
double oneFrame(QImage &frame, SeamlessWindow &window, const QRect &rect, int i)
{
    {
        QPainter p(&frame);
        p.fillRect(rect, QColor::fromHsv((i * 37) % 360, 200, 220));
    }
    const quint64 before = window.paintCount();
    QElapsedTimer t;
    t.start();
    window.damage(rect);
    QDeadlineTimer deadline(1000);
    while (window.paintCount() == before && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return window.paintCount() == before ? -1.0 : t.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const int frames = argc > 1 ? qMax(10, QByteArray(argv[1]).toInt()) : 400;
    qInfo("platform %s, %d frames per figure, device pixel ratio %.1f", qPrintable(QGuiApplication::platformName()), frames,
          qGuiApp->devicePixelRatio());

    // A 1024x768 guest screen; an 800x600 window on it.
    QImage frame(1024, 768, QImage::Format_RGB32);
    frame.fill(Qt::white);
    const QRect guest(100, 80, 800, 600);
    SeamlessWindow window(1, SeamlessWindow::Normal);
    window.setFrame(frame);
    window.setGuestGeometry(guest, SeamlessGeometry::hostFrame(guest, QPoint(20, 20)));
    window.show();
    if (!QTest::qWaitForWindowExposed(&window, 10000)) {
        qWarning("the window was not exposed; run under an X server");
        return 1;
    }
    QTest::qWait(200); // let the window manager finish mapping (not part of any figure)

    // 1. latency for a 64x64 damaged rectangle.
    const QRect small(400, 300, 64, 64);
    QList<double> latency;
    for (int i = 0; i < frames; ++i) {
        const double ms = oneFrame(frame, window, small, i);
        if (ms >= 0)
            latency.append(ms);
    }
    qInfo("invalidate -> host window pixels flushed (64x64): p50 %.3f ms, p99 %.3f ms, max %.3f ms (%lld frames)",
          percentile(latency, 0.5), percentile(latency, 0.99), percentile(latency, 1.0), qint64(latency.size()));

    // 2. CPU per frame, small region versus the whole guest screen.
    auto cpuPerFrame = [&](const QRect &rect) {
        const double start = cpuMs();
        for (int i = 0; i < frames; ++i)
            oneFrame(frame, window, rect, i);
        return (cpuMs() - start) / frames;
    };
    const double smallCpu = cpuPerFrame(small);
    const double fullCpu = cpuPerFrame(frame.rect());
    qInfo("host CPU per frame: 64x64 region %.3f ms, whole 1024x768 screen %.3f ms; ratio small/whole %.3f "
          "(area ratio %.4f)",
          smallCpu, fullCpu, smallCpu / fullCpu, double(64 * 64) / (800 * 600));

    // 3. guest window report -> host window exposed and painted.
    SpiceConnection spice; // not connected: the tracker is fed the agent's messages directly
    WindowTracker *tracker = spice.agent()->windows();
    SeamlessWindowManager manager;
    manager.setApplianceId(QStringLiteral("bench"));
    manager.setApplianceTitle(QStringLiteral("Bench"));
    manager.setConnection(&spice);
    manager.setEnabled(true);
    QList<double> mapMs;
    const int maps = qMin(frames, 40);
    for (int i = 0; i < maps; ++i) {
        const quint32 id = 1000 + i;
        const AgentMessage update(AgentMessage::WindowUpdate,
                                  {QByteArray::number(id), "1", "200", "150", "400", "300", "0", "bench window", "Bench"});
        QString error;
        QElapsedTimer t;
        t.start();
        tracker->handleMessage(update, &error);
        QDeadlineTimer deadline(5000);
        SeamlessWindow *w = nullptr;
        while (!((w = manager.hostWindow(id)) && w->isExposed() && w->paintCount() > 0) && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (w && w->paintCount() > 0)
            mapMs.append(t.nsecsElapsed() / 1e6);
        tracker->handleMessage(AgentMessage(AgentMessage::WindowRemoved, {QByteArray::number(id)}), &error);
        QCoreApplication::processEvents();
    }
    qInfo("guest window report -> host window exposed and painted: p50 %.2f ms, p99 %.2f ms (%lld windows)",
          percentile(mapMs, 0.5), percentile(mapMs, 0.99), qint64(mapMs.size()));
    return 0;
}
