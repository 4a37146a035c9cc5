#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QString>

class AgentMessage;

/// A guest window's icon from a WindowIcon message (protocol 1.2), parsed as
/// hostile input: the sizes are bounded (AgentMessage::MaxIconSide,
/// MaxIconPixels) before anything is allocated, and the pixel field must be
/// exactly width × height × 4 bytes.
class GuestIcon
{
    Q_DECLARE_TR_FUNCTIONS(GuestIcon)

public:
    enum Result {
        Accepted, ///< the icon (or "no icon": a null image) is usable
        Refused,  ///< well-formed but out of bounds: ignored, the reason is logged
        Malformed ///< missing fields or numbers that do not parse: a protocol error
    };

    /// Parses @p message (type WindowIcon). On Refused and Malformed,
    /// @p error says why (Malformed: translated, for the protocol error;
    /// Refused: for the log).
    static Result parse(const AgentMessage &message, GuestIcon *icon, QString *error);

    quint32 windowId() const { return m_windowId; }
    /// ARGB32 (straight alpha), or null when the guest window has no icon.
    QImage image() const { return m_image; }

private:
    quint32 m_windowId = 0;
    QImage m_image;
};
