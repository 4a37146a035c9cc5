#include "accelerator.h"

#include <QCoreApplication>
#include <QFileInfo>

Accelerator::Kind Accelerator::choose(const QString &preference)
{
    if (preference == QLatin1String("tcg"))
        return Tcg;
    if (preference == QLatin1String("kvm"))
        return Kvm;
    return kvmUsable() ? Kvm : Tcg;
}

bool Accelerator::kvmUsable(const QString &sysModuleDir, const QString &kvmDevice)
{
    const QFileInfo device(kvmDevice);
    if (!device.exists() || !device.isReadable() || !device.isWritable())
        return false;
    return QFileInfo::exists(sysModuleDir + QStringLiteral("/kvm_intel"))
        || QFileInfo::exists(sysModuleDir + QStringLiteral("/kvm_amd"));
}

QString Accelerator::name(Kind kind)
{
    return kind == Kvm ? QStringLiteral("kvm") : QStringLiteral("tcg");
}

QString Accelerator::displayName(Kind kind)
{
    return kind == Kvm ? QCoreApplication::translate("Accelerator", "KVM (hardware virtualisation)")
                       : QCoreApplication::translate("Accelerator", "TCG (software emulation, slower)");
}
