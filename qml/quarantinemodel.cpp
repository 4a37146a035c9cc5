#include "quarantinemodel.h"

#include "persistencespots.h"
#include "quarantineinspection.h"
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
