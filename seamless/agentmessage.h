#pragma once

#include <QByteArray>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>

/// One message of the guest agent protocol (docs/agent-protocol.md): a type
/// and a list of byte fields. Pure value type; encode() produces the wire
/// format, AgentFrameDecoder parses it.
class AgentMessage
{
public:
    /// Message types of protocol version 1.
    enum Type : quint16 {
        Hello = 1,
        SessionState = 2,
        Ping = 3,
        Pong = 4,
        Exec = 5,
        ExecResult = 6,
        Shutdown = 7,
        // Clipboard chords (protocol 1.1)
        ClipboardRequest = 8,   ///< host -> guest: request id
        ClipboardData = 9,      ///< guest -> host: request id, status, text
        ClipboardSet = 10,      ///< host -> guest: request id, text
        ClipboardSetResult = 11, ///< guest -> host: request id, "ok"/"error", reason
        // Seamless windows (guest -> host)
        WindowUpdate = 16,
        WindowRemoved = 17,
        WindowStack = 18,
        WindowIcon = 19, ///< protocol 1.2: id, width, height, ARGB pixels
        // Seamless windows (host -> guest)
        WindowFocus = 32,
        WindowMoveResize = 33,
        WindowClose = 34,
        WindowMinimize = 35,
    };

    static constexpr quint16 Magic = 0x4154; ///< bytes 'T' 'A'
    static constexpr int HeaderSize = 8;
    static constexpr quint32 MaxPayload = 65536;
    static constexpr int MaxFields = 64;
    static constexpr int FieldHeaderSize = 4;
    static constexpr int ProtocolVersion = 1;
    /// Minor version, the Hello's optional third field (absent: 0). 1 adds
    /// the clipboard messages, 2 WindowIcon; a peer with a lower minor never
    /// gets them.
    static constexpr int ProtocolMinor = 2;
    /// WindowIcon bounds: each side 1 … MaxIconSide, at most MaxIconPixels
    /// pixels (48 KiB of ARGB, so one message carries it).
    static constexpr int MaxIconSide = 128;
    static constexpr int MaxIconPixels = 12288;
    /// Largest clipboard text in bytes of UTF-8: one message carries it
    /// (the payload limit is 64 KiB), so neither side reassembles chunks.
    static constexpr int MaxClipboardBytes = 60 * 1024;
    /// ExecResult output is at most this long (the guest truncates).
    static constexpr int MaxExecOutput = 16 * 1024;

    AgentMessage() = default;
    explicit AgentMessage(quint16 type, QList<QByteArray> fields = {});

    quint16 type() const { return m_type; }
    const QList<QByteArray> &fields() const { return m_fields; }
    int fieldCount() const { return int(m_fields.size()); }
    /// Field @p index, or an empty array when there is no such field.
    QByteArray field(int index) const;

    /// Payload length on the wire: each field's 4-byte length plus its bytes.
    quint64 payloadSize() const;
    /// Whether the message respects the protocol limits (fields, payload size).
    bool isEncodable() const;
    /// Header and payload, little-endian; empty when !isEncodable().
    QByteArray encode() const;

    /// The host's Hello: protocol version and @p software ("name/version").
    static AgentMessage hello(const QString &software);
    static AgentMessage ping(quint32 token);
    /// Exec with @p requestId and @p argv (argv[0] first).
    static AgentMessage exec(quint32 requestId, const QStringList &argv);
    static AgentMessage shutdown();
    /// Asks the guest for its clipboard text (CLIPBOARD, else PRIMARY).
    static AgentMessage clipboardRequest(quint32 requestId);
    /// Gives the guest @p text (UTF-8) to own as CLIPBOARD and PRIMARY.
    static AgentMessage clipboardSet(quint32 requestId, const QString &text);
    /// Host requests on the guest window @p windowId.
    static AgentMessage windowFocus(quint32 windowId);
    static AgentMessage windowMoveResize(quint32 windowId, const QRect &geometry);
    static AgentMessage windowClose(quint32 windowId, bool force);
    static AgentMessage windowMinimize(quint32 windowId);

    /// Numbers travel as decimal ASCII text. These accept only digits (and a
    /// leading '-' for parseInt32()), no spaces, within the type's range.
    static bool parseUInt32(const QByteArray &text, quint32 *value);
    static bool parseInt32(const QByteArray &text, qint32 *value);

    friend bool operator==(const AgentMessage &a, const AgentMessage &b)
    {
        return a.m_type == b.m_type && a.m_fields == b.m_fields;
    }
    friend bool operator!=(const AgentMessage &a, const AgentMessage &b) { return !(a == b); }

private:
    quint16 m_type = 0;
    QList<QByteArray> m_fields;
};
