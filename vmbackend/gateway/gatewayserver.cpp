#include "gatewayserver.h"

#include "gatewaylog.h"

#include <QHostInfo>
#include <QLocalSocket>
#include <QNetworkInterface>
#include <QTcpSocket>
#include <QtEndian>

#include <sys/socket.h>

#include <algorithm>

namespace {

enum RefusalReason : quint8 { Denied = 1, NotResolved = 2, ConnectFailed = 3, TooManyStreams = 4, RateLimited = 5 };
constexpr qint64 SocketBacklog = 64 * 1024;
constexpr qint64 MaxGrantedWindow = 64 * 1024 * 1024;

} // namespace

GatewayServer::GatewayServer(const GatewayPolicy &policy, QObject *parent)
    : QObject(parent)
    , m_policy(policy)
    , m_ownAddresses(QNetworkInterface::allAddresses())
    , m_journal(policy.logDir, policy.maxLogBytes)
{
    m_clock.start();
    m_outgoing = TokenBucket(policy.outgoingAverage, policy.outgoingBurst, nowNs());
    m_incoming = TokenBucket(policy.incomingAverage, policy.incomingBurst, nowNs());
    // Counted in events, not bytes: no frame-sized minimum.
    m_opens = TokenBucket(policy.opensPerSecond, policy.opensBurst, nowNs(), 1);
    m_lookups = TokenBucket(policy.lookupsPerSecond, policy.lookupsBurst, nowNs(), 1);
    m_pumpTimer.setSingleShot(true);
    m_pumpTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_pumpTimer, &QTimer::timeout, this, &GatewayServer::pump);
    connect(&m_server, &QLocalServer::newConnection, this, &GatewayServer::onNewConnection);
}

GatewayServer::~GatewayServer()
{
    if (m_link) // it is the server's child: no signals into this half-destroyed object
        m_link->disconnect(this);
    resetStreams();
}

bool GatewayServer::listen(const QString &path)
{
    QLocalServer::removeServer(path);
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    return m_server.listen(path);
}

bool GatewayServer::listen(qintptr socketDescriptor)
{
    return m_server.listen(socketDescriptor);
}

void GatewayServer::onNewConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        if (m_link) { // QEMU holds one connection; nobody else gets one
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_link = socket;
        qCInfo(lcGateway) << "guest link connected";
        connect(socket, &QLocalSocket::readyRead, this, &GatewayServer::onLinkReadyRead);
        connect(socket, &QLocalSocket::bytesWritten, this, &GatewayServer::schedulePump);
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            qCInfo(lcGateway) << "guest link closed";
            resetStreams();
            socket->deleteLater();
            emit linkClosed();
        });
        emit linkOpened();
        // Waits in the socket until the guest connects (slirp reads only then).
        send(GatewayFrame::hello());
    }
}

void GatewayServer::onLinkReadyRead()
{
    while (m_link && m_link->bytesAvailable() > 0) {
        m_parser.feed(m_link->read(64 * 1024));
        GatewayFrame frame;
        while (m_link && m_parser.next(&frame))
            handleFrame(frame);
        if (m_parser.hasError()) {
            endLink(m_parser.error());
            return;
        }
    }
}

