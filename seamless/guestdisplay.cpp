#include "guestdisplay.h"

#include "guestframebuffer.h"
#include "keyboardscancodes.h"
#include "seamlesslogging.h"
#include "spiceconnection.h"

#include <QPainter>
#include <QtMath>

namespace {
constexpr int WheelStep = 120; // QWheelEvent::angleDelta() units per notch
}

GuestDisplay::GuestDisplay(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setActiveFocusOnTab(true);
    setAcceptedMouseButtons(Qt::AllButtons);
    setAcceptHoverEvents(true);
    setFillColor(Qt::black);
    setOpaquePainting(true);
}

GuestDisplay::~GuestDisplay() = default;

SpiceConnection *GuestDisplay::connection() const
{
    return m_connection;
}

void GuestDisplay::setConnection(SpiceConnection *connection)
{
    if (m_connection == connection)
        return;
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    if (m_connection)
        m_connection->releaseAllKeys();

    m_connection = connection;
    if (connection) {
        GuestFramebuffer *fb = connection->framebuffer();
        m_connections << connect(fb, &GuestFramebuffer::sizeChanged, this, &GuestDisplay::onFramebufferSizeChanged)
                      << connect(fb, &GuestFramebuffer::updated, this, &GuestDisplay::onFramebufferUpdated)
                      << connect(connection, &QObject::destroyed, this, &GuestDisplay::onConnectionDestroyed);
    }
    updateContentRect();
    update();
    emit connectionChanged();
}

QRectF GuestDisplay::contentRect() const
{
    return m_contentRect;
}

QPoint GuestDisplay::mapToGuest(const QPointF &itemPos) const
{
    return mapToGuest(itemPos, m_contentRect, guestSize());
}

QRectF GuestDisplay::fitRect(const QSize &guestSize, const QSizeF &bounds)
{
    if (guestSize.isEmpty() || bounds.isEmpty())
        return {};
    const QSizeF fitted = QSizeF(guestSize).scaled(bounds, Qt::KeepAspectRatio);
    return QRectF(QPointF((bounds.width() - fitted.width()) / 2, (bounds.height() - fitted.height()) / 2), fitted);
}

QPoint GuestDisplay::mapToGuest(const QPointF &itemPos, const QRectF &content, const QSize &guestSize)
{
    if (content.isEmpty() || guestSize.isEmpty())
        return {};
    const qreal x = (itemPos.x() - content.x()) * guestSize.width() / content.width();
    const qreal y = (itemPos.y() - content.y()) * guestSize.height() / content.height();
    return QPoint(qBound(0, qFloor(x), guestSize.width() - 1), qBound(0, qFloor(y), guestSize.height() - 1));
}

QRect GuestDisplay::mapFromGuest(const QRect &guestRect, const QRectF &content, const QSize &guestSize)
{
    if (content.isEmpty() || guestSize.isEmpty() || guestRect.isEmpty())
        return {};
    const qreal sx = content.width() / guestSize.width();
    const qreal sy = content.height() / guestSize.height();
    const QRectF mapped(content.x() + guestRect.x() * sx, content.y() + guestRect.y() * sy, guestRect.width() * sx,
                        guestRect.height() * sy);
    // One pixel more on each side: smooth scaling bleeds into neighbours.
    return mapped.toAlignedRect().adjusted(-1, -1, 1, 1);
}

void GuestDisplay::paint(QPainter *painter)
{
    if (!m_connection)
        return;
    const QImage image = m_connection->framebuffer()->image();
    if (image.isNull())
        return;
    const QRectF target = fitRect(image.size(), size());
    if (target.isEmpty())
        return;
    painter->setRenderHint(QPainter::SmoothPixmapTransform, target.size() != QSizeF(image.size()));
    // The painter is clipped to the damaged region; QPainter only rasterises that.
    painter->drawImage(target, image);
}

