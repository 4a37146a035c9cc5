#pragma once

#include "applianceimage.h"
#include "deltareport.h"
#include "inspectorjob.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class LibvirtConnection;
class SpiceConnection;

/// Reads one quarantined system disk through the inspector VM (InspectorJob): boots it,
/// waits for its guest agent, mounts the clean image and the delta read-only inside it,
/// compares them (InspectorScripts) and parses the report from the outbox as untrusted input
/// (DeltaReport); on request copies chosen files out into the personal store's
/// Salvaged/APPLIANCE-ID/ folder, marked as salvaged. Nothing of the delta is ever mounted on
/// the host. Lives on the GUI thread; libvirt calls run on the connection's worker.
class QuarantineInspection : public QObject
{
    Q_OBJECT
public:
    enum Phase { Idle, Booting, Comparing, Ready, Salvaging, Stopping, Failed };
    Q_ENUM(Phase)

    /// @p inspectorImage is the appliance whose base the inspector boots (the terminal one).
    QuarantineInspection(LibvirtConnection *connection, const ApplianceImage &inspectorImage, Accelerator::Kind accelerator,
                         const QString &appliance, const QString &instanceDir, const QString &quarantineId, QObject *parent = nullptr);
    ~QuarantineInspection() override;

    Phase phase() const { return m_phase; }
    const DeltaReport &report() const { return m_report; }
    QString errorMessage() const { return m_error; }
    /// The store folder salvaged files go to: STORE/Salvaged/APPLIANCE-ID.
    QString salvageFolder() const;

    /// Boots the inspector (unless it runs) and compares: reportReady() or failed().
    void inspect();
    /// Copies the regular files @p guestPaths of the delta into salvageFolder(): salvaged().
    /// The inspector must be Ready (after inspect()).
    void salvage(const QStringList &guestPaths);
    /// Switches the inspector off and removes it: stopped().
    void shutDown();

    /// The saved report of quarantine @p id, parsed (empty when there is none).
    static DeltaReport savedReport(const QString &instanceDir, const QString &id);

Q_SIGNALS:
    void phaseChanged(QuarantineInspection::Phase phase);
    /// The report is in report(); @p bootMs from start to the agent answering, @p compareMs the comparison.
    void reportReady(qint64 bootMs, qint64 compareMs);
    /// salvage() finished: @p storePaths were copied; @p refused are the guest paths that were
    /// not (not a regular file, too large, or not readable), each with a reason in @p reasons.
    void salvaged(const QStringList &storePaths, const QStringList &refused, const QStringList &reasons);
    /// Something failed; @p message says what and what to do (translated).
    void failed(const QString &message);
    /// The inspector is off and undefined.
    void stopped();

private:
    void setPhase(Phase phase);
    void fail(const QString &message);
    void bootThen(std::function<void()> next);
    void runInGuest(const QStringList &argv, int timeoutMs, std::function<void(int, const QByteArray &)> done);
    void compare();
    void waitForReport(int attempt);
    void readReport();
    void salvageNext(QStringList paths, int slot, QStringList done, QStringList refused, QStringList reasons);
    QString storeFile(const QString &guestPath, const QString &staged, QString *reason) const;
    InspectorJob job() const;

    LibvirtConnection *m_connection;
    ApplianceImage m_image;
    Accelerator::Kind m_accelerator;
    QString m_appliance;
    QString m_instanceDir;
    QString m_id;
    Phase m_phase = Idle;
    QString m_error;
    DeltaReport m_report;
    SpiceConnection *m_spice = nullptr;
    bool m_booted = false;
    QElapsedTimer m_timer;
    qint64 m_bootMs = 0;
};