void GatewayServer::handleFrame(const GatewayFrame &frame)
{
    if (!m_guestGreeted && frame.type != GatewayFrame::Hello)
        return; // left over from before a restore or a proxy restart
    GatewayStream *stream = m_streams.value(frame.stream);
    switch (frame.type) {
    case GatewayFrame::Hello: {
        const quint16 version = qFromBigEndian<quint16>(frame.payload.constData() + 4);
        if (version != GatewayFrame::Version) {
            endLink(QStringLiteral("guest speaks protocol version %1, the gateway %2").arg(version).arg(GatewayFrame::Version));
            return;
        }
        if (m_guestGreeted) // the guest's proxy started anew: its streams are gone
            resetStreams();
        m_guestGreeted = true;
        // The guest's proxy is linked: from now on its requests reach the policy (tests wait on this line).
        qCInfo(lcGateway) << "guest proxy greeted";
        return;
    }
    case GatewayFrame::Open:
        handleOpen(frame);
        return;
    case GatewayFrame::Data:
        if (!stream || stream->guestClosed)
            return; // closed here while the guest was still sending
        if (stream->state != GatewayStream::State::Open) {
            endLink(QStringLiteral("data on stream %1 before it was opened").arg(frame.stream));
            return;
        }
        if (frame.payload.size() > stream->guestMaySend) {
            endLink(QStringLiteral("stream %1 sent beyond its window").arg(frame.stream));
            return;
        }
        stream->guestMaySend -= frame.payload.size();
        stream->pendingOut += frame.payload;
        schedulePump();
        return;
    case GatewayFrame::Close:
        if (!stream)
            return;
        if (stream->state != GatewayStream::State::Open) {
            closeStream(frame.stream, false);
            return;
        }
        stream->guestClosed = true;
        schedulePump();
        return;
    case GatewayFrame::Window:
        if (!stream)
            return;
        stream->mayReceive += qFromBigEndian<quint32>(frame.payload.constData());
        if (stream->mayReceive > MaxGrantedWindow) {
            endLink(QStringLiteral("stream %1 granted an unbounded window").arg(frame.stream));
            return;
        }
        schedulePump();
        return;
    default:
        endLink(QStringLiteral("the guest sent frame type %1, which only the gateway sends").arg(frame.type));
        return;
    }
}

void GatewayServer::handleOpen(const GatewayFrame &frame)
{
    const quint32 id = frame.stream;
    if (m_streams.contains(id)) {
        endLink(QStringLiteral("stream %1 opened twice").arg(id));
        return;
    }
    const quint16 port = qFromBigEndian<quint16>(frame.payload.constData());
    const QString host = QString::fromLatin1(frame.payload.mid(3));
    // Every open counts, allowed or not: what the guest can make the gateway do (and log) per
    // second is bounded.
    if (m_opens.available(nowNs()) < 1) {
        refuseRateLimited(NetworkJournal::Limit::Opens, id, host, port);
        return;
    }
    m_opens.take(1, nowNs());
    if (port == 0) {
        refuse(id, Denied, QStringLiteral("port 0"), host);
        return;
    }
    if (m_streams.size() >= MaxStreams) {
        m_journal.attempt(id, host, {}, port, false, -1, QStringLiteral("too many connections"));
        send(GatewayFrame::refused(id, TooManyStreams, "too many connections"));
        return;
    }
    auto *stream = new GatewayStream;
    stream->id = id;
    stream->host = host;
    stream->port = port;
    stream->since.start();
    m_streams.insert(id, stream);
    const QHostAddress literal(host);
    if (!m_policy.mayAllow(host, port)) {
        // A name no rule could allow is not even looked up: nothing of it leaves this machine.
        refuse(id, Denied, literal.isNull() ? QStringLiteral("no name rule and no `any` rule allows %1 port %2; the name was not looked up").arg(host).arg(port)
                                            : QStringLiteral("no rule allows %1 port %2").arg(host).arg(port));
        return;
    }
    if (!literal.isNull()) {
        connectStream(stream, {literal});
        return;
    }
    if (m_lookups.available(nowNs()) < 1) {
        closeStream(id, false);
        refuseRateLimited(NetworkJournal::Limit::Lookups, id, host, port);
        return;
    }
    m_lookups.take(1, nowNs());
    // Resolved here, not in the guest: the guest has no DNS, and the check needs the addresses.
    stream->lookupId = QHostInfo::lookupHost(host, this, [this, id](const QHostInfo &info) { onLookedUp(id, info); });
}

void GatewayServer::onLookedUp(quint32 id, const QHostInfo &info)
{
    GatewayStream *stream = m_streams.value(id);
    if (!stream || stream->lookupId != info.lookupId())
        return;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        m_journal.attempt(id, stream->host, {}, stream->port, false, -1, QStringLiteral("not resolved: ") + info.errorString());
        send(GatewayFrame::refused(id, NotResolved, info.errorString().toUtf8()));
        closeStream(id, false);
        return;
    }
    connectStream(stream, info.addresses());
}

