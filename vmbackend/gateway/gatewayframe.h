#pragma once

#include <QByteArray>
#include <QtGlobal>

/// One frame of the gateway protocol (docs/gateway-protocol.md): a 9-byte header
/// (type, stream id, payload length; big-endian) and at most MaxPayload bytes.
struct GatewayFrame
{
    enum Type : quint8 {
        Hello = 1,   ///< both ways: "TSGW" + u16 version
        Open = 2,    ///< guest → gateway: u16 port, u8 host length, host
        Opened = 3,  ///< gateway → guest: the stream is connected
        Refused = 4, ///< gateway → guest: u8 reason, text
        Data = 5,    ///< both ways: stream bytes
        Close = 6,   ///< both ways: the stream is gone
        Window = 7,  ///< both ways: u32 more bytes the sender of this frame will accept
    };
    static constexpr int HeaderSize = 9;
    static constexpr int MaxPayload = 16384;
    static constexpr quint16 Version = 1;
    /// Bytes each side may send on a stream before the other grants more with Window.
    static constexpr quint32 InitialWindow = 256 * 1024;

    quint8 type = 0;
    quint32 stream = 0;
    QByteArray payload;

    /// The frame as bytes on the wire.
    QByteArray encode() const;
    static QByteArray encode(quint8 type, quint32 stream, const QByteArray &payload = {});
    static QByteArray hello();
    static QByteArray window(quint32 stream, quint32 bytes);
    static QByteArray refused(quint32 stream, quint8 reason, const QByteArray &text);
};
