#pragma once

#include "storejournal.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QThread>

#include <functional>

class StoreAccessWatcher;
class StoreWriterIdentifier;

/// Keeps the personal store's history (StoreJournal) while the shell runs: watches the whole
/// store and records every change with who made it. The writer of a write is named by fanotify
/// when Tessera runs as root (the QEMU process of an appliance, or the host); renames (both
/// names), deletions, and every change without fanotify are attributed by mount: a change in a
/// folder that exactly one running appliance has mounted read-write is that appliance's, one
/// in no such folder the host's, the rest "unknown". Tessera's own writes (StoreFiles, known
/// to StoreOwnWrites) are recorded as Tessera's, never as an appliance's.
/// Changes made while the shell did not run are found by a scan at start ("unknown"); when
/// the kernel's event queue overflows, the whole store is walked again (rescanned()).
///
/// All file work runs on a thread of its own; results come back on the caller's thread.
class StoreRecorder : public QObject
{
    Q_OBJECT
public:
    StoreRecorder(const QString &journalDir, const QString &storeRoot, QObject *parent = nullptr);
    ~StoreRecorder() override;

    /// Opens the journal (finishing an interrupted undo), scans and starts watching; ready() or failed() follows.
    void start();
    /// @p appliance runs with @p folders (store-relative) mounted read-write; empty when it stopped.
    void setWritableFolders(const QString &appliance, const QStringList &folders);

    void planUndo(const QString &appliance, const QDateTime &since, QObject *context,
                  std::function<void(const QList<StoreJournal::UndoItem> &)> done);
    /// Plans the undo and keeps what the person chose (StoreJournal::choose): every file
    /// without a conflict, and the conflicts in @p takeEarlier with a kept copy.
    void chooseUndo(const QString &appliance, const QDateTime &since, const QStringList &takeEarlier, QObject *context,
                    std::function<void(const QList<StoreJournal::UndoItem> &plan, const QList<StoreJournal::UndoItem> &chosen)> done);
    /// Applies the undo; @p leftAsIs are the files changed since the plan, left as they are.
    void applyUndo(const QString &appliance, const QList<StoreJournal::UndoItem> &items, QObject *context,
                   std::function<void(bool ok, const QString &error, const QStringList &leftAsIs)> done);
    /// The changes recorded so far (a copy, fetched from the worker).
    void changes(QObject *context, std::function<void(const QList<StoreJournal::Change> &)> done);
    /// Test hook: StoreJournal::afterStep of the recorder's journal, called on its thread.
    void setAfterUndoStep(std::function<void(const char *step)> hook);

Q_SIGNALS:
    /// The journal is open and the store watched.
    void ready();
    /// A change was recorded.
    void recorded(const QString &path, const QString &actor);
    /// The journal could not be read or written; @p message says what to do.
    void failed(const QString &message);
    /// Events were lost to a queue overflow and the whole store was walked again.
    void rescanned();

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker;
};
