#include "storecommand.h"

#include "storejournal.h"
#include "storepath.h"
#include "tesserapaths.h"

#include <QLockFile>
#include <QRegularExpression>
#include <QSet>

namespace {

QString changeWord(const StoreJournal::Change &change)
{
    if (change.before.isEmpty())
        return StoreCommand::tr("created");
    if (change.after.isEmpty())
        return StoreCommand::tr("deleted");
    return StoreCommand::tr("changed");
}

} // namespace

QDateTime StoreCommand::parseWhen(const QString &text, const QDateTime &now)
{
    static const QRegularExpression age(QStringLiteral("^(\\d{1,6})([smhd])$"));
    const QRegularExpressionMatch match = age.match(text);
    if (match.hasMatch()) {
        const qint64 count = match.captured(1).toLongLong();
        const qint64 unit = QStringLiteral("smhd").indexOf(match.captured(2));
        static constexpr qint64 Seconds[] = {1, 60, 3600, 86400};
        return now.addSecs(-count * Seconds[unit]);
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time;
}

int StoreCommand::history(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QString only;
    QDateTime since;
    for (int i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--since") && i + 1 < arguments.size()) {
            since = parseWhen(arguments.at(++i));
            if (!since.isValid()) {
                err << tr("“%1” is not a time. Give an ISO 8601 time or an age such as 30m, 2h or 1d.").arg(arguments.at(i)) << Qt::endl;
                return 2;
            }
        } else if (only.isEmpty() && !arguments.at(i).startsWith(QLatin1Char('-'))) {
            only = arguments.at(i);
        } else {
            err << tr("Usage: tessera-ctl history [APPLIANCE] [--since WHEN]") << Qt::endl;
            return 2;
        }
    }
    StoreJournal journal(TesseraPaths::storeJournalDir(), TesseraPaths::personalStoreDir());
    QString error;
    if (!journal.open(&error)) {
        err << error << Qt::endl;
        return 1;
    }
    for (const StoreJournal::Change &change : journal.changes()) {
        if ((!only.isEmpty() && change.actor != only) || (since.isValid() && change.time < since))
            continue;
        out << change.time.toLocalTime().toString(Qt::ISODate) << '\t' << StorePath::display(change.actor) << '\t' << changeWord(change)
            << '\t' << StorePath::display(change.path) << '\n';
    }
    return 0;
}

int StoreCommand::undo(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QString appliance;
    QDateTime since;
    bool dryRun = false;
    bool overwrite = false;
    bool wrong = false;
    QStringList takeEarlier; // conflicts the person takes from before (the current kept as a copy)
    QStringList keepCurrent;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--since") && i + 1 < arguments.size())
            since = parseWhen(arguments.at(++i));
        else if (argument == QLatin1String("--dry-run"))
            dryRun = true;
        else if (argument == QLatin1String("--overwrite-conflicts"))
            overwrite = true;
        else if (argument == QLatin1String("--take-earlier") && i + 1 < arguments.size())
            takeEarlier.append(arguments.at(++i));
        else if (argument == QLatin1String("--keep-current") && i + 1 < arguments.size())
            keepCurrent.append(arguments.at(++i));
        else if (appliance.isEmpty() && !argument.startsWith(QLatin1Char('-')))
            appliance = argument;
        else
            wrong = true;
    }
    if (wrong || appliance.isEmpty() || !since.isValid()) {
        err << tr("Usage: tessera-ctl undo APPLIANCE --since WHEN [--dry-run] [--take-earlier PATH]... [--keep-current PATH]... [--overwrite-conflicts]\n"
                  "WHEN is an ISO 8601 time or an age such as 30m, 2h or 1d. A conflict (a file changed later by someone else)\n"
                  "keeps its current version unless --take-earlier names it (or --overwrite-conflicts, for all): then the\n"
                  "current version is kept as a copy \"name (kept YYYY-MM-DD HH.MM).ext\" beside it.") << Qt::endl;
        return 2;
    }
    QLockFile lock(TesseraPaths::storeJournalDir() + QStringLiteral("/lock"));
    lock.setStaleLockTime(0);
    if (!dryRun && !lock.tryLock(0)) {
        err << tr("The Tessera shell is running and keeping the store's history. Undo from its recovery panel, or quit it first.") << Qt::endl;
        return 1;
    }
    StoreJournal journal(TesseraPaths::storeJournalDir(), TesseraPaths::personalStoreDir());
    QString error;
    if (!journal.open(&error)) {
        err << error << Qt::endl;
        return 1;
    }
    const QList<StoreJournal::UndoItem> plan = journal.planUndo(appliance, since);
    // A name that is not text is given as printed (StorePath::display, "\xNN" for each byte).
    auto planPaths = [&plan](const QStringList &given) {
        QStringList paths;
        for (const StoreJournal::UndoItem &item : plan) {
            if (given.contains(item.path) || given.contains(StorePath::display(item.path)))
                paths.append(item.path);
        }
        return paths;
    };
    takeEarlier = planPaths(takeEarlier);
    keepCurrent = planPaths(keepCurrent);
    if (overwrite) {
        for (const StoreJournal::UndoItem &item : plan) {
            if (item.conflict && !keepCurrent.contains(item.path))
                takeEarlier.append(item.path);
        }
    }
    for (const QString &path : std::as_const(keepCurrent))
        takeEarlier.removeAll(path);
    const QList<StoreJournal::UndoItem> chosen = journal.choose(plan, takeEarlier, QDateTime::currentDateTime());
    QSet<QString> chosenPaths;
    for (const StoreJournal::UndoItem &item : chosen)
        chosenPaths.insert(item.path);
    for (const StoreJournal::UndoItem &item : plan) {
        if (!chosenPaths.contains(item.path)) {
            out << tr("conflict\t%1\tchanged later by %2: left as it is (--take-earlier %1 to restore it, keeping the current one as a copy)")
                       .arg(StorePath::display(item.path), StorePath::display(item.laterActors.join(QStringLiteral(", "))))
                << '\n';
        }
    }
    for (const StoreJournal::UndoItem &item : chosen) {
        QString action = item.restore.isEmpty() ? tr("remove (it created it)") : tr("restore the earlier content");
        if (!item.keepCopyAs.isEmpty())
            action += QLatin1String("; ") + tr("the current one is kept as %1").arg(StorePath::display(item.keepCopyAs));
        out << (dryRun ? tr("would\t%1\t%2") : tr("undo\t%1\t%2")).arg(StorePath::display(item.path), action) << '\n';
    }
    if (plan.isEmpty())
        out << tr("%1 changed nothing in the store since %2.").arg(appliance, since.toLocalTime().toString(Qt::ISODate)) << '\n';
    if (dryRun || chosen.isEmpty())
        return 0;
    QStringList leftAsIs;
    if (!journal.applyUndo(appliance, chosen, &error, &leftAsIs)) {
        err << error << Qt::endl;
        return 1;
    }
    for (const QString &path : std::as_const(leftAsIs))
        out << tr("changed\t%1\tchanged since the history was read: left as it is").arg(StorePath::display(path)) << '\n';
    out << tr("Undone: %n file(s).", nullptr, int(chosen.size() - leftAsIs.size())) << Qt::endl;
    return 0;
}
