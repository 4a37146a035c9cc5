#pragma once

#include "enforcementoracle.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

/// One observed departure from an appliance's contract, with its evidence: which contract
/// element, what was observed against which bound, over which time window, and the items
/// (files, connections) that show it. Kept in the appliance's breach log (BreachLog).
struct BreachEvent
{
    Q_DECLARE_TR_FUNCTIONS(BreachEvent)
public:
    enum class Kind {
        WriteWithoutInput,  ///< store written outside the ActivityContract window
        ReadWithoutInput,   ///< store read outside the ActivityContract window
        MountWriteOverRate, ///< a mount written faster than its WriteRate
        ConnectionDenied,   ///< the gateway refused a connection the contract does not allow
        DeniedBurst,        ///< many refused connections in a short time (scanning)
        CpuOverQuota,       ///< CPU use above CPUQuota, sustained
        WindowsOverLimit,   ///< more windows open than MaxWindows (seen by the shell)
        FullScreenRefused,  ///< a window covered the whole screen though Fullscreen is deny
    };

    /// At most this many evidence items are kept; more are counted in evidenceOmitted.
    static constexpr int MaxEvidence = 20;

    Kind kind = Kind::WriteWithoutInput;
    QString appliance;      ///< appliance name, e.g. "terminal"
    QDateTime time;         ///< when the breach was detected (UTC)
    QDateTime windowStart;  ///< the time window the observation covers
    QDateTime windowEnd;
    QString subject;        ///< the store folder, destination or resource concerned
    double observed = 0;    ///< in unit
    double bound = 0;       ///< the contract's bound, in unit
    QString unit;           ///< "s", "B/s", "connections", "%"
    QStringList evidence;   ///< files or connections, at most MaxEvidence
    int evidenceOmitted = 0;
    /// Further breaches of this kind folded into this one by BreachRateLimiter (0: none).
    int folded = 0;
    /// How many of them concerned another subject than this one's (e.g. other destinations).
    int foldedSubjects = 0;

    /// The contract element the breach is about.
    ContractElement element() const;
    /// A stable key for JSON and tools ("write-without-input", ...).
    static QString kindKey(Kind kind);
    static bool kindFromKey(const QString &key, Kind *kind);
    /// Adds @p item to the evidence, counting it in evidenceOmitted once the list is full.
    void addEvidence(const QString &item);
    /// Folds @p other, a later breach of the same kind, into this one: the time window grows to
    /// cover both, the worst observation is kept, and it is counted (as of another subject when
    /// @p newSubject). Evidence is the caller's to merge (BreachRateLimiter leaves out repeats).
    void foldIn(const BreachEvent &other, bool newSubject);
    /// One translated sentence for people: what happened against what the contract says, and
    /// how many more were folded into it.
    QString describe() const;

    QJsonObject toJson() const;
    /// Reads what toJson() wrote; false (and @p event untouched) on anything malformed.
    static bool fromJson(const QJsonObject &object, BreachEvent *event);

private:
    QString describeOne() const;
};
Q_DECLARE_METATYPE(BreachEvent)
