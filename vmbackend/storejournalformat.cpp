#include "storejournalformat.h"

#include "storepath.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

constexpr qsizetype MaxActorChars = 512;

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

bool validHash(const QString &hash)
{
    if (hash.isEmpty())
        return true;
    if (hash.size() != 64)
        return false;
    return std::all_of(hash.cbegin(), hash.cend(), [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

bool validMode(qint64 mode)
{
    return mode == -1 || (mode >= 0 && mode <= 0777);
}

void putPath(QJsonObject *object, const QString &key, const QString &path)
{
    if (StorePath::isText(path))
        object->insert(key, path);
    else
        object->insert(key + QStringLiteral("B64"), QString::fromLatin1(StorePath::toBytes(path).toBase64()));
}

// A path from "KEY" (text) or "KEYB64" (raw bytes); nullopt when absent or not a valid
// relative store path.
std::optional<QString> takePath(const QJsonObject &object, const QString &key)
{
    QString path;
    const QJsonValue raw = object.value(key + QStringLiteral("B64"));
    if (raw.isString()) {
        const auto decoded = QByteArray::fromBase64Encoding(raw.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::nullopt;
        path = StorePath::fromBytes(*decoded);
    } else if (object.value(key).isString()) {
        path = object.value(key).toString();
        if (!StorePath::isText(path))
            return std::nullopt; // a lone surrogate in text: not something Tessera writes
    } else {
        return std::nullopt;
    }
    if (!StorePath::isValidRelative(path))
        return std::nullopt;
    return path;
}

std::optional<qint64> takeInteger(const QJsonObject &object, const QString &key, qint64 fallback)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (d != double(qint64(d)) || d < -1 || d > 9.0e15)
        return std::nullopt;
    return qint64(d);
}

QJsonObject itemObject(const StoreJournal::UndoItem &item)
{
    QJsonObject file;
    putPath(&file, QStringLiteral("path"), item.path);
    file.insert(QStringLiteral("restore"), item.restore);
    file.insert(QStringLiteral("current"), item.current);
    if (item.restoreMode >= 0)
        file.insert(QStringLiteral("mode"), item.restoreMode);
    if (!item.keepCopyAs.isEmpty())
        putPath(&file, QStringLiteral("keep"), item.keepCopyAs);
    return file;
}

std::optional<StoreJournal::UndoItem> parseItem(const QJsonValue &value)
{
    const QJsonObject file = value.toObject();
    const auto path = takePath(file, QStringLiteral("path"));
    const auto mode = takeInteger(file, QStringLiteral("mode"), -1);
    if (!path || !mode || !validMode(*mode))
        return std::nullopt;
    StoreJournal::UndoItem item;
    item.path = *path;
    item.restore = file.value(QStringLiteral("restore")).toString();
    item.current = file.value(QStringLiteral("current")).toString();
    item.restoreMode = int(*mode);
    item.hasCurrent = file.contains(QStringLiteral("current"));
    if (!validHash(item.restore) || !validHash(item.current))
        return std::nullopt;
    if (file.contains(QStringLiteral("keep")) || file.contains(QStringLiteral("keepB64"))) {
        const auto keep = takePath(file, QStringLiteral("keep"));
        if (!keep)
            return std::nullopt;
        item.keepCopyAs = *keep;
    }
    return item;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray StoreJournalFormat::changeLine(const StoreJournal::Change &change)
{
    QJsonObject entry{{QStringLiteral("type"), QStringLiteral("change")}, {QStringLiteral("seq"), change.sequence},
                      {QStringLiteral("time"), isoTime(change.time)},     {QStringLiteral("actor"), change.actor},
                      {QStringLiteral("before"), change.before},          {QStringLiteral("after"), change.after}};
    putPath(&entry, QStringLiteral("path"), change.path);
    if (change.mode >= 0)
        entry.insert(QStringLiteral("mode"), change.mode);
    if (change.beforeMode >= 0)
        entry.insert(QStringLiteral("beforeMode"), change.beforeMode);
    return compact(entry);
}

QByteArray StoreJournalFormat::undoBeginLine(qint64 id, const QString &actor)
{
    return compact({{QStringLiteral("type"), QStringLiteral("undo-begin")}, {QStringLiteral("id"), id}, {QStringLiteral("actor"), actor}});
}

QList<QByteArray> StoreJournalFormat::undoItemLines(qint64 id, const QList<StoreJournal::UndoItem> &items)
{
    const QByteArray head = compact({{QStringLiteral("type"), QStringLiteral("undo-items")}, {QStringLiteral("id"), id},
                                     {QStringLiteral("items"), QJsonArray()}});
    QList<QByteArray> lines;
    QJsonArray piece;
    qsizetype bytes = head.size();
    auto flush = [&] {
        if (piece.isEmpty())
            return;
        lines.append(compact({{QStringLiteral("type"), QStringLiteral("undo-items")}, {QStringLiteral("id"), id},
                              {QStringLiteral("items"), piece}}));
        piece = QJsonArray();
        bytes = head.size();
    };
    for (const StoreJournal::UndoItem &item : items) {
        const QJsonObject file = itemObject(item);
        const qsizetype size = compact(file).size() + 1;
        if (bytes + size > MaxWrittenLine)
            flush();
        piece.append(file);
        bytes += size;
    }
    flush();
    return lines;
}

QByteArray StoreJournalFormat::undoCommitLine(qint64 id, int count)
{
    return compact({{QStringLiteral("type"), QStringLiteral("undo-commit")}, {QStringLiteral("id"), id}, {QStringLiteral("count"), count}});
}

QByteArray StoreJournalFormat::undoEndLine(qint64 id)
{
    return compact({{QStringLiteral("type"), QStringLiteral("undo-end")}, {QStringLiteral("id"), id}});
}

std::optional<StoreJournal::Change> StoreJournalFormat::parseChange(const QByteArray &line)
{
    return parseChange(QJsonDocument::fromJson(line).object());
}

std::optional<StoreJournal::Change> StoreJournalFormat::parseChange(const QJsonObject &entry)
{
    if (entry.value(QStringLiteral("type")).toString() != QLatin1String("change"))
        return std::nullopt;
    StoreJournal::Change change;
    const auto sequence = takeInteger(entry, QStringLiteral("seq"), 0);
    const auto mode = takeInteger(entry, QStringLiteral("mode"), -1);
    const auto beforeMode = takeInteger(entry, QStringLiteral("beforeMode"), -1);
    const auto path = takePath(entry, QStringLiteral("path"));
    if (!sequence || *sequence < 1 || !mode || !validMode(*mode) || !beforeMode || !validMode(*beforeMode) || !path)
        return std::nullopt;
    change.sequence = *sequence;
    change.mode = int(*mode);
    change.beforeMode = int(*beforeMode);
    change.path = *path;
    change.time = QDateTime::fromString(entry.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    change.actor = entry.value(QStringLiteral("actor")).toString();
    change.before = entry.value(QStringLiteral("before")).toString();
    change.after = entry.value(QStringLiteral("after")).toString();
    if (!change.time.isValid() || change.actor.isEmpty() || change.actor.size() > MaxActorChars || !StorePath::isText(change.actor)
        || !validHash(change.before) || !validHash(change.after))
        return std::nullopt;
    change.time = change.time.toUTC();
    if (change.time.date().year() < 1970 || change.time.date().year() > 9999)
        return std::nullopt; // not a time this history was kept at (and not one it could write back)
    return change;
}

void StoreJournalFormat::apply(const QByteArray &line, Contents *contents)
{
    const QJsonObject entry = QJsonDocument::fromJson(line).object();
    const QString type = entry.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("change")) {
        const auto change = parseChange(entry);
        if (!change) {
            ++contents->skippedLines;
            return;
        }
        contents->changes.append(*change);
        Intent *open = contents->openUndo ? &*contents->openUndo : nullptr;
        if (open && open->committed && change->actor != StoreJournal::undoActor(open->actor))
            open->changedSince.insert(change->path);
        return;
    }
    const auto id = takeInteger(entry, QStringLiteral("id"), -2);
    if (!id || *id < 0 || !(type.startsWith(QLatin1String("undo-")))) {
        ++contents->skippedLines;
        return;
    }
    if (type == QLatin1String("undo-begin")) {
        Intent intent;
        intent.id = *id;
        intent.actor = entry.value(QStringLiteral("actor")).toString();
        if (intent.actor.isEmpty() || intent.actor.size() > MaxActorChars || !StorePath::isText(intent.actor)) {
            ++contents->skippedLines;
            return;
        }
        // The older format: the whole intent in this one line, complete once written.
        if (entry.value(QStringLiteral("items")).isArray()) {
            for (const QJsonValue &value : entry.value(QStringLiteral("items")).toArray()) {
                if (const auto item = parseItem(value))
                    intent.items.append(*item);
            }
            intent.committed = true;
        }
        contents->openUndo = intent;
        return;
    }
    Intent *open = contents->openUndo && contents->openUndo->id == *id ? &*contents->openUndo : nullptr;
    if (!open) {
        ++contents->skippedLines;
        return;
    }
    if (type == QLatin1String("undo-items") && !open->committed) {
        for (const QJsonValue &value : entry.value(QStringLiteral("items")).toArray()) {
            if (const auto item = parseItem(value))
                open->items.append(*item);
        }
    } else if (type == QLatin1String("undo-commit") && !open->committed) {
        // A piece lost (torn by a crash, then appended after) leaves the count short: such an
        // intent was never complete and no file was touched for it.
        const auto count = takeInteger(entry, QStringLiteral("count"), -2);
        if (count && *count == open->items.size())
            open->committed = true;
    } else if (type == QLatin1String("undo-end")) {
        contents->openUndo.reset();
    } else {
        ++contents->skippedLines;
    }
}

void StoreJournalFormat::forEachLine(QIODevice *device, const std::function<void(const QByteArray &)> &handle, int *tooLong)
{
    // In pieces of a written line's size at most: QIODevice::readLine(n) allocates n bytes.
    constexpr qint64 Piece = MaxWrittenLine + 1;
    QByteArray line;
    bool skipping = false;
    while (true) {
        const QByteArray piece = device->readLine(Piece);
        if (piece.isEmpty())
            break; // the end; what is in `line` is a last line torn by a crash
        const bool ended = piece.endsWith('\n');
        if (!skipping) {
            line += piece;
            if (line.size() > MaxReadLine + 1) {
                // Too long to hold: skip to its end without keeping it, and go on reading.
                ++*tooLong;
                skipping = true;
                line.clear();
            }
        }
        if (!ended)
            continue;
        if (skipping) {
            skipping = false;
            continue;
        }
        line.chop(1);
        handle(line);
        line.clear();
    }
}

StoreJournalFormat::Contents StoreJournalFormat::read(QIODevice *device)
{
    Contents contents;
    int tooLong = 0;
    forEachLine(device, [&contents](const QByteArray &line) { apply(line, &contents); }, &tooLong);
    contents.skippedLines += tooLong;
    contents.complete = tooLong == 0;
    return contents;
}
