#pragma once

#include "breachevent.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

/// Holds the breaches of one appliance to a readable rate, per kind, without losing any: the
/// first breach of a kind is raised at once; those that follow within windowMs() of it are
/// folded into one summary breach (BreachEvent::folded, foldedSubjects, bounded evidence) that is
/// raised when the window ends, and opens the next window. A guest that keeps breaking its
/// contract in many ways (a thousand refused destinations a second) so gives at most one breach
/// per kind per window, each saying how many it stands for.
class BreachRateLimiter : public QObject
{
    Q_OBJECT
public:
    /// The least time between two breaches of one kind raised for one appliance.
    static constexpr int WindowMs = 10000;
    /// Distinct subjects and evidence items remembered per summary to tell repeats from new ones;
    /// beyond that, each further one counts as new.
    static constexpr int MaxRemembered = 4096;

    explicit BreachRateLimiter(QObject *parent = nullptr, int windowMs = WindowMs);

    int windowMs() const { return m_windowMs; }
    /// Raises @p event now, or folds it into its kind's summary when one of that kind was
    /// raised less than windowMs() ago.
    void submit(const BreachEvent &event);
    /// Raises every summary still held (when the appliance stops: nothing is kept back).
    void flush();
    /// Whether a summary is being gathered for @p kind.
    bool isHolding(BreachEvent::Kind kind) const;

Q_SIGNALS:
    /// A breach to log and show: either one submitted, or a summary of several.
    void raised(const BreachEvent &event);

private:
    struct KindState
    {
        qint64 windowStartMs = -1; ///< when the last breach of this kind was raised
        bool holding = false;
        BreachEvent summary;
        QSet<QString> subjects;
        QSet<QString> evidence;
    };
    void fold(KindState &state, const BreachEvent &event);
    void raiseDue();
    void schedule();

    int m_windowMs;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QHash<int, KindState> m_kinds;
};
