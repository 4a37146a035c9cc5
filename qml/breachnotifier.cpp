#include "breachnotifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

#include <limits>

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
// The bounded number of notifications whose actions are remembered.
constexpr int MaxRemembered = 100;

} // namespace

BreachNotifier::BreachNotifier(QObject *parent, int minIntervalMs)
    : QObject(parent), m_minIntervalMs(qMax(1, minIntervalMs))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &BreachNotifier::sendDue);
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(uint,QString)));
    bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint,uint)));
}

BreachNotifier::~BreachNotifier() = default;

void BreachNotifier::notify(const BreachEvent &event)
{
    const QDateTime since = event.windowStart.isValid() ? event.windowStart : event.time;
    Pace &pace = m_pace[event.appliance];
    const qint64 now = m_clock.elapsed();
    if (pace.held == 0 && (pace.lastSentMs < 0 || now - pace.lastSentMs >= m_minIntervalMs)) {
        pace.lastSentMs = now;
        send(event, 0, 0, since);
        return;
    }
    // Too soon after the last one: held, and folded into a follow-up when the interval ends.
    if (pace.held == 0 || since < pace.heldSince)
        pace.heldSince = since;
    pace.latest = event;
    if (pace.held < std::numeric_limits<int>::max())
        ++pace.held;
    if (!m_timer.isActive())
        m_timer.start(int(qBound(qint64(0), pace.lastSentMs + m_minIntervalMs - now, qint64(m_minIntervalMs))));
}

void BreachNotifier::sendDue()
{
    const qint64 now = m_clock.elapsed();
    qint64 next = -1;
    for (auto it = m_pace.begin(); it != m_pace.end(); ++it) {
        Pace &pace = it.value();
        if (pace.held == 0)
            continue;
        const qint64 due = pace.lastSentMs + m_minIntervalMs;
        if (due > now) {
            next = next < 0 ? due : qMin(next, due);
            continue;
        }
        const int held = pace.held;
        pace.held = 0;
        pace.lastSentMs = now;
        send(pace.latest, held, pace.lastId, pace.heldSince);
    }
    if (next >= 0)
        m_timer.start(int(next - now));
}

void BreachNotifier::send(const BreachEvent &event, int held, uint replacesId, const QDateTime &since)
{
    if (!QDBusConnection::sessionBus().isConnected())
        return;
    // (The summary is plain text by the specification; the title comes from a package, as text.)
    const QString summary = tr("%1 broke its contract").arg(titleOf(event.appliance));
    QString body = event.describe();
    if (!event.evidence.isEmpty())
        body += QLatin1Char('\n') + event.evidence.mid(0, 3).join(QLatin1Char('\n'));
    // Servers that announce "body-markup" read the body as markup, and every part of it (the
    // description quotes window titles, folder and host names) may come from the guest.
    body = body.toHtmlEscaped();
    const QStringList actions{showAction(), tr("Show"), pauseAction(), tr("Pause"), stopAction(), tr("Stop"),
                              undoAction(), tr("Undo its file changes")};
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(2))); // critical: stays until seen
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("tessera"));
    hints.insert(QStringLiteral("category"), QStringLiteral("x-tessera.breach"));
    // A follow-up says how many breaches it stands for (the body describes the latest).
    const QString title = held > 0 ? tr("%1 broke its contract again: %n breach(es) since the last notice", nullptr, held)
                                         .arg(titleOf(event.appliance))
                                   : summary;
    // A plain asynchronous call: a QDBusInterface would introspect the service, blocking the GUI
    // thread until it answers (25 s when it does not).
    QDBusMessage notify = QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    notify << QStringLiteral("Tessera") << replacesId << QStringLiteral("security-high") << title << body << actions << hints << int(0);
    const QDBusPendingCall call = QDBusConnection::sessionBus().asyncCall(notify);
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    const Sent sent{event.appliance, since};
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, sent](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<uint> reply = *w;
        w->deleteLater();
        if (reply.isError())
            return; // no notification service: the card and the Breaches list still show it
        const uint id = reply.value();
        Sent remembered = sent;
        // A follow-up replaced an earlier notice: its Undo covers both.
        if (const auto earlier = m_sent.constFind(id); earlier != m_sent.cend() && earlier->since.isValid()
            && earlier->since < remembered.since)
            remembered.since = earlier->since;
        if (m_sent.size() >= MaxRemembered)
            m_sent.clear();
        m_sent.insert(id, remembered);
        m_pace[sent.appliance].lastId = id;
        Q_EMIT notified(id);
    });
}

QString BreachNotifier::titleOf(const QString &appliance) const
{
    const QString title = m_titleOf ? m_titleOf(appliance) : QString();
    return title.isEmpty() ? appliance : title;
}

void BreachNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto sent = m_sent.constFind(id);
    if (sent == m_sent.cend())
        return; // another application's notification
    Q_EMIT actionRequested(sent->appliance, action, sent->since);
}

void BreachNotifier::onClosed(uint id, uint)
{
    m_sent.remove(id);
    for (Pace &pace : m_pace) {
        if (pace.lastId == id)
            pace.lastId = 0; // a follow-up is a new notice then
    }
}
