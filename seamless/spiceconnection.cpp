#include "spiceconnection.h"

#include "agentchannel.h"
#include "gobjectsignals.h"
#include "guestframebuffer.h"
#include "windowtracker.h"
#include "keyboardscancodes.h"
#include "retiredsession.h"
#include "seamlesslogging.h"
#include "spiceglib.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QFile>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace {
constexpr int MaxWheelSteps = 20;

struct ButtonMapping
{
    Qt::MouseButton qt;
    int spiceButton;
    int spiceMask;
};

constexpr ButtonMapping buttonMappings[] = {
    {Qt::LeftButton, SPICE_MOUSE_BUTTON_LEFT, SPICE_MOUSE_BUTTON_MASK_LEFT},
    {Qt::MiddleButton, SPICE_MOUSE_BUTTON_MIDDLE, SPICE_MOUSE_BUTTON_MASK_MIDDLE},
    {Qt::RightButton, SPICE_MOUSE_BUTTON_RIGHT, SPICE_MOUSE_BUTTON_MASK_RIGHT},
    {Qt::BackButton, SPICE_MOUSE_BUTTON_SIDE, SPICE_MOUSE_BUTTON_MASK_SIDE},
    {Qt::ForwardButton, SPICE_MOUSE_BUTTON_EXTRA, SPICE_MOUSE_BUTTON_MASK_EXTRA},
};

int spiceMask(Qt::MouseButtons buttons)
{
    int mask = 0;
    for (const ButtonMapping &m : buttonMappings) {
        if (buttons & m.qt)
            mask |= m.spiceMask;
    }
    return mask;
}
} // namespace

struct SpiceConnection::Private
{
    SpiceConnection *q = nullptr;
    GuestFramebuffer *framebuffer = nullptr;
    AgentChannel *agent = nullptr;

    QString socketPath;
    SpiceSession *session = nullptr;
    SpiceMainChannel *mainChannel = nullptr;
    SpiceInputsChannel *inputs = nullptr;
    GObjectSignals gsignals; // on the session and its channels
    // Channels told to connect that have not reported a channel-event yet.
    std::vector<SpiceChannel *> connecting;

    bool connected = false;
    bool inputReady = false;
    bool absolute = false;

    QSet<quint32> pressedKeys;
    Qt::MouseButtons buttons;
    QPoint lastPos;
    bool hasLastPos = false;

    static void ensureGlibDispatch(QObject *context);
    void teardown();
    void connectChannel(SpiceChannel *channel);
    void reportError(const QString &message);
    void setConnected(bool value);
    void setInputReady(bool value);
    void setAbsolute(bool value);
    QPoint clampToGuest(const QPoint &p) const;

    static void onChannelNew(SpiceSession *session, SpiceChannel *channel, gpointer self);
    static void onChannelDestroy(SpiceSession *session, SpiceChannel *channel, gpointer self);
    static void onMainEvent(SpiceChannel *channel, SpiceChannelEvent event, gpointer self);
    static void onInputsEvent(SpiceChannel *channel, SpiceChannelEvent event, gpointer self);
    static void onMouseUpdate(SpiceChannel *channel, gpointer self);
    static void onPortName(GObject *object, GParamSpec *pspec, gpointer self);
    static void onConnectEvent(SpiceChannel *channel, SpiceChannelEvent event, gpointer self);
};

void SpiceConnection::Private::onChannelNew(SpiceSession *, SpiceChannel *channel, gpointer self)
{
    auto *d = static_cast<Private *>(self);
    Q_ASSERT(QThread::currentThread() == d->q->thread());
    gint id = 0;
    g_object_get(channel, "channel-id", &id, nullptr);

    if (SPICE_IS_MAIN_CHANNEL(channel)) {
        // spice_session_connect() connects the main channel itself.
        d->mainChannel = SPICE_MAIN_CHANNEL(channel);
        d->connecting.push_back(channel);
        d->gsignals.connect(channel, "channel-event", G_CALLBACK(&Private::onConnectEvent), d);
        d->gsignals.connect(channel, "channel-event", G_CALLBACK(&Private::onMainEvent), d);
        d->gsignals.connect(channel, "main-mouse-update", G_CALLBACK(&Private::onMouseUpdate), d);
    } else if (SPICE_IS_DISPLAY_CHANNEL(channel)) {
        if (id != 0 || d->framebuffer->channel())
            return; // one monitor per appliance
        d->framebuffer->attach(channel);
        d->connectChannel(channel);
    } else if (SPICE_IS_INPUTS_CHANNEL(channel)) {
        if (d->inputs)
            return;
        d->inputs = SPICE_INPUTS_CHANNEL(channel);
        d->gsignals.connect(channel, "channel-event", G_CALLBACK(&Private::onInputsEvent), d);
        d->connectChannel(channel);
    } else if (SPICE_IS_PORT_CHANNEL(channel)) {
        // The port's name arrives after it connects.
        d->gsignals.connect(channel, "notify::port-name", G_CALLBACK(&Private::onPortName), d);
        d->connectChannel(channel);
    }
    // Cursor, audio, USB, smartcard and webdav channels stay unconnected.
}

