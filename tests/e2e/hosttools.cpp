#include "hosttools.h"

#include <QProcess>
#include <QRegularExpression>

QByteArray runHostTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(15000)) {
        process.kill();
        process.waitForFinished(1000);
        return {};
    }
    return process.readAllStandardOutput();
}

QRect geometryFromXwininfo(const QString &xwininfoOutput)
{
    auto value = [&](const char *label) {
        const QRegularExpressionMatch m = QRegularExpression(QLatin1String(label) + QStringLiteral(":\\s+(-?\\d+)")).match(xwininfoOutput);
        return m.hasMatch() ? m.captured(1).toInt() : -99999;
    };
    return QRect(value("Absolute upper-left X"), value("Absolute upper-left Y"), value("Width"), value("Height"));
}
