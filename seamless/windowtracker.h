#pragma once

#include "guestwindow.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QtQml/qqmlregistration.h>

class AgentMessage;

/// The host's bounded model of one guest's top-level windows, fed by the
/// agent's WindowUpdate, WindowRemoved and WindowStack messages
/// (docs/agent-protocol.md). Everything is sanitised by GuestWindowSanitizer
/// before it is kept; at most MaxWindows windows are tracked.
///
/// AgentChannel owns one and clears it whenever the agent port (re)opens.
class WindowTracker : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by AgentChannel")
    /// Number of tracked windows.
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    static constexpr int MaxWindows = 256;

    explicit WindowTracker(QObject *parent = nullptr);

    int count() const { return int(m_windows.size()); }
    bool contains(quint32 id) const { return m_windows.contains(id); }
    /// The window @p id, or a GuestWindow with id 0 when it is not tracked.
    GuestWindow window(quint32 id) const { return m_windows.value(id); }
    /// Ids in stacking order, bottom to top.
    QList<quint32> stack() const { return m_stack; }
    /// Position of @p id in stack() (0 = bottom), -1 when unknown.
    int stackIndex(quint32 id) const { return int(m_stack.indexOf(id)); }

    /// Size of the guest screen, for the override-redirect coverage check.
    /// While it is unknown (empty) no window is demoted.
    void setScreenSize(const QSize &size);
    QSize screenSize() const { return m_screen; }

    /// Handles a window message from the guest (types 16–18; others are
    /// ignored). Returns false with a reason in @p error when the message is
    /// malformed: the caller drops the agent port.
    bool handleMessage(const AgentMessage &message, QString *error);
    /// Forgets every window (the agent resends them after a reopen).
    void clear();

signals:
    /// count() changed.
    void countChanged();
    /// A window was added; it is on top of the stack.
    void windowAdded(quint32 id);
    /// A tracked window's fields changed (window(id) has the new ones).
    void windowChanged(quint32 id);
    /// A window is gone; it is no longer in window() or stack().
    void windowRemoved(quint32 id);
    /// The stacking order changed.
    void stackChanged();
    /// Every window was forgotten at once.
    void cleared();
    /// The guest went past a limit on purpose or by accident (too many
    /// windows, a screen-covering override-redirect window). @p reason is
    /// for the user and the log; the shell may flag the appliance.
    void abuseDetected(const QString &reason);

private:
    bool handleUpdate(const AgentMessage &message, QString *error);
    bool handleRemoved(const AgentMessage &message, QString *error);
    bool handleStack(const AgentMessage &message, QString *error);

    QHash<quint32, GuestWindow> m_windows;
    QList<quint32> m_stack;
    QSet<quint32> m_flaggedCovering;
    bool m_flaggedTooMany = false;
    QSize m_screen;
};
