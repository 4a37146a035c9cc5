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
///
/// Bounded, because the guest decides how much happens: past maxLogBytes the log is renamed
/// to network.jsonl.1 (replacing the one before) and a new one begins, so at most twice
/// maxLogBytes are on disk; refusals for a rate limit are written at most twice a second per
/// limit (the first one, then how many more), however fast the guest asks.
class NetworkJournal : public QObject
{
    Q_OBJECT
public:
    /// What a guest ran into the limit of.
    enum class Limit { Opens, Lookups };

    explicit NetworkJournal(const QString &logDir, qint64 maxLogBytes, QObject *parent = nullptr);
    ~NetworkJournal() override;

    /// An attempt: allowed or denied by @p rule (-1: none) for @p reason.
    void attempt(quint32 stream, const QString &host, const QString &address, quint16 port, bool allowed, int rule,
                 const QString &reason);
    /// An attempt refused because the guest went past @p limit (@p reason says which and how
    /// much). Logged as a denied attempt, coalesced: the first of a second at once, the count
    /// of the others at the end of that second.
    void rateLimited(Limit limit, quint32 stream, const QString &host, quint16 port, const QString &reason);
    /// A stream that was connected closed after @p durationMs.
    void closed(quint32 stream, const QString &host, quint16 port, int rule, qint64 bytesOut, qint64 bytesIn,
                qint64 durationMs);
    /// Bytes that passed under @p rule (counted as they pass, for the counters file).
    void count(int rule, qint64 bytesOut, qint64 bytesIn);
    /// Something the guest did wrong on the link (a malformed frame, a version mismatch).
    void linkError(const QString &what);
    /// Writes the counters now if they changed.
    void flushCounters();

    /// LOGDIR/network.jsonl, and where it goes when rotated.
    static QString logPath(const QString &logDir) { return logDir + QStringLiteral("/network.jsonl"); }
    static QString previousLogPath(const QString &logDir) { return logPath(logDir) + QStringLiteral(".1"); }

private:
    struct Counters { qint64 bytesOut = 0; qint64 bytesIn = 0; qint64 connections = 0; };
    struct Coalesced
    {
        QTimer timer;       ///< runs while refusals of this limit are being counted
        qint64 more = 0;    ///< refused since the line that started this second
        QString host;       ///< the last of them, for the summary line
        quint16 port = 0;
        QString reason;
    };
    void append(QJsonObject line);
    bool openLog(bool fresh);
    void rotate();
    void endCoalescing(Limit limit);
    void counted();

    QString m_logDir;
    qint64 m_maxLogBytes;
    QFile m_log;
    qint64 m_logBytes = 0;
    QString m_countersPath;
    QHash<int, Counters> m_rules;
    qint64 m_denied = 0;
    bool m_dirty = false;
    QTimer m_countersTimer;
    Coalesced m_coalesced[2];
};
