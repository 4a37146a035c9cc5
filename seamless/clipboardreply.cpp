#include "clipboardreply.h"

#include "agentmessage.h"

#include <QStringDecoder>

QString ClipboardReply::sanitize(const QByteArray &utf8)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(utf8);
    if (decoder.hasError())
        return QString();
    QString out;
    out.reserve(decoded.size());
    for (qsizetype i = 0; i < decoded.size(); ++i) {
        const char16_t c = decoded.at(i).unicode();
        if (c == u'\r') {
            // CR LF and a lone CR are both one line end.
            out += u'\n';
            if (i + 1 < decoded.size() && decoded.at(i + 1) == u'\n')
                ++i;
        } else if (c == u'\n' || c == u'\t') {
            out += QChar(c);
        } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            continue; // C0 and C1 controls, DEL: escapes and hidden commands
        } else {
            out += QChar(c);
        }
    }
    // Never null for valid input, so callers can tell "refused" from "empty".
    return out.isNull() ? QString(QLatin1String("")) : out;
}

bool ClipboardReply::parse(const AgentMessage &message, ClipboardReply *reply, QString *protocolError)
{
    quint32 id = 0;
    const QByteArray status = message.field(1);
    if (message.type() != AgentMessage::ClipboardData || message.fieldCount() < 3
        || !AgentMessage::parseUInt32(message.field(0), &id)) {
        *protocolError = tr("The guest agent sent an invalid clipboard answer.");
        return false;
    }
    ClipboardReply r;
    r.m_requestId = id;
    const QByteArray data = message.field(2);
    if (status == "ok") {
        if (data.size() > AgentMessage::MaxClipboardBytes) {
            r.m_status = TooLarge;
            r.m_size = data.size();
        } else {
            r.m_text = sanitize(data);
            r.m_status = r.m_text.isNull() ? Refused : Ok;
            r.m_invalidText = r.m_text.isNull();
        }
    } else if (status == "empty") {
        r.m_status = Empty;
    } else if (status == "toolarge") {
        r.m_status = TooLarge;
        quint32 size = 0;
        if (AgentMessage::parseUInt32(data, &size))
            r.m_size = size;
    } else if (status == "error") {
        r.m_status = Refused; // the guest's own words are not shown: they are untrusted
    } else {
        *protocolError = tr("The guest agent sent an invalid clipboard answer.");
        return false;
    }
    *reply = r;
    return true;
}

QString ClipboardReply::reason() const
{
    const int limitKiB = AgentMessage::MaxClipboardBytes / 1024;
    switch (m_status) {
    case Ok:
        return {};
    case Empty:
        return tr("Nothing is selected there. Select text in the window first, then press Ctrl+Shift+C.");
    case TooLarge:
        if (m_size > 0)
            return tr("The selection holds %1 KiB of text; Tessera copies at most %2 KiB. Select less text and copy again.")
                .arg((m_size + 1023) / 1024)
                .arg(limitKiB);
        return tr("The selection holds more than %1 KiB of text; Tessera copies at most that. Select less text and copy again.")
            .arg(limitKiB);
    case Refused:
        if (m_invalidText)
            return tr("The selection is not valid UTF-8 text, so it was not copied.");
        return tr("The program holding the selection did not hand it over as text. Copy it again, or from another program.");
    }
    return {};
}
