#include "storepath.h"

#include <QList>

namespace {

constexpr char16_t EscapeBase = 0xDC00; // a raw byte B (>= 0x80) is U+DC00 + B

// Length of the valid UTF-8 sequence starting at @p i (strict: no overlong forms, no encoded
// surrogates, nothing above U+10FFFF), or 0 when the byte there does not start one.
int sequenceLength(const uchar *s, qsizetype i, qsizetype size)
{
    const uchar c = s[i];
    if (c < 0x80)
        return 1;
    const qsizetype left = size - i;
    auto in = [&](qsizetype k, uchar lo, uchar hi) { return k < left && s[i + k] >= lo && s[i + k] <= hi; };
    if (c >= 0xC2 && c <= 0xDF)
        return in(1, 0x80, 0xBF) ? 2 : 0;
    if (c == 0xE0)
        return in(1, 0xA0, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
        return in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
    if (c == 0xED)
        return in(1, 0x80, 0x9F) && in(2, 0x80, 0xBF) ? 3 : 0;
    if (c == 0xF0)
        return in(1, 0x90, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3)
        return in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
    if (c == 0xF4)
        return in(1, 0x80, 0x8F) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
    return 0;
}

bool isEscape(char16_t c)
{
    return c >= EscapeBase + 0x80 && c <= EscapeBase + 0xFF;
}

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

} // namespace

QString StorePath::fromBytes(const QByteArray &bytes)
{
    const auto *s = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype size = bytes.size();
    QString out;
    out.reserve(size);
    for (qsizetype i = 0; i < size;) {
        const int length = sequenceLength(s, i, size);
        if (length == 0) {
            out.append(QChar(char16_t(EscapeBase + s[i])));
            ++i;
            continue;
        }
        if (length == 1) {
            out.append(QLatin1Char(char(s[i])));
        } else {
            out.append(QString::fromUtf8(reinterpret_cast<const char *>(s + i), length));
        }
        i += length;
    }
    return out;
}

QByteArray StorePath::toBytes(const QString &path, bool *ok)
{
    if (ok)
        *ok = true;
    QByteArray out;
    out.reserve(path.size());
    const char16_t *s = reinterpret_cast<const char16_t *>(path.utf16());
    const qsizetype size = path.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = s[i];
        if (c < 0x80) {
            out.append(char(c));
        } else if (isEscape(c)) {
            out.append(char(c - EscapeBase));
        } else if (QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(s[i + 1])) {
            out.append(QStringView(s + i, 2).toUtf8());
            ++i;
        } else if (QChar::isSurrogate(c)) {
            if (ok)
                *ok = false;
            out.append("\xEF\xBF\xBD");
        } else {
            out.append(QStringView(s + i, 1).toUtf8());
        }
    }
    return out;
}

bool StorePath::isText(const QString &path)
{
    const char16_t *s = reinterpret_cast<const char16_t *>(path.utf16());
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (QChar::isHighSurrogate(s[i]) && i + 1 < path.size() && QChar::isLowSurrogate(s[i + 1])) {
            ++i;
            continue;
        }
        if (QChar::isSurrogate(s[i]))
            return false;
    }
    return true;
}

QString StorePath::display(const QString &path)
{
    QString out;
    out.reserve(path.size());
    const char16_t *s = reinterpret_cast<const char16_t *>(path.utf16());
    const qsizetype size = path.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = s[i];
        if (isEscape(c)) {
            out.append(QStringLiteral("\\x%1").arg(uint(c - EscapeBase), 2, 16, QLatin1Char('0')));
        } else if (QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(s[i + 1])) {
            out.append(QChar(c));
            out.append(QChar(s[++i]));
        } else if (QChar::isSurrogate(c)) {
            out.append(QChar(QChar::ReplacementCharacter));
        } else if (isControl(c)) {
            out.append(c < 0x100 ? QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'))
                                 : QStringLiteral("\\u{%1}").arg(uint(c), 4, 16, QLatin1Char('0')));
        } else {
            out.append(QChar(c));
        }
    }
    return out;
}

bool StorePath::isValidRelative(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) || path.contains(QChar(0)))
        return false;
    bool ok = false;
    const QByteArray bytes = toBytes(path, &ok);
    if (!ok || bytes.size() > MaxBytes)
        return false;
    for (const QByteArray &component : bytes.split('/')) {
        if (component.isEmpty() || component == "." || component == "..")
            return false;
    }
    return true;
}
