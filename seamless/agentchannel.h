#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

struct _SpiceChannel;
class AgentMessage;

/// Host side of the guest agent protocol (docs/agent-protocol.md) on the
/// SPICE port channel "org.tessera.agent.0".
///
/// Everything received is untrusted: frames are checked by AgentFrameDecoder,
/// field contents here. Any violation emits protocolError() and drops the
/// port until SpiceConnection connects anew.
class AgentChannel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by SpiceConnection")
    /// The guest side of the port is open (the agent is listening).
    Q_PROPERTY(bool open READ isOpen NOTIFY openChanged)
    /// The SPICE server announced the agent port on this connection.
    Q_PROPERTY(bool announced READ isAnnounced NOTIFY announcedChanged)
    /// Last SessionState from the guest: "", "up" or "down".
    Q_PROPERTY(QString sessionState READ sessionState NOTIFY sessionStateChanged)
    /// Software name/version the guest sent in its Hello; empty before.
    Q_PROPERTY(QString peerSoftware READ peerSoftware NOTIFY peerSoftwareChanged)

public:
    ~AgentChannel() override;

    /// The SPICE port name the agent listens on.
    static QString portName();
    /// Software string sent in the host's Hello.
    static QString hostSoftware();

    bool isOpen() const;
    bool isAnnounced() const;
    QString sessionState() const;
    QString peerSoftware() const;

    /// Sends a Ping and returns its token (never 0); pong() reports it.
    /// Returns 0 when the port is not open.
    Q_INVOKABLE quint32 ping();
    /// Asks the guest to run @p argv (no shell). Returns the request id that
    /// execFinished() reports, or 0 when the port is not open, argv is empty
    /// or too large for one message.
    Q_INVOKABLE quint32 exec(const QStringList &argv);
    /// Asks the guest to sync and power off.
    Q_INVOKABLE void requestShutdown();

signals:
    /// isOpen() changed.
    void openChanged();
    /// isAnnounced() changed.
    void announcedChanged();
    /// The guest said Hello with a protocol version this host speaks; the
    /// host has answered with its own Hello.
    void helloReceived(int protocolVersion, const QString &software);
    /// sessionState() changed.
    void sessionStateChanged();
    /// peerSoftware() changed.
    void peerSoftwareChanged();
    /// The guest answered the Ping with @p token after @p roundTripMs.
    void pong(quint32 token, double roundTripMs);
    /// The guest finished the Exec @p requestId. @p exitStatus is -1 when the
    /// command could not run; @p output is stdout+stderr, at most 16 KiB.
    void execFinished(quint32 requestId, int exitStatus, const QByteArray &output);
    /// The guest broke the protocol; the port is dropped right afterwards
    /// and nothing more is read from it on this connection.
    void protocolError(const QString &message);

private:
    friend class SpiceConnection;
    friend class tst_AgentChannel;
    using Writer = std::function<bool(const QByteArray &)>;

    explicit AgentChannel(QObject *parent = nullptr);

    // SPICE glue, used by SpiceConnection.
    void attachPort(_SpiceChannel *port);
    void detachPort();
    _SpiceChannel *port() const;

    // Transport-independent protocol core (also driven by tests).
    void setTransport(Writer writer, std::function<void()> dropper);
    void handlePortOpened(bool opened);
    void handleIncoming(const char *data, qsizetype size);
    void handleMessage(const AgentMessage &message);
    bool send(const AgentMessage &message);
    void fail(const QString &message);
    void setAnnounced(bool announced);

    struct Private;
    std::unique_ptr<Private> d;
};
