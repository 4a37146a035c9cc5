#include "guesticon.h"

#include "agentmessage.h"

#include <QtEndian>

GuestIcon::Result GuestIcon::parse(const AgentMessage &message, GuestIcon *icon, QString *error)
{
    quint32 id = 0, width = 0, height = 0;
    if (message.fieldCount() != 4 || !AgentMessage::parseUInt32(message.field(0), &id) || id == 0
        || !AgentMessage::parseUInt32(message.field(1), &width)
        || !AgentMessage::parseUInt32(message.field(2), &height)) {
        *error = tr("The guest agent sent an invalid window icon.");
        return Malformed;
    }
    const QByteArray pixels = message.field(3);
    icon->m_windowId = id;
    icon->m_image = QImage();
    if (width == 0 && height == 0 && pixels.isEmpty())
        return Accepted; // the window has no icon (any more)
    // Bounded before the product is formed or anything allocated.
    if (width < 1 || height < 1 || width > quint32(AgentMessage::MaxIconSide)
        || height > quint32(AgentMessage::MaxIconSide) || width * height > quint32(AgentMessage::MaxIconPixels)) {
        *error = QStringLiteral("icon of window %1 is %2x%3, the limit is %4x%4 and %5 pixels")
                     .arg(id).arg(width).arg(height).arg(AgentMessage::MaxIconSide).arg(AgentMessage::MaxIconPixels);
        return Refused;
    }
    if (quint64(pixels.size()) != quint64(width) * height * 4) {
        *error = QStringLiteral("icon of window %1 is %2x%3 but carries %4 bytes of pixels, not %5")
                     .arg(id).arg(width).arg(height).arg(pixels.size()).arg(quint64(width) * height * 4);
        return Refused;
    }
    QImage image(int(width), int(height), QImage::Format_ARGB32);
    const uchar *src = reinterpret_cast<const uchar *>(pixels.constData());
    for (int y = 0; y < int(height); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < int(width); ++x, src += 4)
            line[x] = qFromLittleEndian<quint32>(src); // 0xAARRGGBB on the wire, little-endian
    }
    icon->m_image = image;
    return Accepted;
}
