#pragma once

#include <QObject>
#include <QStringList>
#include <QTextStream>

class LibvirtConnection;
class ApplianceVm;

/// The appliance sub-commands of tessera-ctl: list, start, stop, rollback, mode. Each runs
/// asynchronously on the connection's worker and quits the event loop with an exit code.
class CtlCommands : public QObject
{
    Q_OBJECT
public:
    CtlCommands(LibvirtConnection *connection, QTextStream &out, QTextStream &err, QObject *parent = nullptr);

    /// Starts @p command; finished() follows.
    void run(const QString &command, const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void list();
    /// mode APPLIANCE [fresh|keep]: shows or sets the launch mode.
    void setMode(const QStringList &arguments);
    void withAppliance(const QString &name, const std::function<void(ApplianceVm *)> &action);
    void finish(int exitCode);

    LibvirtConnection *m_connection;
    QTextStream &m_out;
    QTextStream &m_err;
};