void SpiceConnection::Private::onChannelDestroy(SpiceSession *, SpiceChannel *channel, gpointer self)
{
    auto *d = static_cast<Private *>(self);
    if (channel == d->framebuffer->channel())
        d->framebuffer->detach();
    if (channel == d->agent->port())
        d->agent->detachPort();
    if (channel == SPICE_CHANNEL(d->inputs)) {
        d->inputs = nullptr;
        d->setInputReady(false);
    }
    if (channel == SPICE_CHANNEL(d->mainChannel))
        d->mainChannel = nullptr;
    d->connecting.erase(std::remove(d->connecting.begin(), d->connecting.end(), channel), d->connecting.end());
    d->gsignals.disconnectFrom(channel);
}

void SpiceConnection::Private::onConnectEvent(SpiceChannel *channel, SpiceChannelEvent, gpointer self)
{
    auto *d = static_cast<Private *>(self);
    d->connecting.erase(std::remove(d->connecting.begin(), d->connecting.end(), channel), d->connecting.end());
}

void SpiceConnection::Private::connectChannel(SpiceChannel *channel)
{
    connecting.push_back(channel);
    gsignals.connect(channel, "channel-event", G_CALLBACK(&Private::onConnectEvent), this);
    spice_channel_connect(channel);
}

void SpiceConnection::Private::onMainEvent(SpiceChannel *, SpiceChannelEvent event, gpointer self)
{
    auto *d = static_cast<Private *>(self);
    Q_ASSERT(QThread::currentThread() == d->q->thread());
    switch (event) {
    case SPICE_CHANNEL_OPENED:
        qCInfo(lcSeamless) << "connected to" << d->socketPath;
        spice_main_channel_request_mouse_mode(d->mainChannel, SPICE_MOUSE_MODE_CLIENT);
        d->setConnected(true);
        return;
    case SPICE_CHANNEL_SWITCHING:
    case SPICE_CHANNEL_NONE:
        return;
    case SPICE_CHANNEL_CLOSED:
        d->reportError(tr("The guest display closed the connection."));
        return;
    case SPICE_CHANNEL_ERROR_CONNECT:
        d->reportError(tr("Could not connect to the guest display at %1.").arg(d->socketPath));
        return;
    case SPICE_CHANNEL_ERROR_TLS:
        d->reportError(tr("The secure connection to the guest display failed."));
        return;
    case SPICE_CHANNEL_ERROR_LINK:
        d->reportError(tr("The guest display refused the connection (incompatible SPICE server)."));
        return;
    case SPICE_CHANNEL_ERROR_AUTH:
        d->reportError(tr("The guest display asked for a password, which Tessera does not use."));
        return;
    case SPICE_CHANNEL_ERROR_IO:
        d->reportError(tr("The connection to the guest display was lost."));
        return;
    }
}

void SpiceConnection::Private::onInputsEvent(SpiceChannel *, SpiceChannelEvent event, gpointer self)
{
    auto *d = static_cast<Private *>(self);
    Q_ASSERT(QThread::currentThread() == d->q->thread());
    d->setInputReady(event == SPICE_CHANNEL_OPENED);
}

void SpiceConnection::Private::onMouseUpdate(SpiceChannel *channel, gpointer self)
{
    auto *d = static_cast<Private *>(self);
    Q_ASSERT(QThread::currentThread() == d->q->thread());
    gint mode = 0;
    g_object_get(channel, "mouse-mode", &mode, nullptr);
    qCDebug(lcSeamless) << "mouse mode" << mode;
    d->setAbsolute(mode == SPICE_MOUSE_MODE_CLIENT);
}

