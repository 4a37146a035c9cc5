#include "userguide.h"

#include <QFile>

QString UserGuide::markdownFor(const QLocale &locale)
{
    QStringList languages = locale.uiLanguages();
    languages << QStringLiteral("en");
    for (const QString &language : std::as_const(languages)) {
        QFile guide(QStringLiteral(":/guide/user-guide.%1.md").arg(language.section(QLatin1Char('-'), 0, 0)));
        if (guide.open(QIODevice::ReadOnly))
            return QString::fromUtf8(guide.readAll());
    }
    return {};
}
