#include "appliancecatalog.h"

#include "tesserapaths.h"

#include <QDir>

#include <algorithm>

QList<ApplianceImage> ApplianceCatalog::scan(const QString &imagesDir)
{
    QList<ApplianceImage> images;
    const QDir dir(imagesDir);
    for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        // An import in progress (or interrupted) is not an appliance yet.
        if (entry.endsWith(QLatin1String(".importing")))
            continue;
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

QList<ApplianceImage> ApplianceCatalog::scanAll()
{
    QList<ApplianceImage> images = scan(TesseraPaths::applianceImagesDir());
    for (const ApplianceImage &imported : scan(TesseraPaths::importedAppliancesDir())) {
        const bool taken = std::any_of(images.cbegin(), images.cend(),
                                       [&](const ApplianceImage &image) { return image.name == imported.name; });
        if (!taken)
            images.append(imported);
    }
    std::sort(images.begin(), images.end(), [](const ApplianceImage &a, const ApplianceImage &b) { return a.name < b.name; });
    return images;
}

ApplianceImage ApplianceCatalog::findAny(const QString &name)
{
    const ApplianceImage built = find(TesseraPaths::applianceImagesDir(), name);
    return built.isComplete() ? built : find(TesseraPaths::importedAppliancesDir(), name);
}
