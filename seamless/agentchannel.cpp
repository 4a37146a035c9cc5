#include "agentchannel.h"

#include "agentframedecoder.h"
#include "agentmessage.h"
#include "clipboardreply.h"
#include "guesticon.h"
#include "gobjectsignals.h"
#include "seamlesslogging.h"
#include "windowtracker.h"

#include "spiceglib.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringDecoder>
#include <QThread>

#include <map>

namespace {
// Bounds on bookkeeping for requests the guest may never answer.
constexpr std::size_t MaxPendingRequests = 256;
constexpr int MaxSoftwareLength = 128;

template<typename Map>
void evictOldest(Map &map)
{
    while (map.size() > MaxPendingRequests)
        map.erase(map.begin());
}
} // namespace

struct AgentChannel::Private
{
    AgentChannel *q = nullptr;

    SpicePortChannel *port = nullptr;
    GObjectSignals gsignals;

    Writer writer;
    std::function<void()> dropper;
    AgentFrameDecoder decoder;

    bool announced = false;
    bool open = false;
    bool helloSeen = false;
    bool helloSent = false;
    bool failed = false;
    QString sessionState;
    QString peerSoftware;
    WindowTracker *windows = nullptr;

    quint32 nextToken = 1;
    quint32 nextRequestId = 1;
    std::map<quint32, QElapsedTimer> pendingPings;
    std::map<quint32, bool> pendingExecs;
    std::map<quint32, bool> pendingClipboard; // requests: true for a read, false for a set
    int peerMinor = 0;

    static quint32 takeId(quint32 &counter)
    {
        if (counter == 0)
            counter = 1;
        return counter++;
    }

    void resetSession();

    static void onPortData(SpicePortChannel *port, gpointer data, gint size, gpointer self);
    static void onPortOpenedNotify(GObject *object, GParamSpec *pspec, gpointer self);
    static void onChannelEvent(SpiceChannel *channel, SpiceChannelEvent event, gpointer self);
    static void onWriteDone(GObject *source, GAsyncResult *result, gpointer data);
};

// Clears what belongs to one opening of the port and notifies the changes.
void AgentChannel::Private::resetSession()
{
    decoder.reset();
    helloSeen = false;
    helloSent = false;
    pendingPings.clear();
    pendingExecs.clear();
    pendingClipboard.clear();
    peerMinor = 0;
    windows->clear();
    if (!sessionState.isEmpty()) {
        sessionState.clear();
        emit q->sessionStateChanged();
    }
    if (!peerSoftware.isEmpty()) {
        peerSoftware.clear();
        emit q->peerSoftwareChanged();
    }
}

void AgentChannel::Private::onPortData(SpicePortChannel *, gpointer data, gint size, gpointer self)
{
    auto *q = static_cast<AgentChannel *>(self);
    Q_ASSERT(QThread::currentThread() == q->thread());
    if (data && size > 0)
        q->handleIncoming(static_cast<const char *>(data), size);
}

void AgentChannel::Private::onPortOpenedNotify(GObject *object, GParamSpec *, gpointer self)
{
    auto *q = static_cast<AgentChannel *>(self);
    Q_ASSERT(QThread::currentThread() == q->thread());
    gboolean opened = FALSE;
    g_object_get(object, "port-opened", &opened, nullptr);
    q->handlePortOpened(opened);
}

void AgentChannel::Private::onChannelEvent(SpiceChannel *, SpiceChannelEvent event, gpointer self)
{
    auto *q = static_cast<AgentChannel *>(self);
    Q_ASSERT(QThread::currentThread() == q->thread());
    // A channel reset clears "port-opened" without notifying it.
    if (event != SPICE_CHANNEL_OPENED)
        q->handlePortOpened(false);
}

void AgentChannel::Private::onWriteDone(GObject *source, GAsyncResult *result, gpointer data)
{
    // Owns the bytes spice-glib sent by reference; runs even if the
    // AgentChannel is gone, so it must not touch it.
    std::unique_ptr<QByteArray> bytes(static_cast<QByteArray *>(data));
    GError *error = nullptr;
    spice_port_channel_write_finish(SPICE_PORT_CHANNEL(source), result, &error);
    if (error) {
        qCWarning(lcSeamless) << "agent port write failed:" << error->message;
        g_error_free(error);
    }
}

AgentChannel::AgentChannel(QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->windows = new WindowTracker(this);
}

AgentChannel::~AgentChannel()
{
    d->gsignals.disconnectAll();
    if (d->port)
        g_object_unref(d->port);
}

QString AgentChannel::portName()
{
    return QStringLiteral("org.tessera.agent.0");
}

