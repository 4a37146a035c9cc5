#include "agentmessage.h"

#include <QtEndian>

#include <cstring>
#include <limits>

AgentMessage::AgentMessage(quint16 type, QList<QByteArray> fields)
    : m_type(type), m_fields(std::move(fields))
{
}

QByteArray AgentMessage::field(int index) const
{
    return index >= 0 && index < m_fields.size() ? m_fields.at(index) : QByteArray();
}

quint64 AgentMessage::payloadSize() const
{
    quint64 size = 0;
    for (const QByteArray &f : m_fields)
        size += FieldHeaderSize + quint64(f.size());
    return size;
}

bool AgentMessage::isEncodable() const
{
    return m_fields.size() <= MaxFields && payloadSize() <= MaxPayload;
}

QByteArray AgentMessage::encode() const
{
    if (!isEncodable())
        return {};
    const quint32 payload = quint32(payloadSize());
    QByteArray out(HeaderSize + qsizetype(payload), Qt::Uninitialized);
    char *p = out.data();
    qToLittleEndian<quint16>(Magic, p);
    qToLittleEndian<quint16>(m_type, p + 2);
    qToLittleEndian<quint32>(payload, p + 4);
    p += HeaderSize;
    for (const QByteArray &f : m_fields) {
        qToLittleEndian<quint32>(quint32(f.size()), p);
        p += FieldHeaderSize;
        if (!f.isEmpty())
            memcpy(p, f.constData(), size_t(f.size()));
        p += f.size();
    }
    return out;
}

AgentMessage AgentMessage::hello(const QString &software)
{
    return AgentMessage(Hello, {QByteArray::number(ProtocolVersion), software.toUtf8(), QByteArray::number(ProtocolMinor)});
}

AgentMessage AgentMessage::ping(quint32 token)
{
    return AgentMessage(Ping, {QByteArray::number(token)});
}

AgentMessage AgentMessage::exec(quint32 requestId, const QStringList &argv)
{
    QList<QByteArray> fields;
    fields.reserve(argv.size() + 1);
    fields.append(QByteArray::number(requestId));
    for (const QString &arg : argv)
        fields.append(arg.toUtf8());
    return AgentMessage(Exec, std::move(fields));
}

AgentMessage AgentMessage::shutdown()
{
    return AgentMessage(Shutdown);
}

AgentMessage AgentMessage::clipboardRequest(quint32 requestId)
{
    return AgentMessage(ClipboardRequest, {QByteArray::number(requestId)});
}

AgentMessage AgentMessage::clipboardSet(quint32 requestId, const QString &text)
{
    return AgentMessage(ClipboardSet, {QByteArray::number(requestId), text.toUtf8()});
}

AgentMessage AgentMessage::windowFocus(quint32 windowId)
{
    return AgentMessage(WindowFocus, {QByteArray::number(windowId)});
}

AgentMessage AgentMessage::windowMoveResize(quint32 windowId, const QRect &geometry)
{
    return AgentMessage(WindowMoveResize,
                        {QByteArray::number(windowId), QByteArray::number(geometry.x()),
                         QByteArray::number(geometry.y()), QByteArray::number(geometry.width()),
                         QByteArray::number(geometry.height())});
}

AgentMessage AgentMessage::windowClose(quint32 windowId, bool force)
{
    return AgentMessage(WindowClose, {QByteArray::number(windowId), force ? QByteArrayLiteral("1") : QByteArrayLiteral("0")});
}

AgentMessage AgentMessage::windowMinimize(quint32 windowId)
{
    return AgentMessage(WindowMinimize, {QByteArray::number(windowId)});
}

static bool parseDecimal(const QByteArray &text, bool allowNegative, qint64 min, qint64 max, qint64 *value)
{
    // Strict on purpose: QByteArray::toUInt() would accept spaces and signs.
    if (text.isEmpty() || text.size() > 11)
        return false;
    qsizetype i = 0;
    bool negative = false;
    if (allowNegative && text.at(0) == '-') {
        negative = true;
        i = 1;
        if (text.size() == 1)
            return false;
    }
    qint64 v = 0;
    for (; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    if (negative)
        v = -v;
    if (v < min || v > max)
        return false;
    *value = v;
    return true;
}

bool AgentMessage::parseUInt32(const QByteArray &text, quint32 *value)
{
    qint64 v = 0;
    if (!parseDecimal(text, false, 0, std::numeric_limits<quint32>::max(), &v))
        return false;
    *value = quint32(v);
    return true;
}

bool AgentMessage::parseInt32(const QByteArray &text, qint32 *value)
{
    qint64 v = 0;
    if (!parseDecimal(text, true, std::numeric_limits<qint32>::min(), std::numeric_limits<qint32>::max(), &v))
        return false;
    *value = qint32(v);
    return true;
}
