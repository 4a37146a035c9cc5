#pragma once

#include "gatewayframe.h"

#include <QByteArray>
#include <QString>

/// Cuts the guest's byte stream into frames. Everything from the guest is untrusted: a
/// frame of an unknown type, an oversized or malformed payload puts the parser into an
/// error state for good (the link is then closed); it never reads past what it was given.
class GatewayFrameParser
{
public:
    /// Appends received bytes; at most one frame's worth is kept beyond what was parsed.
    void feed(const QByteArray &bytes);
    /// Takes the next complete frame into @p frame. False when none is complete yet or on error.
    bool next(GatewayFrame *frame);
    bool hasError() const { return !m_error.isEmpty(); }
    /// Why the stream was rejected (for the log), empty if not.
    QString error() const { return m_error; }
    /// Bytes received but not yet parsed.
    qsizetype buffered() const { return m_buffer.size() - m_offset; }

    /// Checks a frame's payload against its type's layout; empty if well-formed.
    static QString validate(const GatewayFrame &frame);

private:
    QByteArray m_buffer;
    qsizetype m_offset = 0;
    QString m_error;
};
