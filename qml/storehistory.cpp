#include "storehistory.h"

#include "storehistorymodel.h"
#include "storerecorder.h"

namespace {

StoreHistory *s_instance = nullptr;

} // namespace

StoreHistory::StoreHistory(const QString &journalDir, const QString &storeRoot, QObject *parent)
    : QObject(parent), m_recorder(new StoreRecorder(journalDir, storeRoot, this))
{
    Q_ASSERT(!s_instance);
    s_instance = this;
    connect(m_recorder, &StoreRecorder::ready, this, [this] {
        m_recording = true;
        Q_EMIT recordingChanged();
    });
    connect(m_recorder, &StoreRecorder::failed, this, [this](const QString &message) {
        m_problem = message;
        Q_EMIT recordingChanged();
    });
    m_recorder->start();
}

StoreHistory::~StoreHistory()
{
    s_instance = nullptr;
}

StoreHistory *StoreHistory::instance()
{
    return s_instance;
}

StoreHistory *StoreHistory::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void StoreHistory::undoSince(const QString &appliance, const QString &sinceIso, const QStringList &takeEarlier)
{
    const QDateTime since = QDateTime::fromString(sinceIso, Qt::ISODateWithMs);
    if (!since.isValid()) {
        Q_EMIT undone(appliance, 0, 0, tr("“%1” is not a time.").arg(sinceIso));
        return;
    }
    m_recorder->chooseUndo(appliance, since, takeEarlier, this,
                           [this, appliance](const QList<StoreJournal::UndoItem> &plan, const QList<StoreJournal::UndoItem> &chosen) {
        int conflicts = 0; // conflicts left as they are
        for (const StoreJournal::UndoItem &item : plan)
            conflicts += item.conflict ? 1 : 0;
        for (const StoreJournal::UndoItem &item : chosen)
            conflicts -= item.conflict ? 1 : 0;
        m_recorder->applyUndo(appliance, chosen, this, [this, appliance, count = int(chosen.size()), conflicts](
                                  bool ok, const QString &error, const QStringList &leftAsIs) {
            // A file changed since the preview was left as it is, like a conflict kept.
            const int left = int(leftAsIs.size());
            Q_EMIT undone(appliance, ok ? count - left : 0, conflicts + left, ok ? QString() : error);
        });
    });
}

void StoreHistory::previewUndo(const QString &appliance, const QString &sinceIso)
{
    const QDateTime since = QDateTime::fromString(sinceIso, Qt::ISODateWithMs);
    if (!since.isValid()) {
        Q_EMIT undoPreviewed(appliance, sinceIso, {}, tr("“%1” is not a time.").arg(sinceIso));
        return;
    }
    m_recorder->planUndo(appliance, since, this, [this, appliance, sinceIso](const QList<StoreJournal::UndoItem> &plan) {
        QVariantList items;
        for (const StoreJournal::UndoItem &item : plan) {
            QStringList writers;
            for (const QString &actor : item.laterActors)
                writers.append(StoreHistoryModel::writerText(actor));
            items.append(QVariantMap{{QStringLiteral("path"), item.path},
                                     {QStringLiteral("restores"), !item.restore.isEmpty()},
                                     {QStringLiteral("conflict"), item.conflict},
                                     {QStringLiteral("laterWriters"), writers.join(QStringLiteral(", "))}});
        }
        Q_EMIT undoPreviewed(appliance, sinceIso, items, m_recording ? QString() : m_problem);
    });
}
