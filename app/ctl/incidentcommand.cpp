#include "incidentcommand.h"

#include "appliancecatalog.h"
#include "appliancevm.h"
#include "connectionsettings.h"
#include "libvirtconnection.h"
#include "persistencespots.h"
#include "quarantineinspection.h"
#include "quarantinestore.h"
#include "tesserapaths.h"

IncidentCommand::IncidentCommand(LibvirtConnection *connection, QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent), m_connection(connection), m_out(out), m_err(err)
{
}

bool IncidentCommand::handles(const QString &command)
{
    return command == QLatin1String("recover") || command == QLatin1String("quarantine") || command == QLatin1String("salvage")
        || command == QLatin1String("purge");
}

void IncidentCommand::finish(int exitCode)
{
    m_out.flush();
    m_err.flush();
    Q_EMIT finished(exitCode);
}

void IncidentCommand::run(const QString &command, const QStringList &arguments)
{
    if (command == QLatin1String("recover"))
        recover(arguments);
    else if (command == QLatin1String("quarantine"))
        listOrReport(arguments);
    else if (command == QLatin1String("salvage"))
        salvage(arguments);
    else
        purge(arguments);
}

bool IncidentCommand::knownQuarantine(const QString &appliance, const QString &id)
{
    if (QuarantineStore(TesseraPaths::instanceDir(appliance)).contains(id))
        return true;
    m_err << tr("%1 has no quarantine “%2”. Run tessera-ctl quarantine %1 to list them.").arg(appliance, id) << Qt::endl;
    finish(1);
    return false;
}

void IncidentCommand::recover(const QStringList &arguments)
{
    if (arguments.isEmpty() || arguments.size() > 2) {
        m_err << tr("Usage: tessera-ctl recover APPLIANCE [REASON]") << Qt::endl;
        finish(2);
        return;
    }
    const ApplianceImage image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), arguments.constFirst());
    if (!image.isComplete()) {
        m_err << tr("There is no built appliance called “%1”. Run tessera-ctl list to see the appliances.").arg(arguments.constFirst()) << Qt::endl;
        finish(1);
        return;
    }
    auto *vm = new ApplianceVm(m_connection, image, ConnectionSettings::resolve(m_connection->uri()).accelerator, this);
    connect(vm, &ApplianceVm::failed, this, [this](const VmError &error) {
        m_err << error.message() << Qt::endl;
        if (!error.details().isEmpty())
            m_err << tr("Details: %1").arg(error.details()) << Qt::endl;
        finish(1);
    });
    connect(vm, &ApplianceVm::recovered, this, [this, vm](const QString &id, qint64 ms) {
        m_out << tr("%1 was switched off and recovered in %2 ms: its system changes are in quarantine %3. It stays off; its next launch starts clean.")
                     .arg(vm->image().name).arg(ms).arg(id)
              << Qt::endl
              << tr("See what they changed with: tessera-ctl quarantine %1 %2").arg(vm->image().name, id) << Qt::endl;
        finish(0);
    });
    vm->recover(arguments.value(1, tr("recovered from the command line")));
}

void IncidentCommand::listOrReport(const QStringList &arguments)
{
    const bool inspect = arguments.contains(QStringLiteral("--inspect"));
    QStringList rest = arguments;
    rest.removeAll(QStringLiteral("--inspect"));
    if (rest.isEmpty() || rest.size() > 2) {
        m_err << tr("Usage: tessera-ctl quarantine APPLIANCE [ID [--inspect]]") << Qt::endl;
        finish(2);
        return;
    }
    const QString appliance = rest.constFirst();
    const QuarantineStore store(TesseraPaths::instanceDir(appliance));
    if (rest.size() == 1) {
        const QList<QuarantineRecord> records = store.list();
        if (records.isEmpty())
            m_out << tr("%1 has no quarantined systems.").arg(appliance) << Qt::endl;
        for (const QuarantineRecord &record : records) {
            m_out << QStringLiteral("%1\t%2\t%3 MiB\t%4\t%5\n")
                         .arg(record.id, record.time.toLocalTime().toString(Qt::ISODate))
                         .arg(double(record.deltaBytes) / (1024 * 1024), 0, 'f', 1)
                         .arg(tr("%n breach(es)", nullptr, int(record.breaches.size())), record.reason);
        }
        finish(0);
        return;
    }
    const QString id = rest.at(1);
    if (!knownQuarantine(appliance, id))
        return;
    if (!inspect && QuarantineInspection::savedReport(TesseraPaths::instanceDir(appliance), id).validHeader) {
        printReport(appliance, id);
        finish(0);
        return;
    }
    QuarantineInspection *inspection = this->inspection(appliance, id);
    if (!inspection)
        return;
    m_err << tr("Inspecting in the inspector VM (a cold boot; this takes a minute or two)…") << Qt::endl;
    connect(inspection, &QuarantineInspection::reportReady, this, [this, inspection, appliance, id](qint64 bootMs, qint64 compareMs) {
        m_err << tr("Inspector up in %1 s, compared in %2 s.").arg(bootMs / 1000.0, 0, 'f', 1).arg(compareMs / 1000.0, 0, 'f', 1) << Qt::endl;
        printReport(appliance, id);
        inspection->shutDown();
    });
    connect(inspection, &QuarantineInspection::stopped, this, [this] { finish(0); });
    inspection->inspect();
}

