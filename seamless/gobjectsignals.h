// Internal: include only from .cpp files (it pulls in GLib).
#pragma once

#pragma push_macro("signals")
#undef signals
#include <glib-object.h>
#pragma pop_macro("signals")

#include <vector>

/// Owns GLib signal handler connections and breaks them on destruction, so
/// that no GObject signal fires into a C++ object that is already gone.
/// Each connected instance is referenced until its handlers are disconnected,
/// which keeps g_signal_handler_disconnect() valid.
class GObjectSignals
{
public:
    GObjectSignals() = default;
    GObjectSignals(const GObjectSignals &) = delete;
    GObjectSignals &operator=(const GObjectSignals &) = delete;
    ~GObjectSignals();

    /// Connects @p callback to @p signal of @p instance with @p data.
    void connect(gpointer instance, const char *signal, GCallback callback, gpointer data);
    /// Disconnects every handler this object holds on @p instance.
    void disconnectFrom(gpointer instance);
    /// Disconnects every handler this object holds.
    void disconnectAll();
    /// Whether any handler is connected on @p instance.
    bool isConnectedTo(gpointer instance) const;

private:
    struct Handler
    {
        GObject *object;
        gulong id;
    };
    std::vector<Handler> m_handlers;
};
