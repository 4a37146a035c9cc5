#include "contractdiffmodel.h"

#include "contractdigest.h"
#include "contractparser.h"

#include <QFutureWatcher>
#include <QUrl>
#include <QtConcurrent>

#include <algorithm>

namespace {

QString localPath(const QString &source)
{
    return source.startsWith(QLatin1String("file:")) ? QUrl(source).toLocalFile() : source;
}

} // namespace

ContractDiffModel::ContractDiffModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ContractDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

QVariant ContractDiffModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid | QAbstractItemModel::CheckIndexOption::ParentIsInvalid));
    const ContractDiff::Change &change = m_changes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return change.grant.text;
    case GroupRole:
        return ContractGrant::groupTitle(change.grant.group);
    case GroupKeyRole:
        return ContractGrant::groupKey(change.grant.group);
    case RiskRole:
        return int(change.grant.risk);
    case RiskKeyRole:
        return ContractGrant::riskKey(change.grant.risk);
    case SystemRole:
        return change.grant.systemId;
    case DimensionRole:
        return change.dimension;
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> ContractDiffModel::roleNames() const
{
    return {{TextRole, "text"},     {GroupRole, "group"},   {GroupKeyRole, "groupKey"}, {RiskRole, "risk"},
            {RiskKeyRole, "riskKey"}, {SystemRole, "system"}, {DimensionRole, "dimension"}};
}

void ContractDiffModel::load(const QString &acceptedSource, const QString &currentSource)
{
    const QString acceptedPath = localPath(acceptedSource);
    const QString currentPath = localPath(currentSource);
    const quint64 generation = ++m_generation;
    setError(QString()); // no stale changes while loading
    setLoading(true);
    using Pair = QPair<ContractParseResult, ContractParseResult>;
    auto *watcher = new QFutureWatcher<Pair>(this);
    connect(watcher, &QFutureWatcher<Pair>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const Pair results = watcher->result();
        if (!results.first.ok)
            setError(results.first.error);
        else if (!results.second.ok)
            setError(results.second.error);
        else
            setContracts(results.first.systems, results.second.systems);
        setLoading(false);
        emit loaded();
    });
    watcher->setFuture(QtConcurrent::run([acceptedPath, currentPath] {
        return Pair(ContractParser::parseFile(acceptedPath), ContractParser::parseFile(currentPath));
    }));
}

void ContractDiffModel::setContracts(const QList<SystemContract> &accepted, const QList<SystemContract> &current)
{
    beginResetModel();
    m_changes = ContractDiff::widenings(accepted, current);
    std::stable_sort(m_changes.begin(), m_changes.end(), [](const ContractDiff::Change &a, const ContractDiff::Change &b) {
        return a.grant.risk > b.grant.risk;
    });
    m_valid = true;
    m_errorString.clear();
    m_acceptedDigest = ContractDigest::compute(accepted);
    m_currentDigest = ContractDigest::compute(current);
    endResetModel();
    emit resultChanged();
}

void ContractDiffModel::setError(const QString &errorString)
{
    beginResetModel();
    m_changes.clear();
    m_valid = false;
    m_errorString = errorString;
    m_acceptedDigest.clear();
    m_currentDigest.clear();
    endResetModel();
    emit resultChanged();
}

void ContractDiffModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}
