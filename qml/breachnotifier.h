#pragma once

#include "breachevent.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>


/// Shows breaches as desktop notifications (org.freedesktop.Notifications on the session
/// D-Bus) with one-click actions, and reports the action the person picks. Without a
/// notification service it does nothing: the shell still shows the breach on the card.
///
/// At most one notification per appliance per minIntervalMs(): the breaches in between are
/// held, and when the interval ends the latest of them replaces that notification, saying how
/// many more there were (its Undo then covers them all). Every breach is still in the log and
/// the Breaches list.
class BreachNotifier : public QObject
{
    Q_OBJECT
public:
    /// The least time between two notifications about one appliance.
    static constexpr int MinIntervalMs = 30000;

    explicit BreachNotifier(QObject *parent = nullptr, int minIntervalMs = MinIntervalMs);
    ~BreachNotifier() override;

    int minIntervalMs() const { return m_minIntervalMs; }
    /// How an appliance's name becomes the name a person knows it by ("terminal" -> "Terminal");
    /// without one, the name itself is shown.
    void setTitleLookup(std::function<QString(const QString &appliance)> lookup) { m_titleOf = std::move(lookup); }

    /// The actions offered, as keys of actionRequested().
    static QString pauseAction() { return QStringLiteral("pause"); }
    static QString stopAction() { return QStringLiteral("stop"); }
    static QString undoAction() { return QStringLiteral("undo"); }
    static QString showAction() { return QStringLiteral("default"); }

    /// Sends the notification for @p event, or holds it while one about its appliance was sent
    /// less than minIntervalMs() ago (asynchronously; never blocks on the bus).
    void notify(const BreachEvent &event);

Q_SIGNALS:
    /// The person chose @p action on the notification of a breach of @p appliance that began at
    /// @p since (undo: "what it changed since then").
    void actionRequested(const QString &appliance, const QString &action, const QDateTime &since);
    /// The notification service accepted a notification (its id), e.g. for tests and logs.
    void notified(uint id);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    struct Sent
    {
        QString appliance;
        QDateTime since;
    };
    struct Pace
    {
        qint64 lastSentMs = -1;
        uint lastId = 0;        ///< the notification a follow-up replaces
        int held = 0;           ///< breaches since then, not notified yet
        BreachEvent latest;     ///< the latest of them
        QDateTime heldSince;    ///< when the earliest of them began
    };
    /// Sends the notification for @p event, replacing @p replacesId (0: a new one); a follow-up
    /// stands for @p held breaches (0: not a follow-up) that began at @p since.
    void send(const BreachEvent &event, int held, uint replacesId, const QDateTime &since);
    void sendDue();

    QString titleOf(const QString &appliance) const;

    std::function<QString(const QString &)> m_titleOf;
    QHash<uint, Sent> m_sent;
    int m_minIntervalMs;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QHash<QString, Pace> m_pace; // per appliance (the launcher's, so bounded)
};
