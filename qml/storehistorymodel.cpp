#include "storehistorymodel.h"

#include "storehistory.h"
#include "storerecorder.h"
#include "tesserapaths.h"

#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

StoreHistoryModel::StoreHistoryModel(QObject *parent) : QAbstractListModel(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &StoreHistoryModel::finished);
    m_follow.setSingleShot(true);
    m_follow.setInterval(500);
    connect(&m_follow, &QTimer::timeout, this, &StoreHistoryModel::reload);
    if (StoreHistory *history = StoreHistory::instance()) {
        connect(history->recorder(), &StoreRecorder::recorded, &m_follow, [this] { m_follow.start(); });
        connect(history->recorder(), &StoreRecorder::ready, this, &StoreHistoryModel::reload);
    }
    // After QML has set the properties, one load.
    QMetaObject::invokeMethod(this, &StoreHistoryModel::reload, Qt::QueuedConnection);
}

StoreHistoryModel::~StoreHistoryModel()
{
    m_watcher.waitForFinished(); // the worker copies only values; this is short
}

void StoreHistoryModel::setAppliance(const QString &appliance)
{
    if (appliance == m_appliance)
        return;
    m_appliance = appliance;
    Q_EMIT applianceChanged();
    reload();
}

void StoreHistoryModel::setLimit(int limit)
{
    limit = qBound(1, limit, 100000);
    if (limit == m_limit)
        return;
    m_limit = limit;
    Q_EMIT limitChanged();
    reload();
}

QString StoreHistoryModel::journalDir() const
{
    return m_journalDir.isEmpty() ? TesseraPaths::storeJournalDir() : m_journalDir;
}

void StoreHistoryModel::setJournalDir(const QString &dir)
{
    if (dir == m_journalDir)
        return;
    m_journalDir = dir;
    Q_EMIT journalDirChanged();
    reload();
}

QString StoreHistoryModel::storageText() const
{
    return QLocale().formattedDataSize(m_summary.bytes);
}

void StoreHistoryModel::reload()
{
    if (m_loading) {
        m_again = true;
        return;
    }
    m_loading = true;
    Q_EMIT loadingChanged();
    m_watcher.setFuture(QtConcurrent::run([dir = journalDir(), appliance = m_appliance, limit = m_limit] {
        Result result;
        result.changes = StoreJournal::readChanges(dir, appliance, limit, &result.summary);
        return result;
    }));
}

void StoreHistoryModel::finished()
{
    const Result result = m_watcher.result();
    m_loading = false;
    if (m_again) {
        m_again = false;
        reload(); // the properties changed meanwhile: this result is stale
        return;
    }
    const bool countChanges = result.changes.size() != m_changes.size();
    beginResetModel();
    m_changes = result.changes;
    endResetModel();
    m_summary = result.summary;
    if (countChanges)
        Q_EMIT countChanged();
    Q_EMIT summaryChanged();
    Q_EMIT loadingChanged();
    Q_EMIT loaded();
}

int StoreHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

QString StoreHistoryModel::writerText(const QString &actor)
{
    if (actor == StoreJournal::hostActor())
        return tr("you, on this computer");
    if (actor == StoreJournal::unknownActor())
        return tr("unknown (changed while Tessera was not running, or by several appliances)");
    const QString undoPrefix = StoreJournal::undoActor(QString());
    if (actor.startsWith(undoPrefix))
        return tr("undo of %1").arg(actor.mid(undoPrefix.size()));
    return actor;
}

QVariant StoreHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoreJournal::Change &change = m_changes.at(index.row());
    const QString operation = change.before.isEmpty()  ? QStringLiteral("created")
                              : change.after.isEmpty() ? QStringLiteral("deleted")
                                                       : QStringLiteral("modified");
    switch (role) {
    case Qt::DisplayRole:
    case PathRole:
        return change.path;
    case TimeRole:
        return change.time.toLocalTime();
    case TimeIsoRole:
        return change.time.toUTC().toString(Qt::ISODateWithMs);
    case OperationRole:
        return operation;
    case OperationTextRole:
        return operation == QLatin1String("created")   ? tr("created")
               : operation == QLatin1String("deleted") ? tr("deleted")
                                                       : tr("changed");
    case WriterRole:
        return change.actor;
    case WriterTextRole:
        return writerText(change.actor);
    case IsUndoRole:
        return change.actor.startsWith(StoreJournal::undoActor(QString()));
    default:
        return {};
    }
}

QHash<int, QByteArray> StoreHistoryModel::roleNames() const
{
    return {{TimeRole, "time"},           {TimeIsoRole, "timeIso"}, {PathRole, "path"},
            {OperationRole, "operation"}, {OperationTextRole, "operationText"},
            {WriterRole, "writer"},       {WriterTextRole, "writerText"}, {IsUndoRole, "isUndo"}};
}
