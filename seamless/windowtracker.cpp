#include "windowtracker.h"

#include "agentmessage.h"
#include "guestwindowsanitizer.h"
#include "seamlesslogging.h"

namespace {
enum UpdateField { Id, Flags, X, Y, Width, Height, TransientFor, Title, Class, FieldCount };
enum Flag : quint32 { Mapped = 1, OverrideRedirect = 2, Urgent = 4 };
// A WindowStack naming more ids than this is not a stack of tracked windows.
constexpr qsizetype MaxStackEntries = 4096;
} // namespace

WindowTracker::WindowTracker(QObject *parent) : QObject(parent) {}

void WindowTracker::setScreenSize(const QSize &size)
{
    m_screen = size;
}

bool WindowTracker::handleMessage(const AgentMessage &message, QString *error)
{
    switch (message.type()) {
    case AgentMessage::WindowUpdate:
        return handleUpdate(message, error);
    case AgentMessage::WindowRemoved:
        return handleRemoved(message, error);
    case AgentMessage::WindowStack:
        return handleStack(message, error);
    default:
        return true;
    }
}

bool WindowTracker::handleUpdate(const AgentMessage &message, QString *error)
{
    quint32 id = 0, flags = 0, transientFor = 0;
    qint32 x = 0, y = 0, width = 0, height = 0;
    if (message.fieldCount() < FieldCount || !AgentMessage::parseUInt32(message.field(Id), &id) || id == 0
        || !AgentMessage::parseUInt32(message.field(Flags), &flags)
        || !AgentMessage::parseInt32(message.field(X), &x) || !AgentMessage::parseInt32(message.field(Y), &y)
        || !AgentMessage::parseInt32(message.field(Width), &width)
        || !AgentMessage::parseInt32(message.field(Height), &height)
        || !AgentMessage::parseUInt32(message.field(TransientFor), &transientFor)) {
        *error = tr("The guest agent sent an invalid window update; seamless windows stop until the appliance is restarted.");
        return false;
    }
    const bool known = m_windows.contains(id);
    if (!known && m_windows.size() >= MaxWindows) {
        if (!m_flaggedTooMany) {
            m_flaggedTooMany = true;
            const QString reason = tr("The appliance opened more than %1 windows; the rest are not shown. If you did not expect this, stop the appliance and roll it back.").arg(MaxWindows);
            qCWarning(lcSeamless).noquote() << reason;
            emit abuseDetected(reason);
        }
        return true;
    }

    GuestWindow w;
    w.id = id;
    w.mapped = flags & Mapped;
    w.overrideRedirect = flags & OverrideRedirect;
    w.urgent = flags & Urgent;
    w.geometry = GuestWindowSanitizer::geometry(x, y, width, height);
    w.transientFor = (transientFor != id && m_windows.contains(transientFor)) ? transientFor : 0;
    w.title = GuestWindowSanitizer::title(message.field(Title));
    w.appClass = GuestWindowSanitizer::appClass(message.field(Class));
    if (w.overrideRedirect && GuestWindowSanitizer::coversScreen(w.geometry, m_screen)) {
        w.overrideRedirect = false;
        w.demoted = true;
        if (!m_flaggedCovering.contains(id) && m_flaggedCovering.size() < MaxWindows) {
            m_flaggedCovering.insert(id);
            const QString reason = tr("The appliance tried to cover the screen with an undecorated window; it is shown as a normal, framed window. If you did not expect this, stop the appliance and roll it back.");
            qCWarning(lcSeamless).noquote() << reason << "window" << id;
            emit abuseDetected(reason);
        }
    }

    if (known) {
        GuestWindow &old = m_windows[id];
        if (old == w)
            return true;
        old = w;
        emit windowChanged(id);
        return true;
    }
    m_windows.insert(id, w);
    m_stack.append(id);
    emit windowAdded(id);
    emit countChanged();
    emit stackChanged();
    return true;
}

bool WindowTracker::handleRemoved(const AgentMessage &message, QString *error)
{
    quint32 id = 0;
    if (message.fieldCount() < 1 || !AgentMessage::parseUInt32(message.field(0), &id)) {
        *error = tr("The guest agent sent an invalid window removal; seamless windows stop until the appliance is restarted.");
        return false;
    }
    if (!m_windows.remove(id))
        return true;
    m_stack.removeOne(id);
    m_flaggedCovering.remove(id);
    emit windowRemoved(id);
    emit countChanged();
    emit stackChanged();
    // Transients of the removed window now stand alone.
    for (auto it = m_windows.begin(); it != m_windows.end(); ++it) {
        if (it->transientFor == id) {
            it->transientFor = 0;
            emit windowChanged(it->id);
        }
    }
    return true;
}

bool WindowTracker::handleStack(const AgentMessage &message, QString *error)
{
    const QList<QByteArray> entries = message.field(0).split(' ');
    if (message.fieldCount() < 1 || entries.size() > MaxStackEntries) {
        *error = tr("The guest agent sent an invalid window stack; seamless windows stop until the appliance is restarted.");
        return false;
    }
    QList<quint32> stack;
    QSet<quint32> seen;
    stack.reserve(m_stack.size());
    for (const QByteArray &entry : entries) {
        if (entry.isEmpty() && entries.size() == 1)
            break; // no windows at all
        quint32 id = 0;
        if (!AgentMessage::parseUInt32(entry, &id)) {
            *error = tr("The guest agent sent an invalid window stack; seamless windows stop until the appliance is restarted.");
            return false;
        }
        if (m_windows.contains(id) && !seen.contains(id)) {
            seen.insert(id);
            stack.append(id);
        }
    }
    // Windows the guest left out keep their order, above the ones it named.
    for (quint32 id : std::as_const(m_stack)) {
        if (!seen.contains(id))
            stack.append(id);
    }
    if (stack == m_stack)
        return true;
    m_stack = stack;
    emit stackChanged();
    return true;
}

void WindowTracker::clear()
{
    m_flaggedTooMany = false;
    m_flaggedCovering.clear();
    if (m_windows.isEmpty())
        return;
    m_windows.clear();
    m_stack.clear();
    emit cleared();
    emit countChanged();
    emit stackChanged();
}
