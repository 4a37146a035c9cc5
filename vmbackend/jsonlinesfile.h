#pragma once

#include <QByteArray>
#include <QString>

/// An append-only file of JSON lines (breach logs, the store's history): each line is written
/// with one write(2) to an O_APPEND file and synced, so concurrent writers never interleave and
/// a crash loses at most the line being written.
class JsonLinesFile
{
public:
    /// Appends @p line (without its newline) to @p path, creating the file (0600). After a line
    /// torn by a crash it starts on a new line: the torn one stays unreadable, this one not.
    static bool append(const QString &path, const QByteArray &line);
};
