#include "networkjournal.h"

#include "gatewaylog.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

NetworkJournal::NetworkJournal(const QString &logDir, QObject *parent)
    : QObject(parent)
{
    if (logDir.isEmpty())
        return;
    QDir().mkpath(logDir);
    m_log.setFileName(logDir + QStringLiteral("/network.jsonl"));
    if (!m_log.open(QIODevice::WriteOnly | QIODevice::Append))
        qCWarning(lcGateway) << "cannot write" << m_log.fileName() << m_log.errorString();
    m_countersPath = logDir + QStringLiteral("/network-counters.json");
    m_countersTimer.setInterval(1000);
    m_countersTimer.setSingleShot(true);
    connect(&m_countersTimer, &QTimer::timeout, this, &NetworkJournal::flushCounters);
}

NetworkJournal::~NetworkJournal()
{
    flushCounters();
}

void NetworkJournal::append(QJsonObject line)
{
    line.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!m_log.isOpen())
        return;
    m_log.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    m_log.flush();
}

void NetworkJournal::attempt(quint32 stream, const QString &host, const QString &address, quint16 port, bool allowed,
                             int rule, const QString &reason)
{
    QJsonObject line{{QStringLiteral("event"), allowed ? QStringLiteral("allowed") : QStringLiteral("denied")},
                     {QStringLiteral("stream"), qint64(stream)},
                     {QStringLiteral("host"), host},
                     {QStringLiteral("port"), port},
                     {QStringLiteral("rule"), rule}};
    if (!address.isEmpty())
        line.insert(QStringLiteral("address"), address);
    if (!reason.isEmpty())
        line.insert(QStringLiteral("reason"), reason);
    append(line);
    if (allowed)
        ++m_rules[rule].connections;
    else
        ++m_denied;
    m_dirty = true;
    if (!m_countersTimer.isActive())
        m_countersTimer.start();
}

void NetworkJournal::closed(quint32 stream, const QString &host, quint16 port, int rule, qint64 bytesOut, qint64 bytesIn,
                            qint64 durationMs)
{
    append({{QStringLiteral("event"), QStringLiteral("closed")},
            {QStringLiteral("stream"), qint64(stream)},
            {QStringLiteral("host"), host},
            {QStringLiteral("port"), port},
            {QStringLiteral("rule"), rule},
            {QStringLiteral("bytesOut"), bytesOut},
            {QStringLiteral("bytesIn"), bytesIn},
            {QStringLiteral("durationMs"), durationMs}});
}

void NetworkJournal::count(int rule, qint64 bytesOut, qint64 bytesIn)
{
    Counters &counters = m_rules[rule];
    counters.bytesOut += bytesOut;
    counters.bytesIn += bytesIn;
    m_dirty = true;
    if (!m_countersTimer.isActive())
        m_countersTimer.start();
}

void NetworkJournal::linkError(const QString &what)
{
    qCWarning(lcGateway) << "guest link:" << what;
    append({{QStringLiteral("event"), QStringLiteral("linkError")}, {QStringLiteral("reason"), what}});
}

void NetworkJournal::flushCounters()
{
    if (!m_dirty || m_countersPath.isEmpty())
        return;
    m_dirty = false;
    QJsonArray rules;
    for (auto it = m_rules.cbegin(); it != m_rules.cend(); ++it)
        rules.append(QJsonObject{{QStringLiteral("rule"), it.key()},
                                 {QStringLiteral("bytesOut"), it->bytesOut},
                                 {QStringLiteral("bytesIn"), it->bytesIn},
                                 {QStringLiteral("connections"), it->connections}});
    QSaveFile file(m_countersPath);
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("rules"), rules},
                                         {QStringLiteral("denied"), m_denied},
                                         {QStringLiteral("updated"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}})
                   .toJson());
    if (!file.commit())
        qCWarning(lcGateway) << "cannot write" << m_countersPath << file.errorString();
}
