#pragma once

#include <QString>
#include <QStringList>

/// The commands the inspector VM's guest agent runs (argv, no shell on the host side): mount
/// the clean image and the quarantined delta read-only, compare the two trees into a
/// DeltaReport (perl-base, in every Debian system), wait for it, and copy one file out.
/// Inside the guest: /mnt/clean, /mnt/delta, /mnt/outbox (the 9p outbox, read-write).
class InspectorScripts
{
public:
    /// Serial numbers of the extra disks: the guest finds them in /sys/block/vd*/serial.
    static QString cleanSerial() { return QStringLiteral("tessera-clean"); }
    static QString deltaSerial() { return QStringLiteral("tessera-delta"); }
    static QString outboxTag() { return QStringLiteral("outbox"); }
    /// Guest file name of the report inside the outbox; written whole, then renamed.
    static QString reportName() { return QStringLiteral("report.txt"); }
    /// Largest file salvage copies out.
    static constexpr qint64 MaxSalvageBytes = 64 * 1024 * 1024;

    /// Mounts both disks read-only (ext4 journal not replayed: the disk stays as the guest left it).
    static QStringList mount();
    /// Starts the comparison in the background (the agent kills commands after 30 s).
    static QStringList startCompare();
    /// Waits in the guest for at most @p seconds for the report; exit 0 once it is there,
    /// 3 while the comparison still runs, 4 (with its errors) when it died.
    static QStringList waitForReport(int seconds);
    /// Copies the regular file @p guestPath of the delta to outbox/salvage/@p slot; exit 0 on
    /// success, 2 when it is not a regular file, 3 when it is larger than MaxSalvageBytes.
    static QStringList salvage(const QByteArray &guestPath, int slot);
    /// The perl program that compares the trees (exposed for tests).
    static QString compareProgram();
};
