#include "networkjournal.h"

#include "gatewaylog.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr int CoalesceMs = 1000;

QString limitName(NetworkJournal::Limit limit)
{
    return limit == NetworkJournal::Limit::Opens ? QStringLiteral("opens") : QStringLiteral("lookups");
}

} // namespace

NetworkJournal::NetworkJournal(const QString &logDir, qint64 maxLogBytes, QObject *parent)
    : QObject(parent)
    , m_logDir(logDir)
    , m_maxLogBytes(maxLogBytes)
{
    for (int i = 0; i < 2; ++i) {
        m_coalesced[i].timer.setSingleShot(true);
        m_coalesced[i].timer.setInterval(CoalesceMs);
        connect(&m_coalesced[i].timer, &QTimer::timeout, this, [this, i] { endCoalescing(Limit(i)); });
    }
    if (logDir.isEmpty())
        return;
    QDir().mkpath(logDir);
    openLog(false);
    m_countersPath = logDir + QStringLiteral("/network-counters.json");
    m_countersTimer.setInterval(1000);
    m_countersTimer.setSingleShot(true);
    connect(&m_countersTimer, &QTimer::timeout, this, &NetworkJournal::flushCounters);
}

NetworkJournal::~NetworkJournal()
{
    for (int i = 0; i < 2; ++i)
        endCoalescing(Limit(i));
    flushCounters();
}

bool NetworkJournal::openLog(bool fresh)
{
    // Never through a link planted in its place; a fresh log (after a rotation) is ours alone.
    const QByteArray path = QFile::encodeName(logPath(m_logDir));
    const int fd = ::open(path.constData(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (fresh ? O_EXCL : 0), 0600);
    struct stat status {};
    if (fd < 0 || ::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
        qCWarning(lcGateway) << "cannot write" << path << std::strerror(errno);
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    // Unbuffered: each line is one write(2) to an O_APPEND file, whole or not at all.
    if (!m_log.open(fd, QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return false;
    }
    m_logBytes = status.st_size;
    return true;
}

void NetworkJournal::rotate()
{
    m_log.close();
    const QByteArray current = QFile::encodeName(logPath(m_logDir));
    const QByteArray previous = QFile::encodeName(previousLogPath(m_logDir));
    // rename(2) replaces the previous one atomically: a reader sees one file or the other.
    if (std::rename(current.constData(), previous.constData()) != 0)
        qCWarning(lcGateway) << "cannot rotate" << current << std::strerror(errno);
    if (!openLog(true))
        openLog(false);
}

void NetworkJournal::append(QJsonObject line)
{
    line.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!m_log.isOpen())
        return;
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    if (m_logBytes > 0 && m_logBytes + bytes.size() > m_maxLogBytes)
        rotate();
    if (m_log.isOpen() && m_log.write(bytes) == bytes.size())
        m_logBytes += bytes.size();
}

void NetworkJournal::counted()
{
    m_dirty = true;
    if (!m_countersTimer.isActive())
        m_countersTimer.start();
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
    counted();
}

void NetworkJournal::rateLimited(Limit limit, quint32 stream, const QString &host, quint16 port, const QString &reason)
{
    ++m_denied;
    counted();
    Coalesced &coalesced = m_coalesced[int(limit)];
    if (coalesced.timer.isActive()) {
        ++coalesced.more;
        coalesced.host = host;
        coalesced.port = port;
        coalesced.reason = reason;
        return;
    }
    append({{QStringLiteral("event"), QStringLiteral("denied")},
            {QStringLiteral("stream"), qint64(stream)},
            {QStringLiteral("host"), host},
            {QStringLiteral("port"), port},
            {QStringLiteral("rule"), -1},
            {QStringLiteral("limit"), limitName(limit)},
            {QStringLiteral("reason"), reason}});
    coalesced.timer.start();
}

void NetworkJournal::endCoalescing(Limit limit)
{
    Coalesced &coalesced = m_coalesced[int(limit)];
    coalesced.timer.stop();
    if (coalesced.more == 0)
        return;
    append({{QStringLiteral("event"), QStringLiteral("denied")},
            {QStringLiteral("host"), coalesced.host},
            {QStringLiteral("port"), coalesced.port},
            {QStringLiteral("rule"), -1},
            {QStringLiteral("limit"), limitName(limit)},
            {QStringLiteral("refused"), coalesced.more},
            {QStringLiteral("reason"), QStringLiteral("%1 more refused within a second: %2").arg(coalesced.more).arg(coalesced.reason)}});
    coalesced.more = 0;
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
    counted();
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
