#pragma once

#include "storejournal.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QFutureWatcher>
#include <QQmlEngine>
#include <QTimer>

/// The personal store's history for the recovery panel: one row a recorded change (time,
/// file relative to the store, operation, writer), newest first, at most `limit` rows,
/// optionally only one appliance's changes (and the undos of them). Also reports what the
/// history keeps: bytes on disk, number of changes, the oldest one, the retention policy.
///
/// The journal is read on a QtConcurrent worker (StoreJournal::readChanges), never on the
/// GUI thread: a long history only delays the rows. It follows StoreHistory's recorder
/// (reloads shortly after a change is recorded) when the shell keeps the history.
class StoreHistoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    /// Only this appliance's changes and undos of them; every writer when empty.
    Q_PROPERTY(QString appliance READ appliance WRITE setAppliance NOTIFY applianceChanged)
    /// The most rows shown (the newest); the summary still covers the whole history.
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)
    /// The journal folder; TesseraPaths::storeJournalDir() unless set.
    Q_PROPERTY(QString journalDir READ journalDir WRITE setJournalDir NOTIFY journalDirChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    /// Bytes the history takes on disk (journal and kept contents).
    Q_PROPERTY(qint64 storageBytes READ storageBytes NOTIFY summaryChanged)
    /// The same in words ("1.2 MiB").
    Q_PROPERTY(QString storageText READ storageText NOTIFY summaryChanged)
    /// Changes recorded, all writers.
    Q_PROPERTY(int totalEntries READ totalEntries NOTIFY summaryChanged)
    /// The oldest change kept; invalid when the history is empty.
    Q_PROPERTY(QDateTime oldest READ oldest NOTIFY summaryChanged)
    /// Days of history kept (StoreJournal::RetentionDays).
    Q_PROPERTY(int retentionDays READ retentionDays CONSTANT)
public:
    enum Role {
        TimeRole = Qt::UserRole + 1, ///< QDateTime, local
        TimeIsoRole,                 ///< ISO 8601 UTC with ms (for "undo since")
        PathRole,                    ///< relative to the store
        OperationRole,               ///< "created", "modified", "deleted"
        OperationTextRole,           ///< translated
        WriterRole,                  ///< appliance name, "host", "unknown" or "undo:NAME"
        WriterTextRole,              ///< translated
        IsUndoRole,                  ///< the change was made by an undo
    };
    Q_ENUM(Role)

    explicit StoreHistoryModel(QObject *parent = nullptr);
    ~StoreHistoryModel() override;

    QString appliance() const { return m_appliance; }
    void setAppliance(const QString &appliance);
    int limit() const { return m_limit; }
    void setLimit(int limit);
    QString journalDir() const;
    void setJournalDir(const QString &dir);
    bool isLoading() const { return m_loading; }
    qint64 storageBytes() const { return m_summary.bytes; }
    QString storageText() const;
    int totalEntries() const { return m_summary.entries; }
    QDateTime oldest() const { return m_summary.oldest.toLocalTime(); }
    int retentionDays() const { return StoreJournal::RetentionDays; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Reads the journal again (on a worker); the rows follow.
    Q_INVOKABLE void reload();
    /// The writer @p actor in words ("you, on this computer", "undo of terminal", …).
    Q_INVOKABLE static QString writerText(const QString &actor);

Q_SIGNALS:
    void applianceChanged();
    void limitChanged();
    void journalDirChanged();
    void countChanged();
    void loadingChanged();
    void summaryChanged();
    /// A reload finished (the rows and summary are current).
    void loaded();

private:
    struct Result
    {
        QList<StoreJournal::Change> changes;
        StoreJournal::Summary summary;
    };
    void finished();

    QString m_appliance;
    QString m_journalDir;
    int m_limit = 500;
    bool m_loading = false;
    bool m_again = false; // a reload was asked for while one ran
    QList<StoreJournal::Change> m_changes;
    StoreJournal::Summary m_summary;
    QFutureWatcher<Result> m_watcher;
    QTimer m_follow; // collects the recorder's bursts into one reload
};
