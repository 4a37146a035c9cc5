#pragma once

#include "breachlog.h"

#include <QHash>
#include <QObject>
#include <QTextStream>

class QFileSystemWatcher;

/// `tessera-ctl events [--follow] [--json] [APPLIANCE]`: prints the breaches in the appliances'
/// logs, oldest first; with --follow keeps printing new ones as the shell's monitors log them.
/// Needs no hypervisor: it only reads the logs.
class EventsCommand : public QObject
{
    Q_OBJECT
public:
    EventsCommand(const QString &logsRoot, QTextStream &out, QTextStream &err, QObject *parent = nullptr);

    /// Returns the exit code when done at once (-1: following, runs until interrupted).
    int run(const QStringList &arguments);

private:
    void print(const BreachEvent &event);
    void readNew();

    BreachLog m_log;
    QString m_logsRoot;
    QTextStream &m_out;
    QTextStream &m_err;
    QString m_only;
    bool m_json = false;
    QHash<QString, qint64> m_offsets;
    QFileSystemWatcher *m_watcher = nullptr;
};
