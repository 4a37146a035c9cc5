#include "firstpaintwatcher.h"

#include "guestframebuffer.h"
#include "windowtracker.h"

#include <QImage>

namespace {

// Whether @p image has more than one colour: a window the app has drawn into.
bool isDrawn(const QImage &image)
{
    if (image.isNull())
        return false;
    const QImage argb = image.convertToFormat(QImage::Format_RGB32);
    const QRgb first = argb.pixel(0, 0);
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            if (line[x] != first)
                return true;
        }
    }
    return false;
}

} // namespace

FirstPaintWatcher::FirstPaintWatcher(WindowTracker *windows, GuestFramebuffer *framebuffer, QObject *parent)
    : QObject(parent)
    , m_windows(windows)
    , m_framebuffer(framebuffer)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { finish(false); });
    connect(windows, &WindowTracker::windowAdded, this, &FirstPaintWatcher::check);
    connect(windows, &WindowTracker::windowChanged, this, &FirstPaintWatcher::check);
    connect(framebuffer, &GuestFramebuffer::updated, this, &FirstPaintWatcher::check);
}

void FirstPaintWatcher::start(int deadlineMs)
{
    m_watching = true;
    m_deadline.start(deadlineMs);
    check();
}

bool FirstPaintWatcher::appOnScreen() const
{
    if (!m_windows || !m_framebuffer)
        return false;
    const QList<quint32> ids = m_windows->stack();
    for (quint32 id : ids) {
        const GuestWindow window = m_windows->window(id);
        if (window.mapped && !window.overrideRedirect && !window.geometry.isEmpty()
            && isDrawn(m_framebuffer->grab(window.geometry)))
            return true;
    }
    return false;
}

void FirstPaintWatcher::check()
{
    if (m_watching && appOnScreen())
        finish(true);
}

void FirstPaintWatcher::finish(bool appShown)
{
    if (!m_watching)
        return;
    m_watching = false;
    m_deadline.stop();
    emit done(appShown);
}
