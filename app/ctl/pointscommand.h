#pragma once

#include <QObject>
#include <QStringList>
#include <QTextStream>

class ApplianceVm;

/// The restore-point sub-commands of tessera-ctl, on an appliance already looked up:
/// `points APP` lists them, `point APP [NAME]` takes one (the appliance must be off),
/// `rollback APP POINT` goes back to a point (POINT is an id, a name or "base"),
/// `pin APP POINT` and `unpin APP POINT` keep a point from being merged away or allow it again.
class PointsCommand : public QObject
{
    Q_OBJECT
public:
    PointsCommand(QTextStream &out, QTextStream &err, QObject *parent = nullptr);

    /// Whether @p command with @p arguments (the appliance first) is one of these.
    static bool handles(const QString &command, const QStringList &arguments);
    /// Usage of @p command, or empty when @p arguments fit it.
    static QString usage(const QString &command, const QStringList &arguments);
    /// Runs @p command on @p vm with @p arguments after the appliance; finished() follows
    /// (failures come through the appliance's failed() signal).
    void run(ApplianceVm *vm, const QString &command, const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void list(ApplianceVm *vm);
    /// The id of the point called @p idOrName (an id or a name); empty with a message if none.
    QString resolve(ApplianceVm *vm, const QString &idOrName);

    QTextStream &m_out;
    QTextStream &m_err;
};
