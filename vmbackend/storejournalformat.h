#pragma once

#include "storejournal.h"

#include <QByteArray>
#include <QList>
#include <QSet>

#include <functional>
#include <optional>

class QIODevice;
class QJsonObject;

/// The lines of the store's history (DATA/journal/journal.jsonl), both ways. Pure: no file
/// system, so the reader can be fuzzed (fuzz/journal).
///
/// Each line is one compact JSON object; every line Tessera writes is at most MaxWrittenLine
/// bytes (an undo's intent is written in pieces):
///   {"type":"change","seq":N,"time":ISO,"actor":A,"path":P,"before":H,"after":H,"mode":M,"beforeMode":M}
///   {"type":"undo-begin","id":N,"actor":A}
///   {"type":"undo-items","id":N,"items":[{"path":P,"restore":H,"current":H,"mode":M,"keep":P},...]}
///   {"type":"undo-commit","id":N,"count":K}   the intent is complete: files may be touched now
///   {"type":"undo-end","id":N}
/// A path that is not valid UTF-8 is written as "pathB64" (and "keepB64") with its raw bytes
/// in base64 instead (StorePath). Older journals wrote the whole intent in one undo-begin line
/// with "items"; such a line is read as begin, items and commit at once.
///
/// The reader never stops before the end: a line that is torn or not an entry is skipped, a line
/// longer than MaxReadLine is skipped without being held in memory and makes the read
/// incomplete (Contents::complete false), after which nothing may be pruned.
class StoreJournalFormat
{
public:
    static constexpr qsizetype MaxWrittenLine = 64 * 1024;
    /// Generous for journals written before intents were split (one line per undo).
    static constexpr qsizetype MaxReadLine = 16 * 1024 * 1024;

    /// An undo as journaled: what it is to do and how far its intent got.
    struct Intent
    {
        qint64 id = 0;
        QString actor;
        QList<StoreJournal::UndoItem> items;
        bool committed = false; ///< the whole intent is on disk: files may have been touched
        /// Paths changed after the commit by anyone but the undo: the person's later changes,
        /// which finishing the undo must not overwrite.
        QSet<QString> changedSince;
    };

    struct Contents
    {
        QList<StoreJournal::Change> changes;
        std::optional<Intent> openUndo; ///< the last undo begun and not ended
        int skippedLines = 0;           ///< torn, not an entry, or too long
        bool complete = true;           ///< read to the end, no line too long to read
    };

    static QByteArray changeLine(const StoreJournal::Change &change);
    static QByteArray undoBeginLine(qint64 id, const QString &actor);
    /// The items in as few lines as fit MaxWrittenLine each (at least one item a line).
    static QList<QByteArray> undoItemLines(qint64 id, const QList<StoreJournal::UndoItem> &items);
    static QByteArray undoCommitLine(qint64 id, int count);
    static QByteArray undoEndLine(qint64 id);

    /// Reads a whole journal from @p device (from its current position to its end).
    static Contents read(QIODevice *device);
    /// The change of one line, or nullopt when the line is not a valid change.
    static std::optional<StoreJournal::Change> parseChange(const QByteArray &line);
    static std::optional<StoreJournal::Change> parseChange(const QJsonObject &entry);
    /// Calls @p handle with each complete line (without its newline) from @p device, to the
    /// end: a torn last line is left out, a line longer than MaxReadLine is skipped and
    /// counted in @p tooLong.
    static void forEachLine(QIODevice *device, const std::function<void(const QByteArray &)> &handle, int *tooLong);
    /// Folds one line into @p contents (what read() does per line).
    static void apply(const QByteArray &line, Contents *contents);
};