void GuestDisplay::keyPressEvent(QKeyEvent *event)
{
    // Auto-repeat presses go through as typematic make codes.
    if (!forwardKey(event, true))
        QQuickPaintedItem::keyPressEvent(event);
}

void GuestDisplay::keyReleaseEvent(QKeyEvent *event)
{
    if (event->isAutoRepeat() && m_connection) {
        event->accept(); // the guest repeats on its own make codes
        return;
    }
    if (!forwardKey(event, false))
        QQuickPaintedItem::keyReleaseEvent(event);
}

bool GuestDisplay::forwardKey(QKeyEvent *event, bool pressed)
{
    if (!m_connection)
        return false;
    const quint32 scancode = KeyboardScancodes::fromXKeycode(event->nativeScanCode());
    if (scancode == 0) {
        qCDebug(lcSeamless) << "no scancode for native key code" << event->nativeScanCode() << "key" << event->key();
        return false;
    }
    event->accept();
    if (!m_connection->isInputReady())
        return true;
    m_connection->sendKey(scancode, pressed);
    emit inputForwarded();
    return true;
}

void GuestDisplay::mousePressEvent(QMouseEvent *event)
{
    forceActiveFocus(Qt::MouseFocusReason);
    event->accept();
    // A click on the letterbox bars is not a click in the guest.
    if (m_contentRect.contains(event->position()))
        forwardPointer(event->position(), event->buttons());
}

void GuestDisplay::mouseMoveEvent(QMouseEvent *event)
{
    event->accept();
    forwardPointer(event->position(), event->buttons());
}

void GuestDisplay::mouseReleaseEvent(QMouseEvent *event)
{
    event->accept();
    forwardPointer(event->position(), event->buttons());
}

void GuestDisplay::hoverMoveEvent(QHoverEvent *event)
{
    event->accept();
    forwardPointer(event->position(), Qt::NoButton);
}

void GuestDisplay::wheelEvent(QWheelEvent *event)
{
    event->accept();
    if (!m_connection || !m_connection->isInputReady())
        return;
    // Accumulate: high-resolution wheels and touchpads send fractions of a notch.
    m_wheelRemainder += event->angleDelta().y();
    const int steps = m_wheelRemainder / WheelStep;
    m_wheelRemainder -= steps * WheelStep;
    if (steps == 0)
        return;
    forwardPointer(event->position(), event->buttons());
    m_connection->sendWheel(steps);
}

void GuestDisplay::focusOutEvent(QFocusEvent *event)
{
    if (m_connection)
        m_connection->releaseAllKeys();
    m_wheelRemainder = 0;
    QQuickPaintedItem::focusOutEvent(event);
}

void GuestDisplay::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    updateContentRect();
}

void GuestDisplay::forwardPointer(const QPointF &itemPos, Qt::MouseButtons buttons)
{
    if (!m_connection || !m_connection->isInputReady() || m_contentRect.isEmpty())
        return;
    m_connection->sendPointer(mapToGuest(itemPos), buttons);
    emit inputForwarded();
}

void GuestDisplay::onConnectionDestroyed()
{
    // The QPointer is already null here, so setConnection(nullptr) would be a no-op.
    m_connections.clear();
    m_connection = nullptr;
    updateContentRect();
    update();
    emit connectionChanged();
}

void GuestDisplay::onFramebufferSizeChanged()
{
    updateContentRect();
    update();
}

void GuestDisplay::onFramebufferUpdated(const QRect &guestRect)
{
    const QRect dirty = mapFromGuest(guestRect, m_contentRect, guestSize());
    if (!dirty.isEmpty())
        update(dirty);
}

void GuestDisplay::updateContentRect()
{
    const QRectF rect = fitRect(guestSize(), size());
    if (rect == m_contentRect)
        return;
    m_contentRect = rect;
    emit contentRectChanged();
}

QSize GuestDisplay::guestSize() const
{
    return m_connection ? m_connection->framebuffer()->size() : QSize();
}
