#pragma once

#include <QObject>
#include <QStringList>
#include <QTextStream>

class LibvirtConnection;
class QuarantineInspection;

/// Recover after an incident from the command line:
///   recover APPLIANCE [REASON]        switch off, quarantine the system changes, restore a clean system
///   quarantine APPLIANCE              list the quarantines
///   quarantine APPLIANCE ID [--inspect]  what the quarantined system changed (inspected in the
///                                     inspector VM when there is no report yet, or with --inspect)
///   salvage APPLIANCE ID PATH...      copy files of a quarantined system into the personal store
///   purge APPLIANCE ID                delete a quarantine
/// finished() carries the exit code.
class IncidentCommand : public QObject
{
    Q_OBJECT
public:
    IncidentCommand(LibvirtConnection *connection, QTextStream &out, QTextStream &err, QObject *parent = nullptr);

    static bool handles(const QString &command);
    void run(const QString &command, const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void recover(const QStringList &arguments);
    void listOrReport(const QStringList &arguments);
    void salvage(const QStringList &arguments);
    void purge(const QStringList &arguments);
    void printReport(const QString &appliance, const QString &id);
    QuarantineInspection *inspection(const QString &appliance, const QString &id);
    bool knownQuarantine(const QString &appliance, const QString &id);
    void finish(int exitCode);

    LibvirtConnection *m_connection;
    QTextStream &m_out;
    QTextStream &m_err;
};
