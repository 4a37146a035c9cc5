#include "qemuimg.h"

#include <QProcess>

#include <csignal>
#include <sys/prctl.h>

bool QemuImg::run(const QStringList &arguments, int timeoutMs, QByteArray *output, QString *errorText, qint64 maxOutput)
{
    QProcess process;
    // Between fork and exec: only async-signal-safe calls.
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    process.start(QStringLiteral("qemu-img"), arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (errorText)
            *errorText = process.errorString() + QLatin1Char(' ') + QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput().left(maxOutput);
    return true;
}
