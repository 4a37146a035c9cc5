#include "breachlog.h"

#include "jsonlinesfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>


namespace {

// Longer lines are not ours (the writer bounds evidence); skip them unread.
constexpr qint64 MaxLineBytes = 64 * 1024;

} // namespace

BreachLog::BreachLog(const QString &logsRoot) : m_root(logsRoot) {}

QString BreachLog::fileFor(const QString &appliance) const
{
    return m_root + QLatin1Char('/') + appliance + QStringLiteral("/breaches.jsonl");
}

bool BreachLog::append(const BreachEvent &event, QString *error) const
{
    const QString path = fileFor(event.appliance);
    QDir().mkpath(QFileInfo(path).absolutePath());
    const bool ok = JsonLinesFile::append(path, QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact));
    if (!ok && error)
        *error = tr("The breach could not be written to %1. Check that the disk is not full and the folder is writable.").arg(path);
    return ok;
}

QList<BreachEvent> BreachLog::readFrom(const QString &file, qint64 *offset)
{
    QList<BreachEvent> events;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly) || !in.seek(*offset))
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

QList<BreachEvent> BreachLog::readAll() const
{
    QList<BreachEvent> all;
    for (const QString &file : files()) {
        qint64 offset = 0;
        all.append(readFrom(file, &offset));
    }
    std::stable_sort(all.begin(), all.end(), [](const BreachEvent &a, const BreachEvent &b) { return a.time < b.time; });
    return all;
}
