#include "retiredsession.h"

#include "seamlesslogging.h"

#include <QtGlobal>

#include <algorithm>

namespace {
// spice-glib gives up on a socket connect after 10 s.
constexpr guint ConnectGraceSeconds = 15;
constexpr guint DisconnectGraceSeconds = 30;
} // namespace

void RetiredSession::retire(SpiceSession *session, const std::vector<SpiceChannel *> &connecting)
{
    auto *r = new RetiredSession(session);
    for (SpiceChannel *channel : connecting) {
        g_object_ref(channel);
        const gulong id = g_signal_connect(channel, "channel-event", G_CALLBACK(&RetiredSession::onChannelEvent), r);
        r->m_pending.push_back({channel, id});
    }
    if (r->m_pending.empty()) {
        r->startDisconnect();
    } else {
        qCDebug(lcSeamless) << "waiting for" << r->m_pending.size() << "connecting channels before disconnecting";
        r->m_timeout = g_timeout_add_seconds(ConnectGraceSeconds, &RetiredSession::onTimeout, r);
    }
}

RetiredSession::RetiredSession(SpiceSession *session)
    : m_session(session)
{
    m_disconnectedHandler =
        g_signal_connect(session, "disconnected", G_CALLBACK(&RetiredSession::onDisconnected), this);
}

RetiredSession::~RetiredSession()
{
    dropPending();
    if (m_timeout)
        g_source_remove(m_timeout);
    if (m_disconnectedHandler)
        g_signal_handler_disconnect(m_session, m_disconnectedHandler);
    g_object_unref(m_session);
}

void RetiredSession::startDisconnect()
{
    if (m_disconnecting)
        return;
    m_disconnecting = true;
    dropPending();
    if (m_timeout)
        g_source_remove(m_timeout);
    m_timeout = g_timeout_add_seconds(DisconnectGraceSeconds, &RetiredSession::onTimeout, this);
    spice_session_disconnect(m_session); // itself deferred to an idle callback
}

void RetiredSession::dropPending()
{
    for (const Pending &p : m_pending) {
        g_signal_handler_disconnect(p.channel, p.handler);
        g_object_unref(p.channel); // the session still holds its own reference
    }
    m_pending.clear();
}

void RetiredSession::onChannelEvent(SpiceChannel *channel, SpiceChannelEvent, gpointer self)
{
    auto *r = static_cast<RetiredSession *>(self);
    const auto it = std::find_if(r->m_pending.begin(), r->m_pending.end(),
                                 [channel](const Pending &p) { return p.channel == channel; });
    if (it == r->m_pending.end())
        return;
    g_signal_handler_disconnect(it->channel, it->handler);
    g_object_unref(it->channel);
    r->m_pending.erase(it);
    if (r->m_pending.empty())
        r->startDisconnect();
}

void RetiredSession::onDisconnected(SpiceSession *, gpointer self)
{
    auto *r = static_cast<RetiredSession *>(self);
    g_signal_handler_disconnect(r->m_session, r->m_disconnectedHandler);
    r->m_disconnectedHandler = 0;
    if (r->m_timeout) {
        g_source_remove(r->m_timeout);
        r->m_timeout = 0;
    }
    // Not from inside the session's own signal emission.
    g_idle_add(&RetiredSession::release, r);
}

gboolean RetiredSession::onTimeout(gpointer self)
{
    auto *r = static_cast<RetiredSession *>(self);
    r->m_timeout = 0;
    if (!r->m_disconnecting) {
        qCWarning(lcSeamless) << "SPICE channels still connecting after" << ConnectGraceSeconds << "s; disconnecting";
        r->startDisconnect();
    } else {
        qCWarning(lcSeamless) << "SPICE session did not wind down in" << DisconnectGraceSeconds << "s; releasing it";
        delete r;
    }
    return G_SOURCE_REMOVE;
}

gboolean RetiredSession::release(gpointer self)
{
    delete static_cast<RetiredSession *>(self);
    return G_SOURCE_REMOVE;
}
