#pragma once

#include <QObject>
#include <QQmlEngine>

class StoreRecorder;

/// The personal store's history for the shell: records who changes what in the store while
/// the shell runs (StoreRecorder), and offers "undo what this appliance changed since…".
/// One per shell process, started by main(); absent (instance() null) in tools and tests
/// that do not start it.
class StoreHistory : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool recording READ isRecording NOTIFY recordingChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY recordingChanged)
public:
    explicit StoreHistory(const QString &journalDir, const QString &storeRoot, QObject *parent = nullptr);
    ~StoreHistory() override;

    static StoreHistory *instance();
    static StoreHistory *create(QQmlEngine *, QJSEngine *);

    StoreRecorder *recorder() const { return m_recorder; }
    bool isRecording() const { return m_recording; }
    QString problem() const { return m_problem; }

    /// Undoes what @p appliance changed in the store since @p sinceIso (ISO 8601), leaving
    /// files someone else changed later as they are — except those in @p takeEarlier, which
    /// get their earlier content back while the current one is kept as a copy
    /// "name (kept YYYY-MM-DD HH.MM).ext" beside them; undone() follows.
    Q_INVOKABLE void undoSince(const QString &appliance, const QString &sinceIso, const QStringList &takeEarlier = {});
    /// What undoSince() would do, without changing anything; undoPreviewed() follows.
    Q_INVOKABLE void previewUndo(const QString &appliance, const QString &sinceIso);

Q_SIGNALS:
    void recordingChanged();
    /// undoSince() finished: @p files restored, @p conflicts left as they are; @p error when it failed.
    void undone(const QString &appliance, int files, int conflicts, const QString &error);
    /// previewUndo() finished: @p items are maps {path, restores (false: the file is removed,
    /// the appliance created it), conflict, laterWriters (in words)}; @p error when @p sinceIso
    /// is not a time or the history is not kept.
    void undoPreviewed(const QString &appliance, const QString &sinceIso, const QVariantList &items, const QString &error);

private:
    StoreRecorder *m_recorder;
    bool m_recording = false;
    QString m_problem;
};
