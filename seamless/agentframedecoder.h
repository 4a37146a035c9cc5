#pragma once

#include "agentmessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

/// Splits the agent port's byte stream into AgentMessages.
///
/// Feed it chunks of any size as they arrive; complete messages queue up for
/// takeMessages(). Input is untrusted: a bad magic, a payload over
/// AgentMessage::MaxPayload, more than AgentMessage::MaxFields fields or
/// field lengths that do not add up to the payload length put the decoder in
/// the error state, where it stays (it never resynchronises) until reset().
/// At most one incomplete message is buffered, so memory stays bounded.
class AgentFrameDecoder
{
public:
    /// Appends @p chunk and parses what is complete. Returns false when the
    /// decoder is (now) in the error state. Messages completed before the
    /// error are still queued.
    bool feed(QByteArrayView chunk);
    /// Returns and clears the queued complete messages.
    QList<AgentMessage> takeMessages();

    bool hasError() const { return !m_error.isEmpty(); }
    /// Why decoding stopped, for logs and AgentChannel::protocolError.
    QString errorString() const { return m_error; }
    /// Bytes of an incomplete message held back.
    qsizetype bufferedBytes() const { return m_buffer.size(); }
    /// Drops buffered bytes, queued messages and the error state.
    void reset();

private:
    bool parsePayload(quint16 type, const char *payload, quint32 length);
    void fail(const QString &why);

    QByteArray m_buffer;
    QList<AgentMessage> m_messages;
    QString m_error;
};
