#include "breachlog.h"

#include "jsonlinesfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>


namespace {

// Longer lines are not ours (the writer bounds evidence); skip them unread.
constexpr qint64 MaxLineBytes = 64 * 1024;

} // namespace

BreachLog::BreachLog(const QString &logsRoot) : m_root(logsRoot) {}

QString BreachLog::fileFor(const QString &appliance) const
{
    return m_root + QLatin1Char('/') + appliance + QStringLiteral("/breaches.jsonl");
}

QString BreachLog::rotatedFile(const QString &file)
{
    return file + QStringLiteral(".1");
}

void BreachLog::rotateIfFull(const QString &file)
{
    const QByteArray path = QFile::encodeName(file);
    const int fd = ::open(path.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat before = {};
    if (::fstat(fd, &before) == 0 && before.st_size >= MaxFileBytes && ::flock(fd, LOCK_EX) == 0) {
        // Another shell may have rotated it while this one waited for the lock: then the name
        // is a new, short log (or none yet) and stays.
        struct stat now = {};
        if (::lstat(path.constData(), &now) == 0 && now.st_ino == before.st_ino && now.st_dev == before.st_dev)
            ::rename(path.constData(), QFile::encodeName(rotatedFile(file)).constData());
    }
    ::close(fd); // releases the lock
}

bool BreachLog::append(const BreachEvent &event, QString *error) const
{
    const QString path = fileFor(event.appliance);
    QDir().mkpath(QFileInfo(path).absolutePath());
    rotateIfFull(path);
    const bool ok = JsonLinesFile::append(path, QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact));
    if (!ok && error)
        *error = tr("The breach could not be written to %1. Check that the disk is not full and the folder is writable.").arg(path);
    return ok;
}

QList<BreachEvent> BreachLog::readFrom(const QString &file, qint64 *offset)
{
    QList<BreachEvent> events;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return events;
    if (in.size() < *offset)
        *offset = 0; // rotated: a new log
    if (!in.seek(*offset))
        return events;
    while (true) {
        const QByteArray line = in.readLine(MaxLineBytes);
        if (line.size() == MaxLineBytes - 1 && !line.endsWith('\n')) {
            // Overlong: skip up to its newline (if it is complete yet).
            qint64 skipped = line.size();
            QByteArray rest;
            do {
                rest = in.readLine(MaxLineBytes);
                skipped += rest.size();
            } while (rest.size() == MaxLineBytes - 1 && !rest.endsWith('\n'));
            if (!rest.endsWith('\n'))
                break;
            *offset += skipped;
            continue;
        }
        if (line.isEmpty() || !line.endsWith('\n'))
            break; // nothing more, or a line still being written: read it next time
        *offset += line.size();
        BreachEvent event;
        if (BreachEvent::fromJson(QJsonDocument::fromJson(line).object(), &event))
            events.append(event);
    }
    return events;
}

QStringList BreachLog::files() const
{
    QStringList result;
    const QStringList appliances = QDir(m_root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &appliance : appliances) {
        if (QFileInfo::exists(fileFor(appliance)))
            result.append(fileFor(appliance));
    }
    return result;
}

QList<BreachEvent> BreachLog::readTail(const QString &file, qint64 maxBytes)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    qint64 offset = qMax<qint64>(0, in.size() - qMax<qint64>(0, maxBytes));
    if (offset > 0) {
        // Start at the first whole line: skip what is left of the one the cut falls into.
        if (!in.seek(offset - 1))
            return {};
        QByteArray rest;
        do {
            rest = in.readLine(MaxLineBytes);
            offset += rest.size();
        } while (!rest.isEmpty() && !rest.endsWith('\n'));
        offset -= 1; // the byte before the cut was read too
        if (rest.isEmpty())
            return {};
    }
    in.close();
    return readFrom(file, &offset);
}

QList<BreachEvent> BreachLog::readFile(const QString &file, qint64 maxBytes)
{
    QList<BreachEvent> events = readTail(rotatedFile(file), maxBytes);
    events.append(readTail(file, maxBytes));
    return events;
}

QList<BreachEvent> BreachLog::readRecent(qint64 maxBytesPerAppliance) const
{
    QList<BreachEvent> all;
    for (const QString &file : files()) {
        const qint64 current = QFileInfo(file).size();
        // The newest lines are at the end of the current log; the older generation fills the rest.
        if (current < maxBytesPerAppliance)
            all.append(readTail(rotatedFile(file), maxBytesPerAppliance - current));
        all.append(readTail(file, maxBytesPerAppliance));
    }
    std::stable_sort(all.begin(), all.end(), [](const BreachEvent &a, const BreachEvent &b) { return a.time < b.time; });
    return all;
}

QList<BreachEvent> BreachLog::readAll() const
{
    QList<BreachEvent> all;
    for (const QString &file : files())
        all.append(readFile(file));
    std::stable_sort(all.begin(), all.end(), [](const BreachEvent &a, const BreachEvent &b) { return a.time < b.time; });
    return all;
}
