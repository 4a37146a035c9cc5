#include "pointscommand.h"

#include "appliancevm.h"

#include <memory>

namespace {

// Runs @p action once, at the next emission of @p signal.
template<typename Signal, typename Action>
void once(ApplianceVm *vm, Signal signal, QObject *context, Action action)
{
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(vm, signal, context, [connection, action](auto &&...arguments) {
        QObject::disconnect(*connection);
        action(arguments...);
    });
}

QString reasonText(const QString &reason)
{
    if (reason == RestorePoint::cleanShutdown())
        return PointsCommand::tr("clean shutdown");
    if (reason == RestorePoint::beforeRollback())
        return PointsCommand::tr("before a roll back");
    if (reason == RestorePoint::onDemand())
        return PointsCommand::tr("on demand");
    return reason;
}

} // namespace

PointsCommand::PointsCommand(QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent), m_out(out), m_err(err)
{
}

bool PointsCommand::handles(const QString &command, const QStringList &arguments)
{
    return command == QLatin1String("points") || command == QLatin1String("point") || command == QLatin1String("pin")
        || command == QLatin1String("unpin") || (command == QLatin1String("rollback") && arguments.size() == 2);
}

QString PointsCommand::usage(const QString &command, const QStringList &arguments)
{
    const qsizetype n = arguments.size();
    if (command == QLatin1String("points") && n != 1)
        return tr("Usage: tessera-ctl points APPLIANCE");
    if (command == QLatin1String("point") && n != 1 && n != 2)
        return tr("Usage: tessera-ctl point APPLIANCE [NAME]");
    if ((command == QLatin1String("pin") || command == QLatin1String("unpin")) && n != 2)
        return tr("Usage: tessera-ctl %1 APPLIANCE POINT").arg(command);
    return {};
}

void PointsCommand::run(ApplianceVm *vm, const QString &command, const QStringList &arguments)
{
    if (command == QLatin1String("point")) {
        once(vm, &ApplianceVm::restorePointTaken, this, [this, vm](const RestorePoint &point) {
            m_out << tr("Restore point %1 of %2 taken.").arg(point.id, vm->image().name) << Qt::endl;
            Q_EMIT finished(0);
        });
        vm->takeRestorePoint(arguments.value(0));
        return;
    }
    // Everything else needs the current list first (names are resolved against it).
    once(vm, &ApplianceVm::restorePointsChanged, this, [this, vm, command, arguments] {
        if (command == QLatin1String("points")) {
            list(vm);
            return;
        }
        const QString wanted = arguments.value(0);
        const bool toBase = command == QLatin1String("rollback") && wanted == QLatin1String("base");
        const QString id = toBase ? QString() : resolve(vm, wanted);
        if (!toBase && id.isEmpty()) {
            Q_EMIT finished(1);
            return;
        }
        if (command == QLatin1String("rollback")) {
            once(vm, &ApplianceVm::rolledBack, this, [this, vm, id](qint64 ms) {
                m_out << (id.isEmpty() ? tr("%1 rolled back to its base in %2 ms.").arg(vm->image().name).arg(ms)
                                       : tr("%1 rolled back to restore point %2 in %3 ms.").arg(vm->image().name, id).arg(ms))
                      << Qt::endl;
                Q_EMIT finished(0);
            });
            vm->rollbackTo(id);
            return;
        }
        const bool pin = command == QLatin1String("pin");
        once(vm, &ApplianceVm::restorePointsChanged, this, [this, id, pin] {
            m_out << (pin ? tr("Restore point %1 is pinned: it is never merged away.") : tr("Restore point %1 is no longer pinned.")).arg(id)
                  << Qt::endl;
            Q_EMIT finished(0);
        });
        vm->pinRestorePoint(id, pin);
    });
    vm->refreshRestorePoints();
}

void PointsCommand::list(ApplianceVm *vm)
{
    const QList<RestorePoint> points = vm->restorePoints();
    if (points.isEmpty()) {
        m_out << tr("%1 has no restore points. They are taken in “keep changes” mode at each clean shutdown, or with tessera-ctl point.")
                     .arg(vm->image().name)
              << Qt::endl;
        Q_EMIT finished(0);
        return;
    }
    for (const RestorePoint &point : points) {
        QStringList flags;
        flags << (point.breachFree ? tr("no breach") : tr("breach recorded"));
        if (point.pinned)
            flags << tr("pinned");
        if (point.id == vm->currentRestorePoint())
            flags << tr("current");
        m_out << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\n")
                     .arg(point.id, point.time.toLocalTime().toString(Qt::ISODate), reasonText(point.reason), flags.join(QStringLiteral(", ")),
                          point.parent.isEmpty() ? tr("on base") : tr("on %1").arg(point.parent), point.name);
    }
    m_out << tr("Unpinned points kept: %1.").arg(vm->restorePointRetention()) << Qt::endl;
    Q_EMIT finished(0);
}

QString PointsCommand::resolve(ApplianceVm *vm, const QString &idOrName)
{
    const QList<RestorePoint> points = vm->restorePoints();
    for (const RestorePoint &point : points) {
        if (point.id == idOrName)
            return point.id;
    }
    QStringList named;
    for (const RestorePoint &point : points) {
        if (!point.name.isEmpty() && point.name == idOrName)
            named << point.id;
    }
    if (named.size() == 1)
        return named.constFirst();
    m_err << (named.isEmpty() ? tr("%1 has no restore point “%2”. Run tessera-ctl points %1 to list them.")
                              : tr("Several restore points of %1 are called “%2”. Use the number from tessera-ctl points %1."))
                 .arg(vm->image().name, idOrName)
          << Qt::endl;
    return {};
}
