#include "contractmodel.h"

#include "contractdigest.h"
#include "contractparser.h"
#include "contractslogging.h"
#include "contractsummary.h"

#include <QFutureWatcher>
#include <QUrl>
#include <QtConcurrent>

#include <algorithm>

ContractModel::ContractModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ContractModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ContractModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid | QAbstractItemModel::CheckIndexOption::ParentIsInvalid));
    const ContractGrant &grant = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return grant.text;
    case GroupRole:
        return ContractGrant::groupTitle(grant.group);
    case GroupKeyRole:
        return ContractGrant::groupKey(grant.group);
    case RiskRole:
        return int(grant.risk);
    case RiskKeyRole:
        return ContractGrant::riskKey(grant.risk);
    case EnforcementRole:
        return EnforcementOracle::statusKey(grant.enforcement);
    case EnforcementTextRole:
        return EnforcementOracle::statusText(grant.enforcement);
    case SystemRole:
        return grant.systemId;
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> ContractModel::roleNames() const
{
    return {{TextRole, "text"},
            {GroupRole, "group"},
            {GroupKeyRole, "groupKey"},
            {RiskRole, "risk"},
            {RiskKeyRole, "riskKey"},
            {EnforcementRole, "enforcement"},
            {EnforcementTextRole, "enforcementText"},
            {SystemRole, "system"}};
}

void ContractModel::setSource(const QString &source)
{
    if (source == m_source)
        return;
    m_source = source;
    emit sourceChanged();
    load(source);
}

void ContractModel::load(const QString &source)
{
    const QString path = source.startsWith(QLatin1String("file:")) ? QUrl(source).toLocalFile() : source;
    const quint64 generation = ++m_generation;
    // Nothing of the previous descriptor may be shown, or consented to, meanwhile.
    setResult(ContractParseResult());
    setLoading(true);
    auto *watcher = new QFutureWatcher<ContractParseResult>(this);
    connect(watcher, &QFutureWatcher<ContractParseResult>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer load superseded this one
        setResult(watcher->result());
        setLoading(false);
        emit loaded();
    });
    watcher->setFuture(QtConcurrent::run([path] {
        return ContractParser::parseFile(path);
    }));
}

void ContractModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

void ContractModel::setResult(const ContractParseResult &result)
{
    // (An empty result is the model clearing itself while it loads, not a rejection.)
    if (!result.ok && !result.error.isEmpty())
        qCInfo(lcContracts) << "contract rejected:" << result.error;
    m_result = result;
    m_digest = ContractDigest::compute(result);
    // A filter naming no system of a parsed descriptor shows them all.
    if (result.ok && !m_systemId.isEmpty() && !systemIds().contains(m_systemId)) {
        m_systemId.clear();
        emit systemIdChanged();
    }
    rebuild();
    emit resultChanged();
}

void ContractModel::setSystemId(const QString &systemId)
{
    if (systemId == m_systemId)
        return;
    m_systemId = systemId;
    emit systemIdChanged();
    rebuild();
}

void ContractModel::setEnforcementOracle(std::shared_ptr<const EnforcementOracle> oracle)
{
    m_oracle = std::move(oracle);
    rebuild();
}

QList<const SystemContract *> ContractModel::shownSystems() const
{
    QList<const SystemContract *> systems;
    for (const SystemContract &system : m_result.systems) {
        if (m_systemId.isEmpty() || system.id == m_systemId)
            systems.append(&system);
    }
    return systems;
}

void ContractModel::rebuild()
{
    const int oldCount = count();
    beginResetModel();
    m_rows.clear();
    m_warnings.clear();
    m_headline.clear();
    const EnforcementOracle &oracle = m_oracle ? *m_oracle : EnforcementOracle::notEnforcedYet();
    const QList<const SystemContract *> systems = shownSystems();
    ContractGrant::Risk worst = ContractGrant::Risk::None;
    for (const SystemContract *system : systems) {
        const ContractSummary summary(*system, oracle);
        QList<ContractGrant> grants = summary.grants();
        // Grouped by kind for the dialog; the summary's risk order is kept within a group.
        std::stable_sort(grants.begin(), grants.end(), [](const ContractGrant &a, const ContractGrant &b) {
            return a.group < b.group;
        });
        m_rows += grants;
        const QString prefix = systems.size() > 1 ? system->id + QLatin1String(": ") : QString();
        for (const QString &warning : summary.warnings())
            m_warnings.append(prefix + warning);
        if (m_headline.isEmpty() || summary.overallRisk() > worst) {
            worst = summary.overallRisk();
            m_headline = prefix + summary.headline();
        }
    }
    endResetModel();
    emit contentChanged();
    if (count() != oldCount)
        emit countChanged();
}

bool ContractModel::launchable() const
{
    if (!m_result.ok)
        return false;
    const QList<const SystemContract *> systems = shownSystems();
    return std::all_of(systems.begin(), systems.end(), [](const SystemContract *system) {
        return system->isLaunchable();
    });
}

QStringList ContractModel::unlaunchableReasons() const
{
    QStringList reasons;
    for (const SystemContract *system : shownSystems())
        reasons += system->unlaunchableReasons;
    return reasons;
}

QStringList ContractModel::notUnderstood() const
{
    QStringList kinds;
    for (const SystemContract *system : shownSystems()) {
        for (const QString &kind : system->notUnderstood) {
            if (!kinds.contains(kind))
                kinds.append(kind);
        }
    }
    return kinds;
}

bool ContractModel::hasContract() const
{
    const QList<const SystemContract *> systems = shownSystems();
    return !systems.isEmpty() && std::all_of(systems.begin(), systems.end(), [](const SystemContract *system) {
        return system->hasContract;
    });
}

QStringList ContractModel::systemIds() const
{
    QStringList ids;
    for (const SystemContract &system : m_result.systems)
        ids.append(system.id);
    return ids;
}
