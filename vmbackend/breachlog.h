#pragma once

#include "breachevent.h"

#include <QList>
#include <QString>

/// The breach log of one appliance: one JSON object a line in LOGS/NAME/breaches.jsonl.
/// Lines are appended whole and synced, so a crash loses at most the line being written;
/// a torn or malformed line is skipped when reading, never fatal.
///
/// The log is bounded: once it holds MaxFileBytes, it becomes breaches.jsonl.1 (replacing the
/// one before) and a new log begins, so an appliance keeps at most two generations. Every read
/// is bounded too (a log from before the bound, or one grown by hand, is read from its tail).
class BreachLog
{
    Q_DECLARE_TR_FUNCTIONS(BreachLog)
public:
    /// A log this large is rotated before the next line is appended.
    static constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;
    /// The most bytes read from the end of each generation by readFile() (a whole bounded log).
    static constexpr qint64 MaxReadBytes = MaxFileBytes + 64 * 1024;

    /// @p logsRoot holds one folder per appliance (TesseraPaths::logsDir()).
    explicit BreachLog(const QString &logsRoot);

    QString fileFor(const QString &appliance) const;
    /// The older generation of @p file (its name with ".1").
    static QString rotatedFile(const QString &file);
    /// Appends @p event to its appliance's log (rotating it first when full). Returns false
    /// with a translated @p error.
    bool append(const BreachEvent &event, QString *error = nullptr) const;

    /// The events in @p file from byte @p offset on; @p offset moves past the last complete line.
    /// A file shorter than @p offset was rotated: it is read from its start.
    static QList<BreachEvent> readFrom(const QString &file, qint64 *offset);
    /// The events of the log @p file, its older generation first, each read from at most its
    /// last @p maxBytes; oldest first.
    static QList<BreachEvent> readFile(const QString &file, qint64 maxBytes = MaxReadBytes);
    /// Every appliance's latest events, read from at most the last @p maxBytesPerAppliance of its
    /// logs (the shell's list at start: a huge log must not stall it); oldest first.
    QList<BreachEvent> readRecent(qint64 maxBytesPerAppliance) const;
    /// Every appliance's events (readFile() of each), oldest first.
    QList<BreachEvent> readAll() const;
    /// The log files present now, one per appliance.
    QStringList files() const;

private:
    /// Renames @p file to rotatedFile() when it holds MaxFileBytes or more.
    static void rotateIfFull(const QString &file);
    /// The events in the last @p maxBytes of @p file (from its first whole line there).
    static QList<BreachEvent> readTail(const QString &file, qint64 maxBytes);

    QString m_root;
};
