#pragma once

#include <QByteArray>
#include <QString>

/// File names of the personal store exactly as the file system has them. A guest can name a
/// file with any bytes but '/' and NUL, so a name need not be valid UTF-8; Qt's own decoding
/// (QFile::decodeName) would turn such bytes into U+FFFD and the file could never be opened
/// again under that name. Here each byte that is not part of valid UTF-8 becomes the lone
/// surrogate U+DC80 + (byte - 0x80), as Python's "surrogateescape" does, so that
/// fromBytes(toBytes(x)) == x and toBytes(fromBytes(b)) == b for every name: the journal, the
/// recorder and undo keep raw names end to end, and only display() is lossy.
///
/// Pure functions, no file system access.
class StorePath
{
public:
    /// @p bytes as a QString; bytes that are not valid UTF-8 become U+DC80..U+DCFF.
    static QString fromBytes(const QByteArray &bytes);
    static QString fromBytes(const char *bytes, qsizetype size) { return fromBytes(QByteArray::fromRawData(bytes, size)); }
    /// The bytes fromBytes() was given. A lone surrogate fromBytes() cannot produce (outside
    /// U+DC80..U+DCFF) has no bytes: @p ok (optional) is set false and U+FFFD's are used.
    static QByteArray toBytes(const QString &path, bool *ok = nullptr);
    /// True when @p path holds no escaped byte (its bytes are valid UTF-8 text).
    static bool isText(const QString &path);
    /// @p path for people: escaped bytes and control characters (C0, DEL, C1, line and paragraph
    /// separators, bidirectional overrides) as \xNN or \u{NNNN}. Lossy; never turned back into
    /// a name.
    static QString display(const QString &path);
    /// True when @p path is a relative store path: not empty, no leading '/', no empty, "." or
    /// ".." component, no NUL, at most PATH_MAX bytes, and toBytes() succeeds.
    static bool isValidRelative(const QString &path);
    /// Maximum length in bytes of a store-relative path (PATH_MAX).
    static constexpr int MaxBytes = 4096;
};
