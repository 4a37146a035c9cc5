#pragma once

#include "applianceimage.h"
#include "domainspec.h"
#include "libvirtconnection.h"
#include "vmerror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

/// One appliance's virtual machine: a persistent libvirt domain booted on a qcow2 overlay
/// over the appliance's read-only base image. Folds libvirt's lifecycle events and its own
/// operations into one state the UI binds to. Every libvirt call and disk operation runs on
/// the connection's worker thread.
class ApplianceVm : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum State {
        Unknown,      ///< not yet asked libvirt
        Off,
        Preparing,    ///< making the system disk and domain definition
        Starting,     ///< libvirt is starting QEMU
        Running,
        Stopping,     ///< shutdown requested, waiting for the guest to power off
        RollingBack,  ///< replacing the system overlay
        Failed,       ///< the last operation failed; see lastError()
    };
    Q_ENUM(State)

    ApplianceVm(LibvirtConnection *connection, const ApplianceImage &image, Accelerator::Kind accelerator,
                QObject *parent = nullptr);

    State state() const { return m_state; }
    VmError lastError() const { return m_lastError; }
    ApplianceImage image() const { return m_image; }
    DomainSpec spec() const { return m_spec; }
    /// Resource sizing from the appliance's contract; applied at the next start.
    void setResources(int vcpus, int memoryMiB);
    /// How long a graceful stop may take before the VM is switched off hard.
    void setStopTimeout(int milliseconds) { m_stopTimeoutMs = milliseconds; }

    /// Asks libvirt for the domain's current state (e.g. when the shell starts).
    void refresh();
    /// Prepares the system disk, (re)defines the domain and starts it.
    void start();
    /// Graceful shutdown (ACPI power button); switched off hard after the stop timeout.
    void stop();
    /// Switches the VM off at once, like pulling the plug.
    void powerOff();
    /// Discards all changes to the system disk. The VM must be off.
    void rollback();

Q_SIGNALS:
    void stateChanged(ApplianceVm::State state);
    /// An operation failed; the state is Failed or back to what libvirt reports.
    void failed(const VmError &error);
    /// rollback() finished; @p milliseconds is the time the disk swap took.
    void rolledBack(qint64 milliseconds);

private:
    void setState(State state);
    void fail(const VmError &error);
    void onDomainEvent(const QString &domainName, LibvirtConnection::DomainEvent event, int detail);

    LibvirtConnection *m_connection;
    ApplianceImage m_image;
    DomainSpec m_spec;
    State m_state = Unknown;
    VmError m_lastError;
    QTimer m_stopDeadline;
    int m_stopTimeoutMs = 30000;
};
