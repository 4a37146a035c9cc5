// Internal: include only from .cpp files (it pulls in spice-client-glib).
#pragma once

#include "spiceglib.h"

#include <vector>

/// Winds down a SPICE session that no C++ object listens to any more, and
/// releases it once spice-glib is done with it.
///
/// spice-glib 0.42 cannot cancel a channel's socket connect: a session
/// disconnected while a channel is still connecting later resumes that
/// channel without its session (GLib criticals). So disconnecting waits
/// until every channel that was connecting reports a channel-event, and the
/// last reference is dropped only on "disconnected" (all channels gone).
/// Timeouts cover a server that never answers.
class RetiredSession
{
public:
    /// Takes over the reference to @p session. @p connecting are its
    /// channels that have not reported a channel-event yet.
    static void retire(SpiceSession *session, const std::vector<SpiceChannel *> &connecting);

private:
    explicit RetiredSession(SpiceSession *session);
    ~RetiredSession();

    void startDisconnect();
    void dropPending();

    static void onChannelEvent(SpiceChannel *channel, SpiceChannelEvent event, gpointer self);
    static void onDisconnected(SpiceSession *session, gpointer self);
    static gboolean onTimeout(gpointer self);
    static gboolean release(gpointer self);

    struct Pending
    {
        SpiceChannel *channel;
        gulong handler;
    };

    SpiceSession *m_session;
    gulong m_disconnectedHandler = 0;
    guint m_timeout = 0;
    bool m_disconnecting = false;
    std::vector<Pending> m_pending;
};