void GatewayServer::connectStream(GatewayStream *stream, const QList<QHostAddress> &addresses)
{
    GatewayPolicy::Decision firstRefusal;
    QHostAddress chosen;
    for (const QHostAddress &address : addresses) {
        const GatewayPolicy::Decision decision = m_policy.decide(stream->host, address, stream->port, m_ownAddresses);
        if (decision.allowed) {
            chosen = address;
            stream->rule = decision.rule;
            break;
        }
        if (firstRefusal.reason.isEmpty())
            firstRefusal = decision;
    }
    if (chosen.isNull()) {
        refuse(stream->id, Denied, firstRefusal.reason, addresses.value(0).toString());
        return;
    }
    m_journal.attempt(stream->id, stream->host, chosen.toString(), stream->port, true, stream->rule, {});
    stream->state = GatewayStream::State::Connecting;
    auto *socket = new QTcpSocket(this);
    stream->socket = socket;
    // A small read buffer: past it the kernel's buffer fills and TCP slows the sender.
    socket->setReadBufferSize(SocketBacklog);
    const quint32 id = stream->id;
    connect(socket, &QTcpSocket::connected, this, [this, id] {
        GatewayStream *s = m_streams.value(id);
        if (!s)
            return;
        s->state = GatewayStream::State::Open;
        s->guestMaySend = GatewayFrame::InitialWindow;
        s->mayReceive = GatewayFrame::InitialWindow;
        s->since.restart();
        send(GatewayFrame::encode(GatewayFrame::Opened, id));
    });
    connect(socket, &QTcpSocket::readyRead, this, &GatewayServer::schedulePump);
    connect(socket, &QTcpSocket::bytesWritten, this, &GatewayServer::schedulePump);
    const auto gone = [this, id, socket] {
        GatewayStream *s = m_streams.value(id);
        if (!s || s->socket != socket)
            return;
        if (s->state != GatewayStream::State::Open) {
            send(GatewayFrame::refused(id, ConnectFailed, socket->errorString().toUtf8()));
            closeStream(id, false);
            return;
        }
        s->remoteClosed = true;
        schedulePump();
    };
    connect(socket, &QTcpSocket::disconnected, this, gone);
    connect(socket, &QTcpSocket::errorOccurred, this, gone);
    QTimer::singleShot(ConnectTimeoutMs, socket, [this, id] {
        GatewayStream *s = m_streams.value(id);
        if (s && s->state == GatewayStream::State::Connecting) {
            send(GatewayFrame::refused(id, ConnectFailed, "connection timed out"));
            closeStream(id, false);
        }
    });
    socket->connectToHost(chosen, stream->port);
}

void GatewayServer::refuse(quint32 id, quint8 reason, const QString &text, const QString &address)
{
    GatewayStream *stream = m_streams.value(id);
    m_journal.attempt(id, stream ? stream->host : address, address, stream ? stream->port : 0, false, -1, text);
    send(GatewayFrame::refused(id, reason, text.toUtf8()));
    closeStream(id, false);
}

void GatewayServer::refuseRateLimited(NetworkJournal::Limit limit, quint32 id, const QString &host, quint16 port)
{
    const bool opens = limit == NetworkJournal::Limit::Opens;
    const QString reason = opens ? QStringLiteral("rate limit: more than %1 connection attempts a second (at most %2 at once)")
                                       .arg(m_policy.opensPerSecond).arg(m_policy.opensBurst)
                                 : QStringLiteral("rate limit: more than %1 name look-ups a second (at most %2 at once)")
                                       .arg(m_policy.lookupsPerSecond).arg(m_policy.lookupsBurst);
    m_journal.rateLimited(limit, id, host, port, reason);
    send(GatewayFrame::refused(id, RateLimited, reason.toUtf8()));
}

