// bench-points: restore-point creation and merge times on real qcow2 files with the VM off,
// for points holding 10 MB and 1 GB of written data (--large adds 10 GB). Creation renames the
// live overlay into a point and puts a new empty overlay on it: it should be flat. A merge
// (retention) rebases the point's child onto its parent in qemu-img's safe mode, copying what
// the point held: it grows with the point's data. Prints every run and the median.
// Taking a point while the VM runs is refused (see docs/recovery.md), so it has no figure.
#include "restorepointstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.isEmpty() ? 0 : values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

void print(const QString &what, const QList<double> &runs)
{
    QStringList each;
    for (double v : runs)
        each << QString::number(v, 'f', 3);
    std::printf("%s: median %.3f s over %lld runs [%s]\n", qPrintable(what), median(runs), static_cast<long long>(runs.size()),
                qPrintable(each.join(QStringLiteral(", "))));
    std::fflush(stdout);
}

bool run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(program, arguments);
    return process.waitForFinished(-1) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool fill(const QString &image, qint64 bytes, int pattern)
{
    constexpr qint64 Chunk = qint64(1) << 30;
    QStringList arguments{QStringLiteral("-f"), QStringLiteral("qcow2")};
    for (qint64 offset = 0; offset < bytes; offset += Chunk)
        arguments << QStringLiteral("-c") << QStringLiteral("write -q -P %1 %2 %3").arg(pattern).arg(offset).arg(qMin(Chunk, bytes - offset));
    arguments << image;
    return run(QStringLiteral("qemu-io"), arguments);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per size (default 3)."), QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption largeOption(QStringLiteral("large"), QStringLiteral("Also 10 GB (needs ~25 GB free)."));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Where to put the images (default: a temporary folder)."), QStringLiteral("dir"));
    parser.addOptions({runsOption, largeOption, dirOption});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    QList<qint64> sizes{10LL << 20, 1LL << 30};
    if (parser.isSet(largeOption))
        sizes << (10LL << 30);

    for (const qint64 size : sizes) {
        QList<double> takes;
        QList<double> rollbacks;
        QList<double> merges;
        for (int i = 0; i < runs; ++i) {
            QTemporaryDir dir(parser.isSet(dirOption) ? parser.value(dirOption) + QStringLiteral("/bench-points-XXXXXX") : QString());
            const QString base = dir.filePath(QStringLiteral("base.qcow2"));
            if (!run(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"), base,
                                                  QStringLiteral("12G")}))
                return 1;
            const RestorePointStore store(dir.filePath(QStringLiteral("instance")), base);
            if (store.ensureLive().isError() || !fill(store.liveOverlay(), size, 0x5a))
                return 1;
            QElapsedTimer timer;
            timer.start();
            if (store.take(RestorePoint::onDemand(), {}, true).isError())
                return 1;
            takes << timer.elapsed() / 1000.0;
            // A child on the point, then the point merged away (as retention does).
            if (!fill(store.liveOverlay(), 10LL << 20, 0x6b))
                return 1;
            timer.restart();
            if (store.merge(QStringLiteral("1")).isError())
                return 1;
            merges << timer.elapsed() / 1000.0;
            timer.restart();
            if (store.rollbackTo({}, true).isError()) // keeps the live changes as a point first
                return 1;
            rollbacks << timer.elapsed() / 1000.0;
        }
        const QString label = size >= (1LL << 30) ? QStringLiteral("%1 GB").arg(size >> 30) : QStringLiteral("%1 MB").arg(size >> 20);
        print(QStringLiteral("restore point creation, VM off, %1 written").arg(label), takes);
        print(QStringLiteral("merge of a point holding %1 into a child holding 10 MB").arg(label), merges);
        print(QStringLiteral("roll back to base keeping 10 MB of changes as a point, on %1").arg(label), rollbacks);
    }
    return 0;
}