void SpiceConnection::Private::onPortName(GObject *object, GParamSpec *, gpointer self)
{
    auto *d = static_cast<Private *>(self);
    Q_ASSERT(QThread::currentThread() == d->q->thread());
    gchar *name = nullptr;
    g_object_get(object, "port-name", &name, nullptr);
    const QString portName = QString::fromUtf8(name);
    g_free(name);
    if (portName.isEmpty())
        return;
    qCDebug(lcSeamless) << "port channel announced:" << portName;
    if (portName == AgentChannel::portName() && !d->agent->port())
        d->agent->attachPort(SPICE_CHANNEL(object));
}

void SpiceConnection::Private::teardown()
{
    framebuffer->detach();
    agent->detachPort();
    // From here on nothing spice-glib does reaches this object.
    gsignals.disconnectAll();
    mainChannel = nullptr;
    inputs = nullptr;
    if (session)
        RetiredSession::retire(std::exchange(session, nullptr), std::exchange(connecting, {}));
    connecting.clear();
    pressedKeys.clear();
    buttons = {};
    hasLastPos = false;
    setInputReady(false);
    setAbsolute(false);
    setConnected(false);
}

void SpiceConnection::Private::reportError(const QString &message)
{
    qCWarning(lcSeamless).noquote() << message;
    teardown();
    emit q->errorOccurred(message);
}

void SpiceConnection::Private::setConnected(bool value)
{
    if (connected == value)
        return;
    connected = value;
    emit q->connectedChanged();
}

void SpiceConnection::Private::setInputReady(bool value)
{
    if (inputReady == value)
        return;
    inputReady = value;
    emit q->inputReadyChanged();
}

void SpiceConnection::Private::setAbsolute(bool value)
{
    if (absolute == value)
        return;
    absolute = value;
    emit q->absolutePointerChanged();
}

QPoint SpiceConnection::Private::clampToGuest(const QPoint &p) const
{
    const QSize size = framebuffer->size();
    const int maxX = size.isEmpty() ? 0 : size.width() - 1;
    const int maxY = size.isEmpty() ? 0 : size.height() - 1;
    return QPoint(qBound(0, p.x(), maxX), qBound(0, p.y(), maxY));
}

QString SpiceConnection::libraryVersion()
{
    return QString::fromLatin1(spice_util_get_version_string());
}

SpiceConnection::SpiceConnection(QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->framebuffer = new GuestFramebuffer(this);
    d->agent = new AgentChannel(this);
    // Window limits (e.g. an override-redirect window covering the screen) are judged
    // against the guest's screen.
    connect(d->framebuffer, &GuestFramebuffer::sizeChanged, this,
            [this] { d->agent->windows()->setScreenSize(d->framebuffer->size()); });

    if (QCoreApplication::instance() && thread() != QCoreApplication::instance()->thread())
        qCWarning(lcSeamless) << "SpiceConnection must live on the GUI thread; spice-glib uses the default main context";

    Private::ensureGlibDispatch(this);
}

// spice-glib dispatches through GLib's default main context. Debian's Qt runs
// the GUI thread on it (QEventDispatcherGlib); otherwise one application-wide
// timer iterates it, and keeps doing so for sessions still winding down.
void SpiceConnection::Private::ensureGlibDispatch(QObject *context)
{
    const QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(context->thread());
    if (dispatcher && dispatcher->inherits("QEventDispatcherGlib"))
        return;
    static QPointer<QTimer> pump;
    if (pump || !QCoreApplication::instance() || QThread::currentThread() != QCoreApplication::instance()->thread())
        return;
    qCWarning(lcSeamless) << "Qt does not run the GLib event loop (QT_NO_GLIB?); polling it every 10 ms";
    pump = new QTimer(QCoreApplication::instance());
    QObject::connect(pump, &QTimer::timeout, pump, [] {
        for (int i = 0; i < 100 && g_main_context_iteration(nullptr, FALSE); ++i) {
        }
    });
    pump->start(10);
}

SpiceConnection::~SpiceConnection()
{
    // Nobody may observe a half-destroyed connection through these signals.
    blockSignals(true);
    d->framebuffer->blockSignals(true);
    d->agent->blockSignals(true);
    d->teardown();
}

