#include "gatewayframeparser.h"

#include <QtEndian>

#include <cctype>

void GatewayFrameParser::feed(const QByteArray &bytes)
{
    if (hasError())
        return;
    if (m_offset > 0) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer += bytes;
}

bool GatewayFrameParser::next(GatewayFrame *frame)
{
    if (hasError() || buffered() < GatewayFrame::HeaderSize)
        return false;
    const char *header = m_buffer.constData() + m_offset;
    const quint8 type = quint8(header[0]);
    const quint32 stream = qFromBigEndian<quint32>(header + 1);
    const quint32 length = qFromBigEndian<quint32>(header + 5);
    if (type < GatewayFrame::Hello || type > GatewayFrame::Window) {
        m_error = QStringLiteral("unknown frame type %1").arg(type);
        return false;
    }
    if (length > quint32(GatewayFrame::MaxPayload)) {
        m_error = QStringLiteral("frame of %1 bytes exceeds %2").arg(length).arg(GatewayFrame::MaxPayload);
        return false;
    }
    if (buffered() < GatewayFrame::HeaderSize + qsizetype(length))
        return false;
    frame->type = type;
    frame->stream = stream;
    frame->payload = m_buffer.mid(m_offset + GatewayFrame::HeaderSize, length);
    m_offset += GatewayFrame::HeaderSize + length;
    if (const QString invalid = validate(*frame); !invalid.isEmpty()) {
        m_error = invalid;
        return false;
    }
    return true;
}

QString GatewayFrameParser::validate(const GatewayFrame &frame)
{
    const QByteArray &p = frame.payload;
    switch (frame.type) {
    case GatewayFrame::Hello:
        if (p.size() != 6 || !p.startsWith("TSGW"))
            return QStringLiteral("malformed hello");
        return {};
    case GatewayFrame::Open: {
        if (frame.stream == 0)
            return QStringLiteral("open of stream 0");
        if (p.size() < 4 || quint8(p[2]) != p.size() - 3)
            return QStringLiteral("malformed open");
        for (qsizetype i = 3; i < p.size(); ++i) {
            const char c = p[i];
            // Host names and address literals only: no spaces, controls or bytes ≥ 0x80.
            if (!(std::isalnum(uchar(c)) || c == '.' || c == '-' || c == ':' || c == '_'))
                return QStringLiteral("open with an invalid host name");
        }
        return {};
    }
    case GatewayFrame::Opened:
        return {};
    case GatewayFrame::Refused:
        return p.isEmpty() ? QStringLiteral("malformed refusal") : QString();
    case GatewayFrame::Data:
        return p.isEmpty() ? QStringLiteral("empty data frame") : QString();
    case GatewayFrame::Close:
        return p.isEmpty() ? QString() : QStringLiteral("close with a payload");
    case GatewayFrame::Window:
        return p.size() == 4 ? QString() : QStringLiteral("malformed window");
    }
    return QStringLiteral("unknown frame type");
}
