// libFuzzer entry: bytes as the store's history (journal.jsonl) through StoreJournalFormat,
// checking what it accepts, then writing that again with the writer's functions and reading
// it back: the same changes and the same intent, every line within its bound.
#include "storejournal.h"
#include "storejournalformat.h"
#include "storepath.h"

#include <QBuffer>

#include <cstdlib>

static void check(bool ok)
{
    if (!ok)
        std::abort();
}

static bool validHash(const QString &hash)
{
    return hash.isEmpty()
        || (hash.size() == 64
            && std::all_of(hash.cbegin(), hash.cend(), [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); }));
}

static void checkPath(const QString &path)
{
    check(StorePath::isValidRelative(path));
    bool ok = false;
    const QByteArray bytes = StorePath::toBytes(path, &ok);
    check(ok && StorePath::fromBytes(bytes) == path);
    check(!bytes.startsWith('/') && !bytes.split('/').contains(".."));
}

static bool sameChange(const StoreJournal::Change &a, const StoreJournal::Change &b)
{
    return a.sequence == b.sequence && a.time == b.time && a.actor == b.actor && a.path == b.path && a.before == b.before
        && a.after == b.after && a.mode == b.mode && a.beforeMode == b.beforeMode;
}

static StoreJournalFormat::Contents readBytes(QByteArray bytes)
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return StoreJournalFormat::read(&buffer);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const StoreJournalFormat::Contents contents = readBytes(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    for (const StoreJournal::Change &change : contents.changes) {
        checkPath(change.path);
        check(change.sequence >= 1 && change.time.isValid() && !change.actor.isEmpty());
        check(validHash(change.before) && validHash(change.after));
        check(change.mode >= -1 && change.mode <= 0777 && change.beforeMode >= -1 && change.beforeMode <= 0777);
    }
    if (contents.openUndo) {
        check(!contents.openUndo->actor.isEmpty());
        for (const StoreJournal::UndoItem &item : contents.openUndo->items) {
            checkPath(item.path);
            if (!item.keepCopyAs.isEmpty())
                checkPath(item.keepCopyAs);
            check(validHash(item.restore) && validHash(item.current));
        }
    }

    // Written again, read back: the same history.
    QByteArray again;
    for (const StoreJournal::Change &change : contents.changes) {
        const QByteArray line = StoreJournalFormat::changeLine(change);
        check(line.size() <= StoreJournalFormat::MaxWrittenLine && !line.contains('\n'));
        again += line + '\n';
    }
    if (contents.openUndo) {
        const StoreJournalFormat::Intent &intent = *contents.openUndo;
        again += StoreJournalFormat::undoBeginLine(intent.id, intent.actor) + '\n';
        for (const QByteArray &piece : StoreJournalFormat::undoItemLines(intent.id, intent.items)) {
            check(piece.size() <= StoreJournalFormat::MaxWrittenLine && !piece.contains('\n'));
            again += piece + '\n';
        }
        if (intent.committed)
            again += StoreJournalFormat::undoCommitLine(intent.id, int(intent.items.size())) + '\n';
    }
    const StoreJournalFormat::Contents reread = readBytes(again);
    check(reread.complete && reread.skippedLines == 0);
    check(reread.changes.size() == contents.changes.size());
    for (qsizetype i = 0; i < contents.changes.size(); ++i)
        check(sameChange(reread.changes.at(i), contents.changes.at(i)));
    check(reread.openUndo.has_value() == contents.openUndo.has_value());
    if (contents.openUndo) {
        check(reread.openUndo->id == contents.openUndo->id && reread.openUndo->committed == contents.openUndo->committed);
        check(reread.openUndo->items.size() == contents.openUndo->items.size());
        for (qsizetype i = 0; i < contents.openUndo->items.size(); ++i) {
            const StoreJournal::UndoItem &a = reread.openUndo->items.at(i);
            const StoreJournal::UndoItem &b = contents.openUndo->items.at(i);
            check(a.path == b.path && a.restore == b.restore && a.current == b.current && a.restoreMode == b.restoreMode
                  && a.keepCopyAs == b.keepCopyAs);
        }
    }
    return 0;
}
