#include "gobjectsignals.h"

#include <algorithm>

GObjectSignals::~GObjectSignals()
{
    disconnectAll();
}

void GObjectSignals::connect(gpointer instance, const char *signal, GCallback callback, gpointer data)
{
    const gulong id = g_signal_connect(instance, signal, callback, data);
    if (id == 0)
        return;
    m_handlers.push_back({G_OBJECT(g_object_ref(instance)), id});
}

void GObjectSignals::disconnectFrom(gpointer instance)
{
    // Erase first, then disconnect and unref: unreferencing may finalize the
    // object, and nothing may look at the list entry afterwards.
    std::vector<Handler> removed;
    auto it = std::stable_partition(m_handlers.begin(), m_handlers.end(),
                                    [instance](const Handler &h) { return h.object != instance; });
    removed.assign(it, m_handlers.end());
    m_handlers.erase(it, m_handlers.end());
    for (const Handler &h : removed) {
        g_signal_handler_disconnect(h.object, h.id);
        g_object_unref(h.object);
    }
}

void GObjectSignals::disconnectAll()
{
    std::vector<Handler> removed;
    removed.swap(m_handlers);
    for (const Handler &h : removed) {
        g_signal_handler_disconnect(h.object, h.id);
        g_object_unref(h.object);
    }
}

bool GObjectSignals::isConnectedTo(gpointer instance) const
{
    return std::any_of(m_handlers.begin(), m_handlers.end(),
                       [instance](const Handler &h) { return h.object == instance; });
}
