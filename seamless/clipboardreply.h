#pragma once

#include <QCoreApplication>
#include <QString>

class AgentMessage;

/// A guest's answer to a clipboard read (ClipboardData, docs/agent-protocol.md),
/// parsed as untrusted input. Pure value type, fuzzed by fuzz/agent.
///
/// The text is accepted only as valid UTF-8 of at most
/// AgentMessage::MaxClipboardBytes bytes; line ends become "\n" and every
/// other control character except tab is removed (so nothing the guest sent
/// can act as a terminal escape or hidden command in the appliance it is
/// pasted into). Anything else is refused with a reason a person can act on.
class ClipboardReply
{
    Q_DECLARE_TR_FUNCTIONS(ClipboardReply)

public:
    enum Status {
        Ok,       ///< text() holds the sanitised text
        Empty,    ///< the guest has nothing selected
        TooLarge, ///< over the limit; size() says how large when the guest knew
        Refused,  ///< the guest could not read it, or the text was not acceptable
    };

    /// Parses @p message (type ClipboardData). Returns false with
    /// @p protocolError set when the message is malformed (missing fields, a
    /// request id or status that does not parse): the channel then drops the port.
    static bool parse(const AgentMessage &message, ClipboardReply *reply, QString *protocolError);

    /// The sanitised form of @p utf8, or a null QString when it is not valid UTF-8.
    static QString sanitize(const QByteArray &utf8);

    quint32 requestId() const { return m_requestId; }
    Status status() const { return m_status; }
    QString text() const { return m_text; }
    /// Size in bytes the guest reported for TooLarge, 0 when unknown.
    qint64 size() const { return m_size; }
    /// Translated reason for Empty, TooLarge and Refused.
    QString reason() const;

private:
    quint32 m_requestId = 0;
    Status m_status = Refused;
    QString m_text;
    qint64 m_size = 0;
    bool m_invalidText = false;
};
