#include "importcommand.h"

#include "applianceimporter.h"
#include "tesserapaths.h"

#include <QObject>

int ImportCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QString path;
    QString name;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--name") && i + 1 < arguments.size())
            name = arguments.at(++i);
        else if (path.isEmpty() && !arguments.at(i).startsWith(QLatin1String("--")))
            path = arguments.at(i);
        else {
            err << tr("Usage: tessera-ctl import PATH.ova|PATH.ovf [--name NAME]") << Qt::endl;
            return 2;
        }
    }
    if (path.isEmpty()) {
        err << tr("Usage: tessera-ctl import PATH.ova|PATH.ovf [--name NAME]") << Qt::endl;
        return 2;
    }
    ApplianceImporter importer(TesseraPaths::importedAppliancesDir());
    importer.setBuiltAppliancesDir(TesseraPaths::applianceImagesDir());
    int lastPercent = -1;
    QString lastStage;
    QObject::connect(&importer, &ApplianceImporter::progress, &importer, [&](int percent, const QString &stage) {
        if (percent == lastPercent && stage == lastStage)
            return;
        lastPercent = percent;
        lastStage = stage;
        out << QStringLiteral("%1% %2").arg(percent, 3).arg(stage) << Qt::endl;
    });
    const ApplianceImporter::Result result = importer.import(path, name);
    if (!result.ok) {
        if (result.contractRejected)
            err << tr("Not imported: the appliance's contract is rejected.") << Qt::endl;
        err << result.error << Qt::endl;
        return result.contractRejected ? 2 : 1;
    }
    out << tr("Imported “%1” into %2.").arg(result.name, result.directory) << Qt::endl;
    out << tr("If the appliance has no Tessera guest agent, it runs in one window showing its whole desktop, without seamless windows.")
        << Qt::endl;
    return 0;
}
