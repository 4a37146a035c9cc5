#include "quarantinemodel.h"

#include "appliancecatalog.h"
#include "hypervisor.h"
#include "libvirtconnection.h"
#include "persistencespots.h"
#include "quarantineinspection.h"
#include "quarantinestore.h"
#include "tesserapaths.h"

QuarantineModel::QuarantineModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int QuarantineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.entries.size());
}

QVariant QuarantineModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const DeltaEntry &entry = m_report.entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case PathRole:
        return entry.path;
    case ChangeRole:
        return entry.change == DeltaEntry::Change::Added ? QStringLiteral("added")
             : entry.change == DeltaEntry::Change::Removed ? QStringLiteral("removed") : QStringLiteral("modified");
    case TypeRole:
        switch (entry.type) {
        case DeltaEntry::Type::File: return QStringLiteral("file");
        case DeltaEntry::Type::Directory: return QStringLiteral("directory");
        case DeltaEntry::Type::Link: return QStringLiteral("link");
        case DeltaEntry::Type::Other: return QStringLiteral("other");
        }
        return {};
    case SizeRole:
        return entry.size;
    case ModeRole:
        return QStringLiteral("%1").arg(entry.mode, 4, 8, QLatin1Char('0'));
    case Sha256Role:
        return entry.sha256;
    case LinkTargetRole:
        return entry.linkTarget;
    case PersistenceRole:
        return entry.persistence;
    case PersistenceTextRole:
        return PersistenceSpots::describe(entry.persistence);
    case SalvageableRole:
        return entry.type == DeltaEntry::Type::File && entry.change != DeltaEntry::Change::Removed;
    default:
        return {};
    }
}

QHash<int, QByteArray> QuarantineModel::roleNames() const
{
    return {
        {PathRole, "path"},
        {ChangeRole, "change"},
        {TypeRole, "type"},
        {SizeRole, "size"},
        {ModeRole, "mode"},
        {Sha256Role, "sha256"},
        {LinkTargetRole, "linkTarget"},
        {PersistenceRole, "persistence"},
        {PersistenceTextRole, "persistenceText"},
        {SalvageableRole, "salvageable"},
    };
}

void QuarantineModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void QuarantineModel::setReport(const DeltaReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
    Q_EMIT countChanged();
}

bool QuarantineModel::loadSaved(const QString &appliance, const QString &id)
{
    const DeltaReport report = QuarantineInspection::savedReport(TesseraPaths::instanceDir(appliance), id);
    setReport(report);
    return report.validHeader;
}

void QuarantineModel::setError(const QString &message)
{
    if (m_error == message)
        return;
    m_error = message;
    Q_EMIT errorMessageChanged();
}

QString QuarantineModel::salvageFolder() const
{
    if (m_id.isEmpty())
        return {};
    return TesseraPaths::personalStoreDir() + QStringLiteral("/Salvaged/") + m_appliance + QLatin1Char('-') + m_id;
}

void QuarantineModel::open(const QString &appliance, const QString &id)
{
    if (m_inspection)
        closeInspector();
    m_appliance = appliance;
    m_id = id;
    setError({});
    Q_EMIT quarantineChanged();
    loadSaved(appliance, id);
}

QuarantineInspection *QuarantineModel::inspection()
{
    if (m_inspection)
        return m_inspection;
    Hypervisor *hypervisor = Hypervisor::instance();
    const ApplianceImage image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), InspectorJob::imageName());
    if (!hypervisor || !image.isComplete()) {
        setError(tr("The inspector needs the “%1” appliance, which is not built. Run scripts/setup.").arg(InspectorJob::imageName()));
        return nullptr;
    }
    m_inspection = new QuarantineInspection(hypervisor->connection(), image, hypervisor->accelerator(), m_appliance,
                                            TesseraPaths::instanceDir(m_appliance), m_id, this);
    connect(m_inspection, &QuarantineInspection::failed, this, [this](const QString &message) {
        setLoading(false);
        setError(message);
    });
    connect(m_inspection, &QuarantineInspection::reportReady, this, [this] {
        setLoading(false);
        setReport(m_inspection->report());
    });
    connect(m_inspection, &QuarantineInspection::salvaged, this,
            [this](const QStringList &stored, const QStringList &refused, const QStringList &) {
        setLoading(false);
        Q_EMIT salvaged(stored, refused);
    });
    return m_inspection;
}

void QuarantineModel::inspect()
{
    if (m_id.isEmpty() || m_loading)
        return;
    if (QuarantineInspection *running = inspection()) {
        setError({});
        setLoading(true);
        running->inspect();
    }
}

void QuarantineModel::salvage(const QStringList &guestPaths)
{
    if (!m_inspection || m_loading)
        return;
    setLoading(true);
    m_inspection->salvage(guestPaths);
}

void QuarantineModel::closeInspector()
{
    if (!m_inspection)
        return;
    QuarantineInspection *closing = m_inspection;
    m_inspection = nullptr;
    connect(closing, &QuarantineInspection::stopped, closing, &QObject::deleteLater);
    connect(closing, &QuarantineInspection::failed, closing, &QObject::deleteLater);
    closing->shutDown();
    setLoading(false);
}

void QuarantineModel::purge()
{
    if (m_id.isEmpty() || !Hypervisor::instance())
        return;
    closeInspector();
    const QString instance = TesseraPaths::instanceDir(m_appliance);
    const QString id = m_id;
    // Freeing a large delta takes time: off the GUI thread, on the connection's worker.
    Hypervisor::instance()->connection()->call<VmError>(this, [instance, id](_virConnect *) { return QuarantineStore(instance).purge(id); },
                                                        [this, id](const VmError &error) {
        if (error.isError()) {
            setError(error.message());
            return;
        }
        if (m_id == id) {
            m_id.clear();
            Q_EMIT quarantineChanged();
            setReport({});
        }
        Q_EMIT purged();
    });
}

QVariantList QuarantineModel::quarantines(const QString &appliance)
{
    QVariantList rows;
    if (appliance.isEmpty())
        return rows;
    QList<QuarantineRecord> records = QuarantineStore(TesseraPaths::instanceDir(appliance)).list();
    std::sort(records.begin(), records.end(), [](const QuarantineRecord &a, const QuarantineRecord &b) { return a.time > b.time; });
    for (const QuarantineRecord &record : std::as_const(records)) {
        rows.append(QVariantMap{{QStringLiteral("id"), record.id},
                                {QStringLiteral("time"), record.time.toLocalTime()},
                                {QStringLiteral("reason"), record.reason},
                                {QStringLiteral("deltaBytes"), record.deltaBytes},
                                {QStringLiteral("breaches"), int(record.breaches.size())}});
    }
    return rows;
}
