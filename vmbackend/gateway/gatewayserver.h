#pragma once

#include "gatewayframeparser.h"
#include "gatewaypolicy.h"
#include "gatewaystream.h"
#include "networkjournal.h"
#include "tokenbucket.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QLocalServer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QHostInfo;
class QLocalSocket;

/// The egress gateway of one appliance (docs/gateway-protocol.md): accepts QEMU's guestfwd
/// connection on a unix socket, and for the multiplexed streams the guest opens over it,
/// checks the policy, resolves, connects, relays and rate-limits. Everything from the guest
/// is bounded: frame size, MaxStreams streams, a window of buffered bytes per stream, opens
/// and name look-ups per second (the policy's limits), and the size of its log.
class GatewayServer : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxStreams = 256;
    /// Gateway → guest bytes queued on the link before streams stop being read.
    static constexpr qint64 MaxLinkBacklog = 512 * 1024;
    static constexpr int ConnectTimeoutMs = 20000;

    explicit GatewayServer(const GatewayPolicy &policy, QObject *parent = nullptr);
    ~GatewayServer() override;

    /// Listens on @p path (replacing a stale socket file).
    bool listen(const QString &path);
    /// Serves on an already listening unix socket (bound by the launcher).
    bool listen(qintptr socketDescriptor);
    QString errorString() const { return m_server.errorString(); }
    /// Replaces this machine's addresses (tests; by default all interfaces' addresses).
    void setOwnAddresses(const QList<QHostAddress> &addresses) { m_ownAddresses = addresses; }
    int streamCount() const { return int(m_streams.size()); }

Q_SIGNALS:
    /// QEMU connected (it does when it starts).
    void linkOpened();
    /// QEMU's connection closed after it had connected: the gateway has nothing more to do.
    void linkClosed();

private:
    void onNewConnection();
    void onLinkReadyRead();
    void handleFrame(const GatewayFrame &frame);
    void handleOpen(const GatewayFrame &frame);
    void onLookedUp(quint32 id, const QHostInfo &info);
    void connectStream(GatewayStream *stream, const QList<QHostAddress> &addresses);
    void refuse(quint32 id, quint8 reason, const QString &text, const QString &address = {});
    /// Refuses stream @p id (not or no longer in m_streams) for going past @p limit.
    void refuseRateLimited(NetworkJournal::Limit limit, quint32 id, const QString &host, quint16 port);
    void closeStream(quint32 id, bool tellGuest);
    void resetStreams();
    void endLink(const QString &why);
    void schedulePump();
    void pump();
    void send(const QByteArray &frame);
    qint64 nowNs() const { return m_clock.nsecsElapsed(); }

    GatewayPolicy m_policy;
    QLocalServer m_server;
    QPointer<QLocalSocket> m_link;
    GatewayFrameParser m_parser;
    bool m_guestGreeted = false;
    QHash<quint32, GatewayStream *> m_streams;
    QList<QHostAddress> m_ownAddresses;
    NetworkJournal m_journal;
    QElapsedTimer m_clock;
    TokenBucket m_outgoing;
    TokenBucket m_incoming;
    TokenBucket m_opens;
    TokenBucket m_lookups;
    QTimer m_pumpTimer;
};
