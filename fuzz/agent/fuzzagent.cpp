// libFuzzer entry: guest bytes through AgentFrameDecoder, window messages
// into a WindowTracker, checking the tracker's invariants after each one;
// clipboard answers through ClipboardReply (bounded, valid, no controls);
// window icons through GuestIcon (sizes bounded, pixels matching them).
#include "agentframedecoder.h"
#include "agentmessage.h"
#include "clipboardreply.h"
#include "guesticon.h"
#include "guestwindowsanitizer.h"
#include "windowtracker.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdlib>

static void check(bool ok)
{
    if (!ok)
        std::abort();
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QLoggingCategory::setFilterRules(QStringLiteral("tessera.seamless=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    AgentFrameDecoder decoder;
    WindowTracker tracker;
    tracker.setScreenSize(QSize(1024, 768));
    // Feed in two chunks so partial frames are exercised too.
    const size_t split = size ? data[0] % (size + 1) : 0;
    decoder.feed(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(split)));
    decoder.feed(QByteArrayView(reinterpret_cast<const char *>(data) + split, qsizetype(size - split)));
    for (const AgentMessage &message : decoder.takeMessages()) {
        QString error;
        if (message.type() == AgentMessage::ClipboardData) {
            ClipboardReply reply;
            if (!ClipboardReply::parse(message, &reply, &error))
                break;
            check(reply.status() == ClipboardReply::Ok || !reply.reason().isEmpty());
            check(reply.status() == ClipboardReply::Ok || reply.text().isEmpty());
            check(reply.text().toUtf8().size() <= AgentMessage::MaxClipboardBytes);
            for (QChar c : reply.text())
                check(c == u'\n' || c == u'\t' || (c.unicode() >= 0x20 && (c.unicode() < 0x7f || c.unicode() > 0x9f)));
            continue;
        }
        if (message.type() == AgentMessage::WindowIcon) {
            GuestIcon icon;
            const GuestIcon::Result result = GuestIcon::parse(message, &icon, &error);
            if (result == GuestIcon::Malformed)
                break;
            check(result == GuestIcon::Accepted || !error.isEmpty());
            if (result == GuestIcon::Accepted && !icon.image().isNull()) {
                const QImage image = icon.image();
                check(icon.windowId() != 0);
                check(image.width() >= 1 && image.width() <= AgentMessage::MaxIconSide);
                check(image.height() >= 1 && image.height() <= AgentMessage::MaxIconSide);
                check(image.width() * image.height() <= AgentMessage::MaxIconPixels);
                check(qsizetype(image.width()) * image.height() * 4 == message.field(3).size());
                check(image.format() == QImage::Format_ARGB32);
            }
            continue;
        }
        if (!tracker.handleMessage(message, &error))
            break; // the channel drops the port here
        check(tracker.count() <= WindowTracker::MaxWindows);
        check(tracker.stack().size() == tracker.count());
        for (quint32 id : tracker.stack()) {
            const GuestWindow w = tracker.window(id);
            check(w.id == id && id != 0);
            check(w.title.toUtf8().size() <= GuestWindowSanitizer::MaxTitleBytes);
            check(w.appClass.toUtf8().size() <= GuestWindowSanitizer::MaxClassBytes);
            check(w.geometry.width() >= 1 && w.geometry.width() <= GuestWindowSanitizer::MaxSize);
            check(w.geometry.height() >= 1 && w.geometry.height() <= GuestWindowSanitizer::MaxSize);
            check(qAbs(w.geometry.x()) <= GuestWindowSanitizer::MaxCoordinate);
            check(w.transientFor == 0 || w.transientFor != id);
            check(!(w.overrideRedirect && GuestWindowSanitizer::coversScreen(w.geometry, QSize(1024, 768))));
        }
    }
    return 0;
}
