#pragma once

#include <QImage>
#include <QObject>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

#include "windowtracker.h"

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
    /// The guest's top-level windows as the agent reports them (sanitised).
    Q_PROPERTY(WindowTracker *windows READ windows CONSTANT)

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
    /// Owned by this channel; cleared whenever the port closes or reopens.
    WindowTracker *windows() const;

    /// Sends a Ping and returns its token (never 0); pong() reports it.
    /// Returns 0 when the port is not open.
    Q_INVOKABLE quint32 ping();
    /// Asks the guest to run @p argv (no shell). Returns the request id that
    /// execFinished() reports, or 0 when the port is not open, argv is empty
    /// or too large for one message.
    Q_INVOKABLE quint32 exec(const QStringList &argv);
    /// Asks the guest to sync and power off.
    Q_INVOKABLE void requestShutdown();

    /// Minor protocol version of the guest's Hello (0 before, or for an old agent).
    int peerMinorVersion() const;
    /// The guest agent speaks the clipboard messages (protocol 1.1).
    bool supportsClipboard() const;
    /// Asks the guest for its clipboard text. Returns the request id that
    /// clipboardReceived() or clipboardRefused() reports, or 0 when the port
    /// is not open or the agent is too old.
    Q_INVOKABLE quint32 requestClipboard();
    /// Gives the guest @p text to own as its CLIPBOARD and PRIMARY selection.
    /// Returns the request id clipboardSetFinished() reports, or 0 when the
    /// port is not open, the agent is too old or @p text is over
    /// AgentMessage::MaxClipboardBytes bytes of UTF-8.
    Q_INVOKABLE quint32 setClipboard(const QString &text);

    /// Asks the agent to map (if minimised), raise and focus guest window @p id.
    /// These window requests return false when the port is not open or @p id
    /// is not a tracked window; the guest ignores windows gone meanwhile.
    Q_INVOKABLE bool focusWindow(quint32 id);
    /// Asks the agent to move and resize window @p id to @p geometry (guest pixels).
    Q_INVOKABLE bool moveResizeWindow(quint32 id, const QRect &geometry);
    /// Asks the app to close window @p id (WM_DELETE_WINDOW); with @p force
    /// the agent kills the client when the window does not support that.
    Q_INVOKABLE bool closeWindow(quint32 id, bool force = false);
    /// Asks the agent to unmap (minimise) window @p id; focusWindow() restores it.
    Q_INVOKABLE bool minimizeWindow(quint32 id);

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
    /// The guest answered clipboard read @p requestId with @p text (sanitised,
    /// see ClipboardReply).
    void clipboardReceived(quint32 requestId, const QString &text);
    /// The guest's clipboard could not be copied; @p reason is translated.
    void clipboardRefused(quint32 requestId, const QString &reason);
    /// The guest took (@p ok) or could not take the text of ClipboardSet @p requestId.
    void clipboardSetFinished(quint32 requestId, bool ok);
    /// Guest window @p windowId (a tracked window) has @p icon (ARGB32, at
    /// most AgentMessage::MaxIconSide on each side; null: no icon any more).
    /// Icons out of bounds are refused and logged, never emitted.
    void windowIconChanged(quint32 windowId, const QImage &icon);
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
