#include "ovaarchive.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

#include <csignal>
#include <sys/prctl.h>

namespace {

// Listing and reading the descriptor are quick; extraction of a disk takes as long as the disk is big.
constexpr int ListTimeoutMs = 120 * 1000;
constexpr int ExtractTimeoutMs = 60 * 60 * 1000;
constexpr int ProgressIntervalMs = 250;

void startTar(QProcess *tar, const QStringList &arguments)
{
    // The listing's columns are parsed: keep tar's messages and dates in the C locale.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    tar->setProcessEnvironment(environment);
    // tar dies with the thread that started it: a killed import leaves no tar writing into NAME.importing.
    tar->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    tar->start(QStringLiteral("tar"), arguments);
}

bool finished(QProcess *tar, int timeoutMs, QString *error)
{
    // waitForFinished() is false for a process that has already finished.
    const bool ended = tar->state() == QProcess::NotRunning || tar->waitForFinished(timeoutMs);
    if (ended && tar->error() != QProcess::FailedToStart && tar->exitStatus() == QProcess::NormalExit && tar->exitCode() == 0)
        return true;
    if (tar->state() != QProcess::NotRunning) {
        tar->kill();
        tar->waitForFinished();
    }
    *error = QString::fromLocal8Bit(tar->readAllStandardError()).trimmed().left(500);
    if (error->isEmpty())
        *error = tar->errorString();
    return false;
}

} // namespace

OvaArchive::OvaArchive(const QString &path) : m_path(path) {}

bool OvaArchive::list(QList<Member> *members, QString *error) const
{
    // Names from --list (one a line, tar escapes odd characters), types and sizes from
    // --verbose (same order). Verbose lines cannot be split on names with spaces, so take only columns 1 and 3.
    QProcess names;
    startTar(&names, {QStringLiteral("--list"), QStringLiteral("--file"), m_path});
    if (!finished(&names, ListTimeoutMs, error))
        return false;
    QProcess verbose;
    startTar(&verbose, {QStringLiteral("--list"), QStringLiteral("--verbose"), QStringLiteral("--file"), m_path});
    if (!finished(&verbose, ListTimeoutMs, error))
        return false;
    const QList<QByteArray> nameLines = names.readAllStandardOutput().split('\n');
    const QList<QByteArray> verboseLines = verbose.readAllStandardOutput().split('\n');
    if (nameLines.size() != verboseLines.size()) {
        *error = tr("tar listed the archive inconsistently.");
        return false;
    }
    members->clear();
    for (qsizetype i = 0; i < nameLines.size(); ++i) {
        if (nameLines.at(i).isEmpty())
            continue;
        const QList<QByteArray> columns = verboseLines.at(i).simplified().split(' ');
        Member member;
        member.name = QString::fromUtf8(nameLines.at(i));
        member.type = columns.value(0).isEmpty() ? '?' : columns.value(0).at(0);
        bool ok = false;
        member.size = columns.value(2).toLongLong(&ok);
        if (!ok)
            member.size = 0;
        members->append(member);
    }
    return true;
}

bool OvaArchive::read(const QString &member, qint64 maxBytes, QByteArray *data, QString *error) const
{
    QProcess tar;
    startTar(&tar, {QStringLiteral("--extract"), QStringLiteral("--to-stdout"), QStringLiteral("--file"), m_path,
                    QStringLiteral("--"), member});
    if (!finished(&tar, ListTimeoutMs, error))
        return false;
    *data = tar.readAllStandardOutput();
    if (data->size() > maxBytes) {
        *error = tr("“%1” is larger than %2 bytes.").arg(member).arg(maxBytes);
        return false;
    }
    return true;
}

bool OvaArchive::extract(const QString &member, const QString &directory, QString *error,
                         const std::function<bool(qint64)> &onProgress) const
{
    QProcess tar;
    startTar(&tar, {QStringLiteral("--extract"), QStringLiteral("--file"), m_path, QStringLiteral("--directory"), directory,
                    QStringLiteral("--no-same-owner"), QStringLiteral("--no-same-permissions"),
                    QStringLiteral("--no-overwrite-dir"), QStringLiteral("--"), member});
    if (onProgress) {
        // Progress from the size of the file being written; bounded by tar's own end and the deadline.
        QDeadlineTimer deadline(ExtractTimeoutMs);
        while (!tar.waitForFinished(ProgressIntervalMs) && tar.state() != QProcess::NotRunning && !deadline.hasExpired()) {
            if (!onProgress(QFileInfo(directory + QLatin1Char('/') + member).size())) {
                tar.kill();
                tar.waitForFinished();
                *error = tr("Stopped.");
                return false;
            }
        }
    }
    return finished(&tar, ExtractTimeoutMs, error);
}
