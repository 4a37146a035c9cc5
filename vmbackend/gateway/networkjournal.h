#pragma once

#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

/// The gateway's record for the breach monitor and for people: every connection attempt
/// and every close as one JSON line appended to LOGDIR/network.jsonl (flushed per line),
/// and per-rule counters rewritten atomically to LOGDIR/network-counters.json at most once
/// a second while they change.
class NetworkJournal : public QObject
{
    Q_OBJECT
public:
    explicit NetworkJournal(const QString &logDir, QObject *parent = nullptr);
    ~NetworkJournal() override;

    /// An attempt: allowed or denied by @p rule (-1: none) for @p reason.
    void attempt(quint32 stream, const QString &host, const QString &address, quint16 port, bool allowed, int rule,
                 const QString &reason);
    /// A stream that was connected closed after @p durationMs.
    void closed(quint32 stream, const QString &host, quint16 port, int rule, qint64 bytesOut, qint64 bytesIn,
                qint64 durationMs);
    /// Bytes that passed under @p rule (counted as they pass, for the counters file).
    void count(int rule, qint64 bytesOut, qint64 bytesIn);
    /// Something the guest did wrong on the link (a malformed frame, a version mismatch).
    void linkError(const QString &what);
    /// Writes the counters now if they changed.
    void flushCounters();

private:
    void append(QJsonObject line);

    struct Counters { qint64 bytesOut = 0; qint64 bytesIn = 0; qint64 connections = 0; };
    QFile m_log;
    QString m_countersPath;
    QHash<int, Counters> m_rules;
    qint64 m_denied = 0;
    bool m_dirty = false;
    QTimer m_countersTimer;
};
