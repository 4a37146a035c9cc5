#pragma once

#include "vmerror.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

struct _virConnect;

/// The blocking half of "recover after an incident", run on the LibvirtConnection worker:
/// switches the appliance off (it is compromised: no graceful shutdown), moves its system
/// overlay into a new quarantine with a record of the session's breaches, and puts a new
/// empty overlay on the clean image in its place. Crash-safe: a journal (INSTANCE/recovery.json)
/// is written before anything moves and removed after the last step; finishInterrupted(), run
/// before every start, finishes a recovery whose delta already moved and reverts one whose
/// delta did not. See docs/recovery.md, "Recover after an incident".
class RecoveryJob
{
    Q_DECLARE_TR_FUNCTIONS(RecoveryJob)
public:
    /// The points between steps, for tests that kill the process there.
    enum class Step { JournalWritten, StagingMade, DeltaMoved, QuarantinePublished, CleanCreated };

    QString domainName;
    QString appliance;
    QString instanceDir;
    QString systemDisk;    ///< INSTANCE/system.qcow2
    QString cleanImage;    ///< cleanImageFor()
    QString breachLogFile; ///< DATA/logs/NAME/breaches.jsonl
    QString reason;
    /// Tests only: called after each step.
    std::function<void(Step)> afterStep;

    struct Result
    {
        VmError error;
        QString quarantineId;
        qint64 milliseconds = 0; ///< switching off, quarantining and the new clean overlay
    };

    /// The image a recovered appliance's new system disk is made on: the one function to point
    /// at the last breach-free restore point once there are restore points. Now: the ready disk
    /// in fresh mode when there is one (clean by construction), else the appliance's base.
    static QString cleanImageFor(const QString &instanceDir, const QString &baseDisk, bool keepChanges);

    /// Switches the domain off if it runs, then quarantine() (with the elapsed time of both).
    Result run(_virConnect *connection) const;
    /// Moves the overlay into a new quarantine and makes a clean one. The VM must be off.
    Result quarantine() const;
    /// Finishes or reverts a recovery a crash interrupted. Returns true when there was one.
    static bool finishInterrupted(const QString &instanceDir);

private:
    static QString journalPath(const QString &instanceDir) { return instanceDir + QStringLiteral("/recovery.json"); }
    static VmError finishPublished(const QString &instanceDir, const QString &id, const QString &systemDisk,
                                   const QString &cleanImage, bool rebase);
    void reached(Step step) const;
};
