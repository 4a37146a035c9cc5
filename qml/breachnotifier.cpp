#include "breachnotifier.h"

#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
// The bounded number of notifications whose actions are remembered.
constexpr int MaxRemembered = 100;

} // namespace

BreachNotifier::BreachNotifier(QObject *parent)
    : QObject(parent), m_service(new QDBusInterface(Service, Path, Interface, QDBusConnection::sessionBus(), this))
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(uint,QString)));
    bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint,uint)));
}

BreachNotifier::~BreachNotifier() = default;

void BreachNotifier::notify(const BreachEvent &event)
{
    if (!QDBusConnection::sessionBus().isConnected())
        return;
    const QString summary = tr("%1 broke its contract").arg(event.appliance);
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
    const QDBusPendingCall call = m_service->asyncCall(QStringLiteral("Notify"), QStringLiteral("Tessera"), uint(0),
                                                       QStringLiteral("security-high"), summary, body, actions, hints, int(0));
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    const Sent sent{event.appliance, event.windowStart.isValid() ? event.windowStart : event.time};
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, sent](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<uint> reply = *w;
        w->deleteLater();
        if (reply.isError())
            return; // no notification service: the card and the Breaches list still show it
        if (m_sent.size() >= MaxRemembered)
            m_sent.clear();
        m_sent.insert(reply.value(), sent);
        Q_EMIT notified(reply.value());
    });
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
}
