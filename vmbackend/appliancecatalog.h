#pragma once

#include "applianceimage.h"

#include <QList>

/// The appliances built into the cache (see appliances/README.md for the layout).
class ApplianceCatalog
{
public:
    /// Complete images under @p imagesDir, sorted by name.
    static QList<ApplianceImage> scan(const QString &imagesDir);
    static ApplianceImage find(const QString &imagesDir, const QString &name);

    /// The built appliances (cache) and the imported ones (DATA/appliances), sorted by name.
    /// A built appliance wins over an imported one of the same name (imports refuse such names).
    static QList<ApplianceImage> scanAll();
    static ApplianceImage findAny(const QString &name);
};
