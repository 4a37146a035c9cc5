#pragma once

#include "applianceimage.h"
#include "domainspec.h"
#include "vmerror.h"

#include <QCoreApplication>
#include <QString>

struct _virConnect;

/// The inspector VM: a throwaway appliance that reads a quarantined system disk so that the
/// host kernel never mounts it (guestfs-security(1)). It boots an appliance's base image on a
/// fresh overlay, with no network, and gets two more disks — the clean image, read-only, and
/// the quarantined delta on top of it, seen through a throwaway overlay (deltaView()) — and
/// one 9p folder (the quarantine's outbox) to write its report and salvaged files into. Its
/// guest agent does the reading (InspectorScripts).
/// start()/stop() are blocking: run them on the LibvirtConnection worker.
class InspectorJob
{
    Q_DECLARE_TR_FUNCTIONS(InspectorJob)
public:
    static QString domainName() { return QStringLiteral("tessera-inspector"); }
    /// The appliance whose base image the inspector boots.
    static QString imageName() { return QStringLiteral("terminal"); }

    DomainSpec spec;    ///< the inspector's own system (from specFor())
    QString baseDisk;   ///< the inspector's base image
    QString cleanDisk;  ///< read-only: what the delta is relative to
    QString deltaDisk;  ///< never written: the quarantined overlay
    QString outboxDir;  ///< shared read-write (9p, mapped: guest links are plain files here)

    /// The inspector's domain spec on @p image (its kernel, no network) under DATA/inspector.
    static DomainSpec specFor(const ApplianceImage &image, Accelerator::Kind accelerator);
    /// Where the delta is seen from: a fresh overlay on it beside the inspector's system disk.
    /// A recovered appliance was switched off hard, so its newest metadata may be only in the
    /// ext4 journal; the guest replays the journal into this overlay, leaving the delta as it was.
    QString deltaView() const;
    /// The domain XML: the appliance XML plus the clean image, the delta's view and the outbox.
    QString domainXml() const;
    /// A fresh overlay, (re)definition and boot. Any inspector still running is switched off first.
    VmError start(_virConnect *connection) const;
    /// Switches the inspector off and removes its definition (it is throwaway).
    VmError stop(_virConnect *connection) const;
};
