#pragma once

#include "deltaentry.h"

#include <QByteArray>
#include <QList>

/// What a quarantined system disk changed against its clean state, read from the inspector
/// VM's line-based report. The report comes from a VM that read an untrusted filesystem, so it
/// is untrusted too: size, line length, entry count and every field are bounded; names are
/// decoded from \xHH escapes and made printable; malformed lines are rejected and counted.
///
/// Format (version 1), ASCII, one record a line:
///   TESSERA-DELTA 1
///   CHANGE TYPE MODE SIZE MTIME SHA256 TARGET PATH      (CHANGE A|R|M, TYPE f|d|l|o,
///   ...                                                  MODE octal, SHA256 64 hex or -,
///   END COUNT                                            TARGET and PATH escaped, TARGET - if none)
/// A report without its END line (or with a wrong count) is marked incomplete.
class DeltaReport
{
public:
    static constexpr qint64 MaxBytes = 8 * 1024 * 1024;
    static constexpr int MaxLineBytes = 9000;
    static constexpr int MaxEntries = 20000;
    static constexpr int MaxPathBytes = 4096;

    /// Parses @p text (at most MaxBytes are looked at).
    static DeltaReport parse(const QByteArray &text);

    QList<DeltaEntry> entries;  ///< persistence spots first, then by path
    int rejectedLines = 0;      ///< malformed lines skipped
    bool complete = false;      ///< the END line was there and matched the number of lines
    bool truncated = false;     ///< the inspector or the bounds cut the report short
    bool validHeader = false;

    int persistenceCount() const;
    /// The entry for guest path @p path, or null.
    const DeltaEntry *find(const QString &path) const;

    /// Decodes a \xHH-escaped field; false on anything but printable ASCII and escapes.
    static bool decodeField(const QByteArray &field, QByteArray *bytes);
    /// @p bytes as printable text: valid UTF-8 without control or bidi characters kept,
    /// everything else shown as \xHH.
    static QString printable(const QByteArray &bytes);
};
