#include "breachratelimiter.h"

#include "vmbackendlog.h"

#include <limits>

BreachRateLimiter::BreachRateLimiter(QObject *parent, int windowMs) : QObject(parent), m_windowMs(qMax(1, windowMs))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &BreachRateLimiter::raiseDue);
}

void BreachRateLimiter::submit(const BreachEvent &event)
{
    KindState &state = m_kinds[int(event.kind)];
    const qint64 now = m_clock.elapsed();
    if (!state.holding && (state.windowStartMs < 0 || now - state.windowStartMs >= m_windowMs)) {
        state.windowStartMs = now;
        BreachEvent first = event;
        if (!first.time.isValid())
            first.time = QDateTime::currentDateTimeUtc();
        qCInfo(lcVmBackend) << first.appliance << "breach:" << BreachEvent::kindKey(first.kind) << first.subject;
        Q_EMIT raised(first);
        return;
    }
    fold(state, event);
    schedule();
}

void BreachRateLimiter::fold(KindState &state, const BreachEvent &event)
{
    if (!state.holding) {
        state.holding = true;
        state.summary = event;
        state.subjects = {event.subject};
        state.evidence = QSet<QString>(event.evidence.cbegin(), event.evidence.cend());
        return;
    }
    const bool newSubject = !state.subjects.contains(event.subject);
    if (newSubject && state.subjects.size() < MaxRemembered)
        state.subjects.insert(event.subject);
    state.summary.foldIn(event, newSubject);
    for (const QString &item : event.evidence) {
        if (state.evidence.contains(item))
            continue; // the same file or destination again: the count above has it
        if (state.evidence.size() < MaxRemembered)
            state.evidence.insert(item);
        state.summary.addEvidence(item);
    }
}

void BreachRateLimiter::raiseDue()
{
    const qint64 now = m_clock.elapsed();
    QList<BreachEvent> due;
    for (auto it = m_kinds.begin(); it != m_kinds.end(); ++it) {
        KindState &state = it.value();
        if (!state.holding || now - state.windowStartMs < m_windowMs)
            continue;
        due.append(state.summary);
        due.last().time = QDateTime::currentDateTimeUtc();
        state.holding = false;
        state.summary = {};
        state.subjects.clear();
        state.evidence.clear();
        state.windowStartMs = now; // the summary opens the next window
    }
    schedule();
    // Raised after the loop: a receiver may submit again.
    for (const BreachEvent &summary : std::as_const(due)) {
        qCInfo(lcVmBackend) << summary.appliance << "breach summary:" << BreachEvent::kindKey(summary.kind) << "standing for"
                            << summary.folded + 1;
        Q_EMIT raised(summary);
    }
}

void BreachRateLimiter::flush()
{
    for (auto it = m_kinds.begin(); it != m_kinds.end(); ++it)
        it.value().windowStartMs = std::numeric_limits<qint64>::min() / 2; // every window is over
    raiseDue();
}

bool BreachRateLimiter::isHolding(BreachEvent::Kind kind) const
{
    return m_kinds.value(int(kind)).holding;
}

void BreachRateLimiter::schedule()
{
    qint64 due = -1;
    for (const KindState &state : std::as_const(m_kinds)) {
        if (state.holding && (due < 0 || state.windowStartMs + m_windowMs < due))
            due = state.windowStartMs + m_windowMs;
    }
    if (due < 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(qBound(qint64(0), due - m_clock.elapsed(), qint64(m_windowMs))));
}