void SpiceConnection::connectToUnixSocket(const QString &path)
{
    d->teardown();
    d->socketPath = path;
    if (path.isEmpty()) {
        const QString message = tr("No guest display socket was given.");
        QMetaObject::invokeMethod(this, [this, message] { emit errorOccurred(message); }, Qt::QueuedConnection);
        return;
    }

    d->session = spice_session_new();
    g_object_set(d->session, "unix-path", QFile::encodeName(path).constData(), "enable-usbredir", FALSE,
                 "enable-smartcard", FALSE, nullptr);
    d->gsignals.connect(d->session, "channel-new", G_CALLBACK(&Private::onChannelNew), d.get());
    d->gsignals.connect(d->session, "channel-destroy", G_CALLBACK(&Private::onChannelDestroy), d.get());
    qCDebug(lcSeamless) << "connecting to" << path;
    if (!spice_session_connect(d->session)) {
        d->teardown();
        const QString message = tr("Could not connect to the guest display at %1.").arg(path);
        QMetaObject::invokeMethod(this, [this, message] { emit errorOccurred(message); }, Qt::QueuedConnection);
    }
}

void SpiceConnection::disconnectFromGuest()
{
    d->teardown();
}

bool SpiceConnection::isConnected() const
{
    return d->connected;
}

bool SpiceConnection::isInputReady() const
{
    return d->inputReady;
}

bool SpiceConnection::hasAbsolutePointer() const
{
    return d->absolute;
}

GuestFramebuffer *SpiceConnection::framebuffer() const
{
    return d->framebuffer;
}

AgentChannel *SpiceConnection::agent() const
{
    return d->agent;
}

void SpiceConnection::sendKey(quint32 scancode, bool pressed)
{
    if (!d->inputReady || !KeyboardScancodes::isValid(scancode))
        return;
    if (pressed) {
        spice_inputs_channel_key_press(d->inputs, scancode);
        d->pressedKeys.insert(scancode);
    } else {
        spice_inputs_channel_key_release(d->inputs, scancode);
        d->pressedKeys.remove(scancode);
    }
    emit inputSent();
}

void SpiceConnection::sendPointer(const QPoint &guestPos, Qt::MouseButtons buttons)
{
    if (!d->inputReady)
        return;
    const QPoint pos = d->clampToGuest(guestPos);
    int mask = spiceMask(d->buttons);
    // Move first with the old button state, then report the changes, as a
    // physical mouse would.
    if (d->absolute) {
        spice_inputs_channel_position(d->inputs, pos.x(), pos.y(), 0, mask);
    } else if (d->hasLastPos) {
        const QPoint delta = pos - d->lastPos;
        if (!delta.isNull())
            spice_inputs_channel_motion(d->inputs, delta.x(), delta.y(), mask);
    }
    d->lastPos = pos;
    d->hasLastPos = true;

    bool clicked = false;
    for (const ButtonMapping &m : buttonMappings) {
        const bool was = d->buttons & m.qt;
        const bool is = buttons & m.qt;
        if (was == is)
            continue;
        clicked = true;
        if (is) {
            spice_inputs_channel_button_press(d->inputs, m.spiceButton, mask);
            mask |= m.spiceMask;
        } else {
            spice_inputs_channel_button_release(d->inputs, m.spiceButton, mask);
            mask &= ~m.spiceMask;
        }
    }
    d->buttons = buttons & (Qt::LeftButton | Qt::MiddleButton | Qt::RightButton | Qt::BackButton | Qt::ForwardButton);
    // Motion alone is not the person acting: a window opening under a resting cursor moves
    // the guest's pointer too. Presses and releases are.
    if (clicked)
        emit inputSent();
}

void SpiceConnection::sendWheel(int steps)
{
    if (!d->inputReady || steps == 0)
        return;
    const int button = steps > 0 ? SPICE_MOUSE_BUTTON_UP : SPICE_MOUSE_BUTTON_DOWN;
    const int mask = spiceMask(d->buttons);
    for (int i = 0; i < qMin(qAbs(steps), MaxWheelSteps); ++i) {
        spice_inputs_channel_button_press(d->inputs, button, mask);
        spice_inputs_channel_button_release(d->inputs, button, mask);
    }
    emit inputSent();
}

void SpiceConnection::releaseAllKeys()
{
    if (!d->inputReady) {
        d->pressedKeys.clear();
        d->buttons = {};
        return;
    }
    const QSet<quint32> keys = std::exchange(d->pressedKeys, {});
    for (quint32 scancode : keys)
        spice_inputs_channel_key_release(d->inputs, scancode);
    if (d->buttons != Qt::NoButton && d->hasLastPos)
        sendPointer(d->lastPos, Qt::NoButton);
    d->buttons = {};
}
