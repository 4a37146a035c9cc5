#pragma once

#include <QPointer>
#include <QQuickPaintedItem>
#include <QRectF>
#include <QtQml/qqmlregistration.h>

#include "spiceconnection.h"

/// Full-desktop view of a guest: paints the connection's framebuffer scaled
/// to fit (aspect ratio kept, letterboxed) and forwards keyboard, pointer and
/// wheel input to the guest in guest coordinates.
///
/// Keys go by their physical position: QKeyEvent::nativeScanCode() (an X11
/// key code on xcb and Wayland) is translated by KeyboardScancodes, so the
/// guest's own keyboard layout applies. Losing focus releases held keys.
class GuestDisplay : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    /// The connection whose guest is shown; may be null.
    Q_PROPERTY(SpiceConnection *connection READ connection WRITE setConnection NOTIFY connectionChanged)
    /// Where the guest picture is drawn, in item coordinates; empty without one.
    Q_PROPERTY(QRectF contentRect READ contentRect NOTIFY contentRectChanged)

public:
    explicit GuestDisplay(QQuickItem *parent = nullptr);
    ~GuestDisplay() override;

    SpiceConnection *connection() const;
    void setConnection(SpiceConnection *connection);

    QRectF contentRect() const;
    /// Guest pixel under @p itemPos (clamped to the guest surface).
    Q_INVOKABLE QPoint mapToGuest(const QPointF &itemPos) const;

    /// Largest rectangle with @p guestSize's aspect ratio centred in @p bounds.
    static QRectF fitRect(const QSize &guestSize, const QSizeF &bounds);
    /// Guest pixel for @p itemPos when the guest is drawn in @p content.
    static QPoint mapToGuest(const QPointF &itemPos, const QRectF &content, const QSize &guestSize);
    /// Item rectangle covering guest rectangle @p guestRect (rounded outwards).
    static QRect mapFromGuest(const QRect &guestRect, const QRectF &content, const QSize &guestSize);

    void paint(QPainter *painter) override;

signals:
    /// connection() changed.
    void connectionChanged();
    /// contentRect() changed.
    void contentRectChanged();
    /// A key, pointer or wheel event was sent to the guest. The shell records
    /// these times to monitor input contracts.
    void inputForwarded();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void hoverMoveEvent(QHoverEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    void onConnectionDestroyed();
    void onFramebufferSizeChanged();
    void onFramebufferUpdated(const QRect &guestRect);
    void updateContentRect();
    bool forwardKey(QKeyEvent *event, bool pressed);
    void forwardPointer(const QPointF &itemPos, Qt::MouseButtons buttons);
    QSize guestSize() const;

    QPointer<SpiceConnection> m_connection;
    QList<QMetaObject::Connection> m_connections;
    QRectF m_contentRect;
    int m_wheelRemainder = 0;
};
