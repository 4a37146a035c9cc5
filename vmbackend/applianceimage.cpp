#include "applianceimage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// build.json is written by our own build script, but keep reads bounded anyway.
constexpr qint64 MaxBuildInfoBytes = 64 * 1024;
}

bool ApplianceImage::isComplete() const
{
    return !name.isEmpty() && QFileInfo::exists(baseDisk) && QFileInfo::exists(descriptor)
        && (bootFromDisk || (QFileInfo::exists(kernel) && QFileInfo::exists(initrd)));
}

ApplianceImage ApplianceImage::load(const QString &applianceDir)
{
    ApplianceImage image;
    const QFileInfo current(applianceDir + QStringLiteral("/current"));
    if (!current.exists())
        return image;
    image.directory = current.canonicalFilePath();
    image.name = QFileInfo(applianceDir).fileName();
    image.baseDisk = image.directory + QStringLiteral("/base.qcow2");
    image.kernel = image.directory + QStringLiteral("/vmlinuz");
    image.initrd = image.directory + QStringLiteral("/initrd.img");
    image.descriptor = image.directory + QStringLiteral("/appliance.ovf");

    QFile buildInfo(image.directory + QStringLiteral("/build.json"));
    if (buildInfo.size() <= MaxBuildInfoBytes && buildInfo.open(QIODevice::ReadOnly)) {
        const QJsonObject info = QJsonDocument::fromJson(buildInfo.readAll()).object();
        image.kernelCommandLine = info.value(QStringLiteral("cmdline")).toString();
        image.recipeHash = info.value(QStringLiteral("hash")).toString();
        image.job = info.value(QStringLiteral("job")).toString();
        image.buildSeconds = info.value(QStringLiteral("build_seconds")).toDouble();
        image.imported = info.value(QStringLiteral("imported")).toBool();
        image.bootFromDisk = info.value(QStringLiteral("boot")).toString() == QLatin1String("disk");
    }
    if (image.bootFromDisk) {
        image.kernel.clear();
        image.initrd.clear();
    }
    if (image.kernelCommandLine.isEmpty())
        image.kernelCommandLine = QStringLiteral("root=/dev/vda rw console=ttyS0 quiet");
    return image;
}
