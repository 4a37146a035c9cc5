#include "agentframedecoder.h"

#include <QCoreApplication>
#include <QtEndian>

bool AgentFrameDecoder::feed(QByteArrayView chunk)
{
    if (hasError())
        return false;
    m_buffer.append(chunk.data(), chunk.size());

    qsizetype pos = 0;
    while (true) {
        const qsizetype available = m_buffer.size() - pos;
        const char *p = m_buffer.constData() + pos;
        // Check the magic as soon as its two bytes are here: garbage fails fast.
        if (available >= 2 && qFromLittleEndian<quint16>(p) != AgentMessage::Magic) {
            fail(QCoreApplication::translate("AgentFrameDecoder", "bad magic 0x%1")
                     .arg(qFromLittleEndian<quint16>(p), 4, 16, QLatin1Char('0')));
            return false;
        }
        if (available < AgentMessage::HeaderSize)
            break;
        const quint16 type = qFromLittleEndian<quint16>(p + 2);
        const quint32 length = qFromLittleEndian<quint32>(p + 4);
        if (length > AgentMessage::MaxPayload) {
            fail(QCoreApplication::translate("AgentFrameDecoder", "payload of %1 bytes exceeds the limit of %2")
                     .arg(length)
                     .arg(AgentMessage::MaxPayload));
            return false;
        }
        if (available < AgentMessage::HeaderSize + qsizetype(length))
            break;
        if (!parsePayload(type, p + AgentMessage::HeaderSize, length))
            return false;
        pos += AgentMessage::HeaderSize + qsizetype(length);
    }
    m_buffer.remove(0, pos);
    return true;
}

bool AgentFrameDecoder::parsePayload(quint16 type, const char *payload, quint32 length)
{
    QList<QByteArray> fields;
    quint32 pos = 0;
    while (pos < length) {
        if (fields.size() == AgentMessage::MaxFields) {
            fail(QCoreApplication::translate("AgentFrameDecoder", "message type %1 has more than %2 fields")
                     .arg(type)
                     .arg(AgentMessage::MaxFields));
            return false;
        }
        if (length - pos < quint32(AgentMessage::FieldHeaderSize)) {
            fail(QCoreApplication::translate("AgentFrameDecoder", "message type %1: truncated field length")
                     .arg(type));
            return false;
        }
        const quint32 fieldLength = qFromLittleEndian<quint32>(payload + pos);
        pos += AgentMessage::FieldHeaderSize;
        if (fieldLength > length - pos) {
            fail(QCoreApplication::translate("AgentFrameDecoder",
                                             "message type %1: field lengths exceed the payload length %2")
                     .arg(type)
                     .arg(length));
            return false;
        }
        fields.append(QByteArray(payload + pos, qsizetype(fieldLength)));
        pos += fieldLength;
    }
    m_messages.append(AgentMessage(type, std::move(fields)));
    return true;
}

QList<AgentMessage> AgentFrameDecoder::takeMessages()
{
    QList<AgentMessage> out;
    out.swap(m_messages);
    return out;
}

void AgentFrameDecoder::reset()
{
    m_buffer.clear();
    m_messages.clear();
    m_error.clear();
}

void AgentFrameDecoder::fail(const QString &why)
{
    m_error = why;
    m_buffer.clear();
}