QString AgentChannel::hostSoftware()
{
    const QString version = QCoreApplication::applicationVersion();
    return QStringLiteral("tessera-shell/") + (version.isEmpty() ? QStringLiteral("0") : version);
}

bool AgentChannel::isOpen() const
{
    return d->open;
}

bool AgentChannel::isAnnounced() const
{
    return d->announced;
}

QString AgentChannel::sessionState() const
{
    return d->sessionState;
}

QString AgentChannel::peerSoftware() const
{
    return d->peerSoftware;
}

quint32 AgentChannel::ping()
{
    if (!d->open || d->failed)
        return 0;
    const quint32 token = Private::takeId(d->nextToken);
    QElapsedTimer timer;
    timer.start();
    d->pendingPings[token] = timer;
    evictOldest(d->pendingPings);
    if (!send(AgentMessage::ping(token))) {
        d->pendingPings.erase(token);
        return 0;
    }
    return token;
}

quint32 AgentChannel::exec(const QStringList &argv)
{
    if (!d->open || d->failed || argv.isEmpty())
        return 0;
    const quint32 id = Private::takeId(d->nextRequestId);
    const AgentMessage message = AgentMessage::exec(id, argv);
    if (!message.isEncodable()) {
        qCWarning(lcSeamless) << "exec: command line too large for one agent message:" << argv.first().left(64);
        return 0;
    }
    d->pendingExecs[id] = true;
    evictOldest(d->pendingExecs);
    if (!send(message)) {
        d->pendingExecs.erase(id);
        return 0;
    }
    return id;
}

void AgentChannel::requestShutdown()
{
    send(AgentMessage::shutdown());
}

int AgentChannel::peerMinorVersion() const
{
    return d->peerMinor;
}

bool AgentChannel::supportsClipboard() const
{
    return d->helloSeen && d->peerMinor >= 1;
}

quint32 AgentChannel::requestClipboard()
{
    if (!d->open || d->failed || !supportsClipboard())
        return 0;
    const quint32 id = Private::takeId(d->nextRequestId);
    d->pendingClipboard[id] = true;
    evictOldest(d->pendingClipboard);
    if (!send(AgentMessage::clipboardRequest(id))) {
        d->pendingClipboard.erase(id);
        return 0;
    }
    return id;
}

quint32 AgentChannel::setClipboard(const QString &text)
{
    if (!d->open || d->failed || !supportsClipboard() || text.toUtf8().size() > AgentMessage::MaxClipboardBytes)
        return 0;
    const quint32 id = Private::takeId(d->nextRequestId);
    d->pendingClipboard[id] = false;
    evictOldest(d->pendingClipboard);
    if (!send(AgentMessage::clipboardSet(id, text))) {
        d->pendingClipboard.erase(id);
        return 0;
    }
    return id;
}

WindowTracker *AgentChannel::windows() const
{
    return d->windows;
}

bool AgentChannel::focusWindow(quint32 id)
{
    return d->windows->contains(id) && send(AgentMessage::windowFocus(id));
}

bool AgentChannel::moveResizeWindow(quint32 id, const QRect &geometry)
{
    return d->windows->contains(id) && send(AgentMessage::windowMoveResize(id, geometry));
}

bool AgentChannel::closeWindow(quint32 id, bool force)
{
    return d->windows->contains(id) && send(AgentMessage::windowClose(id, force));
}

bool AgentChannel::minimizeWindow(quint32 id)
{
    return d->windows->contains(id) && send(AgentMessage::windowMinimize(id));
}

void AgentChannel::attachPort(_SpiceChannel *channel)
{
    if (d->port == SPICE_PORT_CHANNEL(channel))
        return;
    detachPort();
    d->port = SPICE_PORT_CHANNEL(g_object_ref(channel));
    d->gsignals.connect(d->port, "port-data", G_CALLBACK(&Private::onPortData), this);
    d->gsignals.connect(d->port, "notify::port-opened", G_CALLBACK(&Private::onPortOpenedNotify), this);
    d->gsignals.connect(d->port, "channel-event", G_CALLBACK(&Private::onChannelEvent), this);

    setTransport(
        [this](const QByteArray &bytes) {
            if (!d->port)
                return false;
            // spice-glib sends the buffer by reference: it lives until onWriteDone.
            auto *copy = new QByteArray(bytes);
            spice_port_channel_write_async(d->port, copy->constData(), gsize(copy->size()), nullptr,
                                           &Private::onWriteDone, copy);
            return true;
        },
        [this] {
            if (d->port)
                spice_channel_disconnect(SPICE_CHANNEL(d->port), SPICE_CHANNEL_CLOSED);
        });
    setAnnounced(true);
    qCDebug(lcSeamless) << "agent port announced";

    gboolean opened = FALSE;
    g_object_get(d->port, "port-opened", &opened, nullptr);
    handlePortOpened(opened);
}

