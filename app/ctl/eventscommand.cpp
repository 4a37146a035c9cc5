#include "eventscommand.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonDocument>

#include <algorithm>

EventsCommand::EventsCommand(const QString &logsRoot, QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent), m_log(logsRoot), m_logsRoot(logsRoot), m_out(out), m_err(err)
{
}

int EventsCommand::run(const QStringList &arguments)
{
    bool follow = false;
    for (const QString &argument : arguments) {
        if (argument == QLatin1String("--follow") || argument == QLatin1String("-f")) {
            follow = true;
        } else if (argument == QLatin1String("--json")) {
            m_json = true;
        } else if (!argument.startsWith(QLatin1Char('-')) && m_only.isEmpty()) {
            m_only = argument;
        } else {
            m_err << tr("Unknown argument “%1”. Usage: tessera-ctl events [--follow] [--json] [APPLIANCE]").arg(argument) << Qt::endl;
            return 2;
        }
    }
    readNew();
    if (!follow)
        return 0;
    // Watch the folders (an appliance's first breach creates its log) and the log files.
    QDir().mkpath(m_logsRoot);
    m_watcher = new QFileSystemWatcher(this);
    const auto rewatch = [this] {
        QStringList paths{m_logsRoot};
        const QStringList appliances = QDir(m_logsRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &appliance : appliances) {
            paths.append(m_logsRoot + QLatin1Char('/') + appliance);
            if (QFileInfo::exists(m_log.fileFor(appliance)))
                paths.append(m_log.fileFor(appliance));
        }
        const QStringList watched = m_watcher->files() + m_watcher->directories();
        for (const QString &path : std::as_const(paths)) {
            if (!watched.contains(path))
                m_watcher->addPath(path);
        }
    };
    rewatch();
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this, rewatch] {
        rewatch();
        readNew();
    });
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { readNew(); });
    return -1;
}

void EventsCommand::readNew()
{
    QList<BreachEvent> fresh;
    const QStringList files = m_log.files();
    for (const QString &file : files) {
        if (!m_only.isEmpty() && file != m_log.fileFor(m_only))
            continue;
        qint64 &offset = m_offsets[file];
        fresh.append(BreachLog::readFrom(file, &offset));
    }
    std::stable_sort(fresh.begin(), fresh.end(), [](const BreachEvent &a, const BreachEvent &b) { return a.time < b.time; });
    for (const BreachEvent &event : std::as_const(fresh))
        print(event);
    m_out.flush();
}

void EventsCommand::print(const BreachEvent &event)
{
    if (m_json) {
        m_out << QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    m_out << event.time.toLocalTime().toString(Qt::ISODate) << '\t' << event.appliance << '\t' << BreachEvent::kindKey(event.kind)
          << '\t' << event.describe() << '\n';
    for (const QString &item : event.evidence)
        m_out << "\t\t" << item << '\n';
    if (event.evidenceOmitted > 0)
        m_out << "\t\t" << tr("(and %n more)", nullptr, event.evidenceOmitted) << '\n';
}
