#include "consentstore.h"

#include "tesserapaths.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QSaveFile>
#include <QSettings>

namespace {
constexpr qint64 MaxDescriptorBytes = 4 * 1024 * 1024; // as the contract parser
}

ConsentStore::ConsentStore(QObject *parent)
    : QObject(parent)
{
}

QString ConsentStore::copyPath(const QString &appliance)
{
    return TesseraPaths::dataDir() + QStringLiteral("/consent/") + appliance + QStringLiteral(".ovf");
}

QString ConsentStore::acceptedDescriptor(const QString &appliance) const
{
    const QString path = copyPath(appliance);
    return QFile::exists(path) ? path : QString();
}

bool ConsentStore::remember(const QString &appliance, const QString &descriptorPath, const QString &digest)
{
    QFile source(descriptorPath);
    if (source.size() > MaxDescriptorBytes || !source.open(QIODevice::ReadOnly))
        return false;
    if (!QDir().mkpath(QFileInfo(copyPath(appliance)).absolutePath()))
        return false;
    QSaveFile copy(copyPath(appliance)); // atomic: the old consent stays until the new one is whole
    if (!copy.open(QIODevice::WriteOnly) || copy.write(source.readAll()) < 0 || !copy.commit())
        return false;
    QSettings settings;
    settings.setValue(QStringLiteral("consent/%1/digest").arg(appliance), digest);
    return true;
}

void ConsentStore::forget(const QString &appliance)
{
    QFile::remove(copyPath(appliance));
    QSettings().remove(QStringLiteral("consent/%1").arg(appliance));
}