void AgentChannel::detachPort()
{
    d->gsignals.disconnectAll();
    if (d->port) {
        g_object_unref(d->port);
        d->port = nullptr;
    }
    setTransport({}, {});
    handlePortOpened(false);
    d->failed = false;
    setAnnounced(false);
}

_SpiceChannel *AgentChannel::port() const
{
    return d->port ? SPICE_CHANNEL(d->port) : nullptr;
}

void AgentChannel::setTransport(Writer writer, std::function<void()> dropper)
{
    d->writer = std::move(writer);
    d->dropper = std::move(dropper);
}

void AgentChannel::setAnnounced(bool announced)
{
    if (d->announced == announced)
        return;
    d->announced = announced;
    emit announcedChanged();
}

void AgentChannel::handlePortOpened(bool opened)
{
    if (opened && d->failed)
        return;
    if (d->open == opened)
        return;
    d->open = opened;
    // The guest (re)sends Hello each time it opens the port: start afresh.
    d->resetSession();
    qCDebug(lcSeamless) << "agent port" << (opened ? "opened" : "closed");
    // The host greets first too: an agent restored from a memory image saved while another
    // host was connected believes that host is still there, and greets again on this Hello.
    if (opened)
        d->helloSent = send(AgentMessage::hello(hostSoftware()));
    emit openChanged();
}

void AgentChannel::handleIncoming(const char *data, qsizetype size)
{
    if (d->failed)
        return;
    const bool ok = d->decoder.feed(QByteArrayView(data, size));
    const QList<AgentMessage> messages = d->decoder.takeMessages();
    for (const AgentMessage &message : messages) {
        handleMessage(message);
        if (d->failed)
            return;
    }
    if (!ok)
        fail(tr("The guest agent sent malformed data: %1").arg(d->decoder.errorString()));
}

