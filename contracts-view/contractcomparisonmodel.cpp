#include "contractcomparisonmodel.h"

#include "contractparser.h"
#include "contractsummary.h"

#include <QUrl>

namespace {

ContractParseResult parse(const QString &source)
{
    const QUrl url(source);
    return ContractParser::parseFile(url.isLocalFile() ? url.toLocalFile() : source);
}

const SystemContract *pick(const ContractParseResult &result, const QString &id)
{
    for (const SystemContract &system : result.systems) {
        if (system.id == id)
            return &system;
    }
    return result.systems.isEmpty() ? nullptr : &result.systems.constFirst();
}

// ContractComparison's dimension keys start with the group they belong to.
ContractGrant::Group groupOf(const QString &key)
{
    const QString bare = key.mid(key.lastIndexOf(QLatin1Char('/')) + 1);
    if (bare.startsWith(QLatin1String("network")))
        return ContractGrant::Group::Network;
    if (bare.startsWith(QLatin1String("mounts")))
        return ContractGrant::Group::Files;
    if (bare.startsWith(QLatin1String("activity")))
        return ContractGrant::Group::Activity;
    if (bare.startsWith(QLatin1String("resources")))
        return ContractGrant::Group::Resources;
    return ContractGrant::Group::Display;
}

constexpr ContractGrant::Group Groups[] = {ContractGrant::Group::Network, ContractGrant::Group::Files, ContractGrant::Group::Activity,
                                           ContractGrant::Group::Resources, ContractGrant::Group::Display};

} // namespace

ContractComparisonModel::ContractComparisonModel(QObject *parent) : QAbstractListModel(parent) {}

int ContractComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString ContractComparisonModel::tighterText(const Row &row) const
{
    if (row.tighter == QLatin1String("equal"))
        return tr("Both allow the same.");
    if (row.tighter == QLatin1String("left"))
        return tr("%1 is tighter on %2.").arg(m_leftName, row.leftTighterOn.join(tr(", ")));
    if (row.tighter == QLatin1String("right"))
        return tr("%1 is tighter on %2.").arg(m_rightName, row.rightTighterOn.join(tr(", ")));
    QStringList parts;
    if (!row.leftTighterOn.isEmpty())
        parts << tr("%1 is tighter on %2").arg(m_leftName, row.leftTighterOn.join(tr(", ")));
    if (!row.rightTighterOn.isEmpty())
        parts << tr("%1 is tighter on %2").arg(m_rightName, row.rightTighterOn.join(tr(", ")));
    if (!row.neitherOn.isEmpty())
        parts << tr("each allows something the other does not on %1").arg(row.neitherOn.join(tr(", ")));
    return parts.join(tr("; ")) + QLatin1Char('.');
}

QVariant ContractComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case GroupRole:
        return ContractGrant::groupTitle(row.group);
    case GroupKeyRole:
        return ContractGrant::groupKey(row.group);
    case LeftTextRole:
        return row.left.join(QLatin1Char('\n'));
    case RightTextRole:
        return row.right.join(QLatin1Char('\n'));
    case TighterRole:
        return row.tighter;
    case TighterTextRole:
        return tighterText(row);
    default:
        return {};
    }
}

QHash<int, QByteArray> ContractComparisonModel::roleNames() const
{
    return {{GroupRole, "group"},         {GroupKeyRole, "groupKey"}, {LeftTextRole, "leftText"},
            {RightTextRole, "rightText"}, {TighterRole, "tighter"},   {TighterTextRole, "tighterText"}};
}

void ContractComparisonModel::compare(const QString &leftPath, const QString &leftName, const QString &leftId,
                                      const QString &rightPath, const QString &rightName, const QString &rightId)
{
    beginResetModel();
    m_rows.clear();
    m_leftName = leftName;
    m_rightName = rightName;
    m_verdict.clear();
    m_verdictText.clear();
    m_error.clear();

    const ContractParseResult left = parse(leftPath);
    const ContractParseResult right = parse(rightPath);
    const SystemContract *leftSystem = left.ok ? pick(left, leftId) : nullptr;
    const SystemContract *rightSystem = right.ok ? pick(right, rightId) : nullptr;
    if (!leftSystem || !rightSystem) {
        m_error = !left.ok ? left.error : !right.ok ? right.error : tr("A descriptor has no virtual system to compare.");
        endResetModel();
        Q_EMIT compared();
        return;
    }

    const ContractSummary leftSummary(*leftSystem);
    const ContractSummary rightSummary(*rightSystem);
    const ContractComparison::Result result = ContractComparison::compare(*leftSystem, *rightSystem);
    for (const ContractGrant::Group group : Groups) {
        Row row;
        row.group = group;
        for (const ContractGrant &grant : leftSummary.grants()) {
            if (grant.group == group)
                row.left.append(grant.text);
        }
        for (const ContractGrant &grant : rightSummary.grants()) {
            if (grant.group == group)
                row.right.append(grant.text);
        }
        for (const ContractComparison::Dimension &dimension : result.dimensions) {
            if (groupOf(dimension.key) != group)
                continue;
            const QString title = ContractComparison::dimensionTitle(dimension.key);
            if (dimension.tighter == ContractComparison::Side::Left)
                row.leftTighterOn.append(title);
            else if (dimension.tighter == ContractComparison::Side::Right)
                row.rightTighterOn.append(title);
            else
                row.neitherOn.append(title);
        }
        if (row.leftTighterOn.isEmpty() && row.rightTighterOn.isEmpty() && row.neitherOn.isEmpty())
            row.tighter = QStringLiteral("equal");
        else if (row.rightTighterOn.isEmpty() && row.neitherOn.isEmpty())
            row.tighter = QStringLiteral("left");
        else if (row.leftTighterOn.isEmpty() && row.neitherOn.isEmpty())
            row.tighter = QStringLiteral("right");
        else
            row.tighter = QStringLiteral("neither");
        m_rows.append(row);
    }

    m_verdict = ContractComparison::verdictKey(result.verdict);
    QStringList deciding;
    for (const ContractComparison::Dimension &dimension : result.dimensions)
        deciding.append(ContractComparison::dimensionTitle(dimension.key));
    switch (result.verdict) {
    case ContractComparison::Verdict::Equal:
        m_verdictText = tr("Both contracts allow the same.");
        break;
    case ContractComparison::Verdict::LeftTighter:
        m_verdictText = tr("%1's contract is tighter, on %2.").arg(m_leftName, deciding.join(tr(", ")));
        break;
    case ContractComparison::Verdict::RightTighter:
        m_verdictText = tr("%1's contract is tighter, on %2.").arg(m_rightName, deciding.join(tr(", ")));
        break;
    case ContractComparison::Verdict::Incomparable:
        m_verdictText = tr("Neither contract is tighter overall: each allows something the other does not (%1).")
                            .arg(deciding.join(tr(", ")));
        break;
    }
    endResetModel();
    Q_EMIT compared();
}
