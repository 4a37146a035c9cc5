#pragma once
// The guest end of an egress gateway's link, for tests: what QEMU's guestfwd would carry
// from the guest's proxy (docs/gateway-protocol.md).
#include "gatewayframe.h"
#include "gatewayframeparser.h"

#include <QDeadlineTimer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QtEndian>

namespace GatewayTest {

constexpr int WaitMs = 10000;

inline QByteArray openFrame(quint32 id, const QByteArray &host, quint16 port)
{
    QByteArray payload(3, Qt::Uninitialized);
    qToBigEndian<quint16>(port, payload.data());
    payload[2] = char(host.size());
    return GatewayFrame::encode(GatewayFrame::Open, id, payload + host);
}

/// The guest end of the link: collects the gateway's frames.
struct GuestLink
{
    QLocalSocket socket;
    GatewayFrameParser parser;
    QList<GatewayFrame> frames;

    /// Connects to the gateway at @p path and exchanges Hello.
    bool greet(const QString &path)
    {
        socket.connectToServer(path);
        if (!socket.waitForConnected(WaitMs) || !waitFor(GatewayFrame::Hello, 0))
            return false;
        socket.write(GatewayFrame::hello());
        return true;
    }

    /// Waits for a frame of @p type on @p stream (taking it into @p found).
    bool waitFor(quint8 type, quint32 stream, GatewayFrame *found = nullptr)
    {
        QDeadlineTimer deadline(WaitMs);
        while (!deadline.hasExpired()) {
            for (qsizetype i = 0; i < frames.size(); ++i) {
                if (frames.at(i).type == type && frames.at(i).stream == stream) {
                    if (found)
                        *found = frames.takeAt(i);
                    return true;
                }
            }
            if (socket.state() != QLocalSocket::ConnectedState)
                return false;
            // The gateway may run in this thread: wait for its next bytes with the event loop turning.
            if (!socket.bytesAvailable())
                QSignalSpy(&socket, &QLocalSocket::readyRead).wait(int(qMax<qint64>(1, deadline.remainingTime())));
            parser.feed(socket.readAll());
            GatewayFrame frame;
            while (parser.next(&frame))
                frames.append(frame);
        }
        return false;
    }

    /// The reason code of the Refused frame for @p stream, or -1 if none came.
    int refusal(quint32 stream)
    {
        GatewayFrame frame;
        return waitFor(GatewayFrame::Refused, stream, &frame) ? quint8(frame.payload.at(0)) : -1;
    }
};

} // namespace GatewayTest
