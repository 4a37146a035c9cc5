#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

class QTcpSocket;

/// One guest connection through the gateway: what it asked for, its socket to the world,
/// and its flow-control state. Owned by GatewayServer.
struct GatewayStream
{
    enum class State { Resolving, Connecting, Open };

    quint32 id = 0;
    State state = State::Resolving;
    QString host;
    quint16 port = 0;
    int rule = -1;
    int lookupId = -1;
    QTcpSocket *socket = nullptr;
    /// Guest → world bytes received but not yet handed to the socket (≤ the window granted).
    QByteArray pendingOut;
    /// Bytes the guest may still send before we grant more.
    qint64 guestMaySend = 0;
    /// Bytes we may still send to the guest (its Window grants).
    qint64 mayReceive = 0;
    /// The guest sent Close: no more guest → world bytes after pendingOut.
    bool guestClosed = false;
    bool shutDown = false;
    /// The world side closed: deliver what is buffered, then Close.
    bool remoteClosed = false;
    qint64 bytesOut = 0;
    qint64 bytesIn = 0;
    QElapsedTimer since;
};
