#include "guestwindowsanitizer.h"

#include <QList>
#include <QStringDecoder>

#include <algorithm>

namespace GuestWindowSanitizer {

static bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E
        || c == 0x200F || c == 0x061C;
}

static int utf8Length(char32_t c)
{
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

QString text(const QByteArray &utf8, int maxBytes)
{
    // Invalid sequences decode to U+FFFD; it goes, as does any the guest sent.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(utf8);
    QString out;
    int bytes = 0;
    for (char32_t c : decoded.toUcs4()) {
        if (c == 0xFFFD || isBidiControl(c) || !QChar::isPrint(c))
            continue;
        const int n = utf8Length(c);
        if (bytes + n > maxBytes)
            break;
        bytes += n;
        if (QChar::requiresSurrogates(c)) {
            out.append(QChar(QChar::highSurrogate(c)));
            out.append(QChar(QChar::lowSurrogate(c)));
        } else {
            out.append(QChar(char16_t(c)));
        }
    }
    return out;
}

QRect geometry(qint64 x, qint64 y, qint64 width, qint64 height)
{
    const auto coord = [](qint64 v) { return int(std::clamp<qint64>(v, -MaxCoordinate, MaxCoordinate)); };
    const auto size = [](qint64 v) { return int(std::clamp<qint64>(v, MinSize, MaxSize)); };
    return QRect(coord(x), coord(y), size(width), size(height));
}

bool coversScreen(const QRect &rect, const QSize &screen)
{
    if (screen.isEmpty())
        return false;
    const QRect visible = rect.intersected(QRect(QPoint(0, 0), screen));
    if (visible.isEmpty())
        return false;
    const double covered = double(visible.width()) * visible.height();
    return covered >= MaxOverrideRedirectCoverage * double(screen.width()) * screen.height();
}

} // namespace GuestWindowSanitizer
