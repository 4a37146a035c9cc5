#pragma once

#include <QObject>
#include <QPoint>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include "agentchannel.h"
#include "guestframebuffer.h"

#include <memory>

/// A SPICE client session to one appliance VM: its display, inputs and the
/// guest agent port. Lives on the GUI thread; spice-glib delivers its GLib
/// signals through the GUI thread's event loop.
class SpiceConnection : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("created by the shell")
    /// The SPICE main channel is up.
    Q_PROPERTY(bool connected READ isConnected NOTIFY connectedChanged)
    /// The guest's primary surface; the same object for the connection's lifetime.
    Q_PROPERTY(GuestFramebuffer *framebuffer READ framebuffer CONSTANT)
    /// The guest agent port; the same object for the connection's lifetime.
    Q_PROPERTY(AgentChannel *agent READ agent CONSTANT)
    /// The inputs channel is up: sendKey()/sendPointer() reach the guest.
    Q_PROPERTY(bool inputReady READ isInputReady NOTIFY inputReadyChanged)
    /// The server runs the pointer in client (absolute) mode. Needs an
    /// absolute pointing device in the guest (e.g. a USB or virtio tablet);
    /// otherwise sendPointer() falls back to relative motion.
    Q_PROPERTY(bool absolutePointer READ hasAbsolutePointer NOTIFY absolutePointerChanged)

public:
    explicit SpiceConnection(QObject *parent = nullptr);
    /// The version of spice-client-glib Tessera runs with (for About).
    static QString libraryVersion();
    /// Disconnects first. Do not delete from a slot connected to one of this
    /// object's signals; use deleteLater().
    ~SpiceConnection() override;

    /// Connects asynchronously to the SPICE unix socket of a local QEMU
    /// (libvirt <listen type='socket'>). Drops any current connection.
    /// Reports through connectedChanged() or errorOccurred().
    Q_INVOKABLE void connectToUnixSocket(const QString &path);
    /// Drops the connection; the framebuffer and agent reset.
    Q_INVOKABLE void disconnectFromGuest();

    bool isConnected() const;
    bool isInputReady() const;
    bool hasAbsolutePointer() const;
    GuestFramebuffer *framebuffer() const;
    AgentChannel *agent() const;

    /// Presses or releases a key. @p scancode is PC XT set 1; extended
    /// (E0-prefixed) keys carry KeyboardScancodes::Extended (0x100), as
    /// spice-glib expects. Invalid codes are ignored.
    void sendKey(quint32 scancode, bool pressed);
    /// Moves the pointer to @p guestPos (guest pixels, clamped to the
    /// framebuffer) with @p buttons held; presses and releases are derived
    /// from the previous call.
    void sendPointer(const QPoint &guestPos, Qt::MouseButtons buttons);
    /// Turns the wheel by @p steps notches: positive is up, negative down.
    void sendWheel(int steps);
    /// Releases every key and button this connection pressed (on focus loss).
    void releaseAllKeys();

signals:
    /// A key, a pointer button or the wheel was forwarded to the guest (the contract monitor
    /// correlates the guest's data access with these times). Pointer motion alone is not
    /// counted: a window appearing under a resting cursor moves the guest's pointer as well.
    void inputSent();
    /// isConnected() changed.
    void connectedChanged();
    /// isInputReady() changed.
    void inputReadyChanged();
    /// hasAbsolutePointer() changed.
    void absolutePointerChanged();
    /// Connecting failed or the connection broke. @p message is
    /// human-readable and translated; the connection is down afterwards.
    void errorOccurred(const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};
