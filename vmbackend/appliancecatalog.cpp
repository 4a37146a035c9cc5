#include "appliancecatalog.h"

#include <QDir>

QList<ApplianceImage> ApplianceCatalog::scan(const QString &imagesDir)
{
    QList<ApplianceImage> images;
    const QDir dir(imagesDir);
    for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        ApplianceImage image = ApplianceImage::load(dir.filePath(entry));
        if (image.isComplete())
            images.append(image);
    }
    return images;
}

ApplianceImage ApplianceCatalog::find(const QString &imagesDir, const QString &name)
{
    for (const ApplianceImage &image : scan(imagesDir)) {
        if (image.name == name)
            return image;
    }
    return {};
}