void AgentChannel::handleMessage(const AgentMessage &message)
{
    if (d->failed)
        return;
    if (!d->helloSeen && message.type() != AgentMessage::Hello) {
        // A restored agent may report changes before it greets this host: its Hello brings
        // the whole state again, so what comes before it is dropped, not trusted.
        qCDebug(lcSeamless) << "dropping agent message of type" << message.type() << "before Hello";
        return;
    }

    switch (message.type()) {
    case AgentMessage::Hello: {
        qint32 version = 0;
        if (message.fieldCount() < 2 || !AgentMessage::parseInt32(message.field(0), &version)) {
            fail(tr("The guest agent sent an invalid Hello."));
            return;
        }
        if (version != AgentMessage::ProtocolVersion) {
            fail(tr("The guest agent speaks protocol version %1; this host speaks version %2.")
                     .arg(version)
                     .arg(AgentMessage::ProtocolVersion));
            return;
        }
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString software = utf8(message.field(1));
        if (utf8.hasError()) {
            fail(tr("The guest agent sent a Hello that is not valid UTF-8."));
            return;
        }
        software.truncate(MaxSoftwareLength);
        for (QChar &c : software) {
            if (!c.isPrint())
                c = QLatin1Char('?');
        }
        // The minor version is optional (absent from 1.0 agents); junk there counts as 0.
        quint32 minor = 0;
        if (message.fieldCount() >= 3 && AgentMessage::parseUInt32(message.field(2), &minor))
            d->peerMinor = int(qMin<quint32>(minor, 1000));
        d->helloSeen = true;
        // Answer once per opening: a second host Hello makes the agent greet again.
        if (!d->helloSent)
            d->helloSent = send(AgentMessage::hello(hostSoftware()));
        if (d->peerSoftware != software) {
            d->peerSoftware = software;
            emit peerSoftwareChanged();
        }
        qCInfo(lcSeamless) << "guest agent says hello:" << software;
        emit helloReceived(version, software);
        return;
    }
    case AgentMessage::SessionState: {
        const QByteArray state = message.field(0);
        if (message.fieldCount() < 1 || (state != "up" && state != "down")) {
            fail(tr("The guest agent sent an invalid session state."));
            return;
        }
        const QString value = QString::fromLatin1(state);
        if (d->sessionState != value) {
            d->sessionState = value;
            emit sessionStateChanged();
        }
        return;
    }
    case AgentMessage::Pong: {
        quint32 token = 0;
        if (message.fieldCount() < 1 || !AgentMessage::parseUInt32(message.field(0), &token)) {
            fail(tr("The guest agent sent an invalid Pong."));
            return;
        }
        const auto it = d->pendingPings.find(token);
        if (it == d->pendingPings.end()) {
            qCDebug(lcSeamless) << "ignoring Pong for unknown token" << token;
            return;
        }
        const double ms = double(it->second.nsecsElapsed()) / 1e6;
        d->pendingPings.erase(it);
        emit pong(token, ms);
        return;
    }
    case AgentMessage::ExecResult: {
        quint32 id = 0;
        qint32 status = 0;
        if (message.fieldCount() < 3 || !AgentMessage::parseUInt32(message.field(0), &id)
            || !AgentMessage::parseInt32(message.field(1), &status)) {
            fail(tr("The guest agent sent an invalid Exec result."));
            return;
        }
        const QByteArray output = message.field(2);
        if (output.size() > AgentMessage::MaxExecOutput) {
            fail(tr("The guest agent sent %1 bytes of Exec output; the limit is %2.")
                     .arg(output.size())
                     .arg(AgentMessage::MaxExecOutput));
            return;
        }
        if (d->pendingExecs.erase(id) == 0) {
            qCDebug(lcSeamless) << "ignoring ExecResult for unknown request" << id;
            return;
        }
        emit execFinished(id, status, output);
        return;
    }
    case AgentMessage::ClipboardData: {
        ClipboardReply reply;
        QString error;
        if (!ClipboardReply::parse(message, &reply, &error)) {
            fail(error);
            return;
        }
        const auto it = d->pendingClipboard.find(reply.requestId());
        if (it == d->pendingClipboard.end() || !it->second) {
            qCDebug(lcSeamless) << "ignoring clipboard data for unknown request" << reply.requestId();
            return;
        }
        d->pendingClipboard.erase(it);
        if (reply.status() == ClipboardReply::Ok)
            emit clipboardReceived(reply.requestId(), reply.text());
        else
            emit clipboardRefused(reply.requestId(), reply.reason());
        return;
    }
    case AgentMessage::ClipboardSetResult: {
        quint32 id = 0;
        const QByteArray status = message.field(1);
        if (message.fieldCount() < 2 || !AgentMessage::parseUInt32(message.field(0), &id)
            || (status != "ok" && status != "error")) {
            fail(tr("The guest agent sent an invalid clipboard result."));
            return;
        }
        const auto it = d->pendingClipboard.find(id);
        if (it == d->pendingClipboard.end() || it->second) {
            qCDebug(lcSeamless) << "ignoring clipboard result for unknown request" << id;
            return;
        }
        d->pendingClipboard.erase(it);
        emit clipboardSetFinished(id, status == "ok");
        return;
    }
    case AgentMessage::WindowUpdate:
    case AgentMessage::WindowRemoved:
    case AgentMessage::WindowStack: {
        QString error;
        if (!d->windows->handleMessage(message, &error))
            fail(error);
        return;
    }
    case AgentMessage::WindowIcon: {
        GuestIcon icon;
        QString error;
        switch (GuestIcon::parse(message, &icon, &error)) {
        case GuestIcon::Malformed:
            fail(error);
            return;
        case GuestIcon::Refused:
            // Out of bounds but well-framed: the icon is not shown, the port stays up.
            qCWarning(lcSeamless).noquote() << "refusing guest window icon:" << error;
            return;
        case GuestIcon::Accepted:
            break;
        }
        if (!d->windows->contains(icon.windowId())) {
            qCDebug(lcSeamless) << "ignoring icon for unknown window" << icon.windowId();
            return;
        }
        emit windowIconChanged(icon.windowId(), icon.image());
        return;
    }
    case AgentMessage::Ping:
    case AgentMessage::Exec:
    case AgentMessage::Shutdown:
    case AgentMessage::ClipboardRequest:
    case AgentMessage::ClipboardSet:
    case AgentMessage::WindowFocus:
    case AgentMessage::WindowMoveResize:
    case AgentMessage::WindowClose:
    case AgentMessage::WindowMinimize:
        fail(tr("The guest agent sent a message only the host may send (type %1).").arg(message.type()));
        return;
    default:
        // Room for later additions of the same protocol version.
        qCDebug(lcSeamless) << "ignoring agent message of unknown type" << message.type();
        return;
    }
}

bool AgentChannel::send(const AgentMessage &message)
{
    if (!d->open || d->failed || !d->writer)
        return false;
    const QByteArray bytes = message.encode();
    if (bytes.isEmpty())
        return false;
    return d->writer(bytes);
}

void AgentChannel::fail(const QString &message)
{
    if (d->failed)
        return;
    d->failed = true;
    qCWarning(lcSeamless).noquote() << "agent protocol error:" << message;
    emit protocolError(message);

    if (d->open) {
        d->open = false;
        d->resetSession();
        emit openChanged();
    }
    // Not from inside the GLib signal emission that delivered the data.
    QMetaObject::invokeMethod(
        this, [this] {
            if (d->dropper)
                d->dropper();
        },
        Qt::QueuedConnection);
}
