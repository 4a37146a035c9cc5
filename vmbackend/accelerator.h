#pragma once

#include <QString>

/// Which way QEMU runs guest code. KVM only when it is known to work: the nested
/// "PVM" /dev/kvm some hosts expose cannot run a stock guest kernel.
class Accelerator
{
public:
    enum Kind { Tcg, Kvm };

    /// "auto" (or empty), "tcg" or "kvm". Unknown words count as auto.
    static Kind choose(const QString &preference);
    /// True when /dev/kvm is usable and backed by kvm_intel or kvm_amd.
    static bool kvmUsable(const QString &sysModuleDir = QStringLiteral("/sys/module"),
                          const QString &kvmDevice = QStringLiteral("/dev/kvm"));
    static QString name(Kind kind);        ///< "tcg" / "kvm", as in libvirt's domain type
    static QString displayName(Kind kind); ///< translated, for the UI
};
