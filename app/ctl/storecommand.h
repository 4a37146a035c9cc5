#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>
#include <QTextStream>

/// `tessera-ctl history [APPLIANCE] [--since WHEN]` lists the personal store's changes with who
/// made them; `tessera-ctl undo APPLIANCE --since WHEN [--dry-run] [--take-earlier PATH]...
/// [--keep-current PATH]... [--overwrite-conflicts]` brings back what the files an appliance
/// changed since WHEN held before, keeping every later change by others (files changed again by
/// someone else are conflicts: left as they are unless --take-earlier names them, or
/// --overwrite-conflicts takes them all; then the current version is kept as a copy
/// "name (kept YYYY-MM-DD HH.MM).ext"). WHEN is an ISO 8601 time or an age such as 30m, 2h, 1d.
/// Undo needs the history to itself: it refuses while the shell is recording it.
class StoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(StoreCommand)
public:
    static int history(const QStringList &arguments, QTextStream &out, QTextStream &err);
    static int undo(const QStringList &arguments, QTextStream &out, QTextStream &err);
    /// Parses WHEN; invalid on anything else.
    static QDateTime parseWhen(const QString &text, const QDateTime &now = QDateTime::currentDateTimeUtc());
};
