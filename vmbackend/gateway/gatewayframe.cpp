#include "gatewayframe.h"

#include <QtEndian>

QByteArray GatewayFrame::encode() const
{
    return encode(type, stream, payload);
}

QByteArray GatewayFrame::encode(quint8 type, quint32 stream, const QByteArray &payload)
{
    Q_ASSERT(payload.size() <= MaxPayload);
    QByteArray out(HeaderSize, Qt::Uninitialized);
    out[0] = char(type);
    qToBigEndian<quint32>(stream, out.data() + 1);
    qToBigEndian<quint32>(quint32(payload.size()), out.data() + 5);
    out += payload;
    return out;
}

QByteArray GatewayFrame::hello()
{
    QByteArray payload("TSGW");
    payload.append(char(Version >> 8)).append(char(Version & 0xff));
    return encode(Hello, 0, payload);
}

QByteArray GatewayFrame::window(quint32 stream, quint32 bytes)
{
    QByteArray payload(4, Qt::Uninitialized);
    qToBigEndian<quint32>(bytes, payload.data());
    return encode(Window, stream, payload);
}

QByteArray GatewayFrame::refused(quint32 stream, quint8 reason, const QByteArray &text)
{
    return encode(Refused, stream, char(reason) + text.left(200));
}