void GatewayServer::closeStream(quint32 id, bool tellGuest)
{
    GatewayStream *stream = m_streams.take(id);
    if (!stream)
        return;
    if (tellGuest)
        send(GatewayFrame::encode(GatewayFrame::Close, id));
    if (stream->state == GatewayStream::State::Open)
        m_journal.closed(id, stream->host, stream->port, stream->rule, stream->bytesOut, stream->bytesIn, stream->since.elapsed());
    if (stream->socket) {
        stream->socket->disconnect(this);
        stream->socket->abort();
        stream->socket->deleteLater();
    }
    delete stream;
}

void GatewayServer::resetStreams()
{
    const QList<quint32> ids = m_streams.keys();
    for (quint32 id : ids)
        closeStream(id, false);
}

void GatewayServer::endLink(const QString &why)
{
    m_journal.linkError(why);
    resetStreams();
    if (m_link)
        m_link->abort();
}

void GatewayServer::send(const QByteArray &frame)
{
    if (m_link)
        m_link->write(frame);
}

void GatewayServer::schedulePump()
{
    if (!m_pumpTimer.isActive() || m_pumpTimer.remainingTime() > 0)
        m_pumpTimer.start(0);
}

void GatewayServer::pump()
{
    const qint64 now = nowNs();
    qint64 waitNs = -1;
    const auto waitFor = [&waitNs](qint64 ns) { waitNs = waitNs < 0 ? ns : std::min(waitNs, ns); };
    const QList<quint32> ids = m_streams.keys();
    for (quint32 id : ids) {
        GatewayStream *s = m_streams.value(id);
        if (!s || s->state != GatewayStream::State::Open)
            continue;
        // Guest → world, at the contract's outgoing rate.
        while (!s->pendingOut.isEmpty() && !s->remoteClosed && s->socket->bytesToWrite() < SocketBacklog) {
            const qint64 want = std::min<qint64>(s->pendingOut.size(), GatewayFrame::MaxPayload);
            const qint64 n = std::min(want, m_outgoing.available(now));
            if (n <= 0) {
                waitFor(m_outgoing.waitNs(want, now));
                break;
            }
            s->socket->write(s->pendingOut.constData(), n);
            s->pendingOut.remove(0, n);
            m_outgoing.take(n, now);
            s->bytesOut += n;
            m_journal.count(s->rule, n, 0);
            s->guestMaySend += n;
            send(GatewayFrame::window(id, quint32(n)));
        }
        if (s->remoteClosed)
            s->pendingOut.clear();
        if (s->guestClosed && !s->shutDown && s->pendingOut.isEmpty() && s->socket->bytesToWrite() == 0) {
            // Qt has no half-close: the guest finished sending, the world may still answer.
            ::shutdown(int(s->socket->socketDescriptor()), SHUT_WR);
            s->shutDown = true;
        }
        // World → guest, at the incoming rate, within the guest's window and the link's backlog.
        while (s->socket->bytesAvailable() > 0 && s->mayReceive > 0 && m_link && m_link->bytesToWrite() < MaxLinkBacklog) {
            const qint64 want = std::min<qint64>({s->socket->bytesAvailable(), s->mayReceive, GatewayFrame::MaxPayload});
            const qint64 n = std::min(want, m_incoming.available(now));
            if (n <= 0) {
                waitFor(m_incoming.waitNs(want, now));
                break;
            }
            const QByteArray data = s->socket->read(n);
            if (data.isEmpty())
                break;
            send(GatewayFrame::encode(GatewayFrame::Data, id, data));
            m_incoming.take(data.size(), now);
            s->mayReceive -= data.size();
            s->bytesIn += data.size();
            m_journal.count(s->rule, 0, data.size());
        }
        if (s->remoteClosed && s->socket->bytesAvailable() == 0)
            closeStream(id, true);
    }
    if (waitNs >= 0)
        m_pumpTimer.start(int(std::max<qint64>(1, (waitNs + 999999) / 1000000)));
}
