#pragma once

#include "breachevent.h"

#include <QList>
#include <QString>

/// The breach log of one appliance: one JSON object a line in LOGS/NAME/breaches.jsonl.
/// Lines are appended whole and synced, so a crash loses at most the line being written;
/// a torn or malformed line is skipped when reading, never fatal.
class BreachLog
{
    Q_DECLARE_TR_FUNCTIONS(BreachLog)
public:
    /// @p logsRoot holds one folder per appliance (TesseraPaths::logsDir()).
    explicit BreachLog(const QString &logsRoot);

    QString fileFor(const QString &appliance) const;
    /// Appends @p event to its appliance's log. Returns false with a translated @p error.
    bool append(const BreachEvent &event, QString *error = nullptr) const;

    /// The events in @p file from byte @p offset on; @p offset moves past the last complete line.
    static QList<BreachEvent> readFrom(const QString &file, qint64 *offset);
    /// Every appliance's events, oldest first.
    QList<BreachEvent> readAll() const;
    /// The log files present now, one per appliance.
    QStringList files() const;

private:
    QString m_root;
};
