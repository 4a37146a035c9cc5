#include "translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

bool installTesseraTranslation(QTranslator *translator)
{
    const QString folder = QStringLiteral(":/i18n");
    if (!translator->load(QLocale(), QStringLiteral("tessera"), QStringLiteral("_"), folder)
        && !translator->load(QStringLiteral("tessera_en"), folder))
        return false;
    return QCoreApplication::installTranslator(translator);
}
