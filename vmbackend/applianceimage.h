#pragma once

#include <QString>

/// One built appliance as the build script left it in the cache:
/// a read-only base disk, the kernel and initrd to boot it directly, and its OVF descriptor.
struct ApplianceImage
{
    QString name;            ///< short id, e.g. "terminal"; also the OVF VirtualSystem id
    QString directory;       ///< the resolved build directory
    QString baseDisk;        ///< read-only qcow2 base image
    QString kernel;
    QString initrd;
    QString kernelCommandLine;
    QString descriptor;      ///< appliance.ovf
    QString job;             ///< what the appliance is for, e.g. "Terminal"
    QString recipeHash;
    double buildSeconds = 0;
    bool imported = false;   ///< imported from an OVF/OVA (ApplianceImporter), not built by Tessera
    /// Boots from the disk's own bootloader: an imported appliance that brought no kernel and initrd.
    bool bootFromDisk = false;

    bool isComplete() const;

    /// Reads NAME/current in the images directory. Returns an image whose isComplete() is false
    /// when something is missing.
    static ApplianceImage load(const QString &applianceDir);
};