void IncidentCommand::printReport(const QString &appliance, const QString &id)
{
    const DeltaReport report = QuarantineInspection::savedReport(TesseraPaths::instanceDir(appliance), id);
    for (const DeltaEntry &entry : report.entries) {
        const char *change = entry.change == DeltaEntry::Change::Added ? "added" : entry.change == DeltaEntry::Change::Removed ? "removed" : "modified";
        m_out << QStringLiteral("%1\t%2\t%3%4\n").arg(QLatin1String(change), entry.isPersistence() ? QStringLiteral("PERSISTENCE") : QStringLiteral("-"),
                                                      entry.path, entry.isPersistence() ? QStringLiteral("\t") + PersistenceSpots::describe(entry.persistence) : QString());
    }
    m_out << tr("%n change(s), %1 in persistence spots.", nullptr, int(report.entries.size())).arg(report.persistenceCount()) << Qt::endl;
    if (!report.complete)
        m_err << tr("The report is incomplete (cut short or damaged); inspect again with --inspect.") << Qt::endl;
    if (report.rejectedLines > 0)
        m_err << tr("%n malformed line(s) of the report were left out.", nullptr, report.rejectedLines) << Qt::endl;
}

QuarantineInspection *IncidentCommand::inspection(const QString &appliance, const QString &id)
{
    const ApplianceImage inspector = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), InspectorJob::imageName());
    if (!inspector.isComplete()) {
        m_err << tr("The inspector needs the “%1” appliance, which is not built. Run scripts/setup.").arg(InspectorJob::imageName()) << Qt::endl;
        finish(1);
        return nullptr;
    }
    auto *inspection = new QuarantineInspection(m_connection, inspector, ConnectionSettings::resolve(m_connection->uri()).accelerator,
                                                appliance, TesseraPaths::instanceDir(appliance), id, this);
    connect(inspection, &QuarantineInspection::failed, this, [this, inspection](const QString &message) {
        m_err << message << Qt::endl;
        disconnect(inspection, &QuarantineInspection::stopped, this, nullptr);
        connect(inspection, &QuarantineInspection::stopped, this, [this] { finish(1); });
        if (inspection->phase() != QuarantineInspection::Stopping)
            inspection->shutDown();
        else
            finish(1);
    });
    return inspection;
}

void IncidentCommand::salvage(const QStringList &arguments)
{
    if (arguments.size() < 3) {
        m_err << tr("Usage: tessera-ctl salvage APPLIANCE ID PATH...") << Qt::endl;
        finish(2);
        return;
    }
    const QString appliance = arguments.at(0);
    const QString id = arguments.at(1);
    if (!knownQuarantine(appliance, id))
        return;
    const QStringList paths = arguments.mid(2);
    QuarantineInspection *inspection = this->inspection(appliance, id);
    if (!inspection)
        return;
    auto exitCode = std::make_shared<int>(0);
    connect(inspection, &QuarantineInspection::reportReady, inspection, [inspection, paths] { inspection->salvage(paths); });
    connect(inspection, &QuarantineInspection::salvaged, this,
            [this, inspection, exitCode](const QStringList &stored, const QStringList &refused, const QStringList &reasons) {
        for (const QString &path : stored)
            m_out << tr("salvaged: %1").arg(path) << Qt::endl;
        for (qsizetype i = 0; i < refused.size(); ++i)
            m_err << tr("not salvaged: %1 (%2)").arg(refused.at(i), reasons.value(i)) << Qt::endl;
        if (!stored.isEmpty())
            m_out << tr("Salvaged files are marked as coming from a quarantined system; treat them as untrusted.") << Qt::endl;
        *exitCode = refused.isEmpty() ? 0 : 1;
        inspection->shutDown();
    });
    connect(inspection, &QuarantineInspection::stopped, this, [this, exitCode] { finish(*exitCode); });
    m_err << tr("Starting the inspector VM (a cold boot; this takes a minute or two)…") << Qt::endl;
    inspection->inspect();
}

void IncidentCommand::purge(const QStringList &arguments)
{
    if (arguments.size() != 2) {
        m_err << tr("Usage: tessera-ctl purge APPLIANCE ID") << Qt::endl;
        finish(2);
        return;
    }
    const QString appliance = arguments.at(0);
    const QString id = arguments.at(1);
    if (!knownQuarantine(appliance, id))
        return;
    const QString instance = TesseraPaths::instanceDir(appliance);
    m_connection->call<VmError>(this, [instance, id](_virConnect *) { return QuarantineStore(instance).purge(id); },
                                [this, appliance, id](const VmError &error) {
        if (error.isError()) {
            m_err << error.message() << Qt::endl;
            finish(1);
            return;
        }
        m_out << tr("Quarantine %1 of %2 deleted.").arg(id, appliance) << Qt::endl;
        finish(0);
    });
}
