// bench-journal: what keeping the personal store's history (StoreRecorder + StoreJournal)
// costs an appliance that writes into the store, against the same writes into an
// unjournaled share. The writer is a separate process (as QEMU is for a real appliance);
// the recorder runs in this one (as in the shell). Trials alternate between the two so
// that a busy host disturbs both alike. Prints figures; passes or fails nothing.
//
// Usage: bench-journal [TRIALS [FILES [KIB [ROUNDS]]]]   (defaults 5 100 256 3)
#include "storejournal.h"
#include "storerecorder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

#include <sys/resource.h>
#include <unistd.h>

namespace {

struct Workload
{
    int files = 100;
    int kib = 256;
    int rounds = 3;

    qint64 bytes() const { return qint64(files) * kib * 1024 * rounds; }
    // Deterministic content that changes every round, so every write is a new version.
    QByteArray content(int file, int round) const
    {
        QByteArray data(kib * 1024, Qt::Uninitialized);
        quint32 x = 2654435761u * quint32(file + 1) + 40503u * quint32(round + 1);
        for (char &c : data) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            c = char(x);
        }
        return data;
    }
    QString path(const QString &root, int file) const
    {
        return QStringLiteral("%1/Documents/f%2.bin").arg(root).arg(file, 4, 10, QLatin1Char('0'));
    }
};

double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The writer: every round rewrites every file (write to a new name, fsync, rename over),
// the way an editor saves. Prints its own elapsed milliseconds.
int runWriter(const QString &root, const Workload &load)
{
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < load.rounds; ++round) {
        for (int file = 0; file < load.files; ++file) {
            const QString target = load.path(root, file);
            QFile out(target + QStringLiteral(".new"));
            if (!out.open(QIODevice::WriteOnly) || out.write(load.content(file, round)) < 0 || !out.flush()
                || ::fsync(out.handle()) != 0)
                return 1;
            out.close();
            if (::rename(QFile::encodeName(out.fileName()).constData(), QFile::encodeName(target).constData()) != 0)
                return 1;
        }
    }
    std::printf("%lld\n", static_cast<long long>(timer.elapsed()));
    return 0;
}

qint64 directoryBytes(const QString &dir)
{
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

bool waitFor(const std::function<bool()> &condition, int deadlineMs, QObject *wake, const char *signal)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > deadlineMs)
            return false;
        QEventLoop loop;
        QObject::connect(wake, signal, &loop, SLOT(quit()));
        QTimer::singleShot(200, &loop, &QEventLoop::quit); // re-check at least this often
        loop.exec();
    }
    return true;
}

struct Trial
{
    double writerMs = 0;
    double drainMs = 0;      // writer done -> every final version recorded
    double recorderCpuMs = 0;
    double writerCpuMs = 0;
    qint64 journalBytes = 0;
    bool complete = true;
};

Trial runTrial(const QString &self, const Workload &load, bool journaled)
{
    Trial trial;
    QTemporaryDir scratch(QDir::homePath() + QStringLiteral("/.cache/tessera-bench-journal-XXXXXX"));
    const QString store = scratch.path() + QStringLiteral("/store");
    const QString journalDir = scratch.path() + QStringLiteral("/journal");
    QDir().mkpath(store + QStringLiteral("/Documents"));

    std::unique_ptr<StoreRecorder> recorder;
    QHash<QString, QString> finalHash; // store-relative path -> hash of the last round
    if (journaled) {
        for (int file = 0; file < load.files; ++file)
            finalHash.insert(QDir(store).relativeFilePath(load.path(store, file)),
                             StoreJournal::hashOf(load.content(file, load.rounds - 1)));
        recorder = std::make_unique<StoreRecorder>(journalDir, store);
        bool ready = false;
        QObject::connect(recorder.get(), &StoreRecorder::ready, [&ready] { ready = true; });
        recorder->start();
        waitFor([&] { return ready; }, 30000, recorder.get(), SIGNAL(ready()));
        recorder->setWritableFolders(QStringLiteral("bench"), {QStringLiteral("Documents")});
    }

    const double cpuBefore = cpuSeconds(RUSAGE_SELF);
    const double childCpuBefore = cpuSeconds(RUSAGE_CHILDREN);
    QProcess writer;
    writer.start(self, {QStringLiteral("--write"), store, QString::number(load.files), QString::number(load.kib),
                        QString::number(load.rounds)});
    waitFor([&] { return writer.state() == QProcess::NotRunning; }, 600000, &writer, SIGNAL(finished(int, QProcess::ExitStatus)));
    trial.writerMs = writer.readAllStandardOutput().trimmed().toDouble();
    trial.writerCpuMs = (cpuSeconds(RUSAGE_CHILDREN) - childCpuBefore) * 1000;
    if (writer.exitCode() != 0) {
        std::fprintf(stderr, "writer failed: %s\n", writer.readAllStandardError().constData());
        trial.complete = false;
    }

    if (journaled) {
        QElapsedTimer drain;
        drain.start();
        QHash<QString, QString> recorded;
        bool fetched = true;
        auto allRecorded = [&] {
            if (!fetched)
                return false;
            for (auto it = finalHash.cbegin(); it != finalHash.cend(); ++it) {
                if (recorded.value(it.key()) != it.value()) {
                    // Ask the worker for its changes; the answer re-checks.
                    fetched = false;
                    recorder->changes(recorder.get(), [&](const QList<StoreJournal::Change> &changes) {
                        for (const StoreJournal::Change &change : changes)
                            recorded.insert(change.path, change.after);
                        fetched = true;
                    });
                    return false;
                }
            }
            return true;
        };
        trial.complete = waitFor(allRecorded, 120000, recorder.get(), SIGNAL(recorded(QString, QString))) && trial.complete;
        trial.drainMs = double(drain.elapsed());
        trial.recorderCpuMs = (cpuSeconds(RUSAGE_SELF) - cpuBefore) * 1000;
        recorder.reset();
        trial.journalBytes = directoryBytes(journalDir);
    }
    return trial;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 6 && qstrcmp(argv[1], "--write") == 0) {
        Workload load;
        load.files = atoi(argv[3]);
        load.kib = atoi(argv[4]);
        load.rounds = atoi(argv[5]);
        return runWriter(QString::fromLocal8Bit(argv[2]), load);
    }
    QCoreApplication app(argc, argv);
    const int trials = argc > 1 ? atoi(argv[1]) : 5;
    Workload load;
    if (argc > 2) load.files = atoi(argv[2]);
    if (argc > 3) load.kib = atoi(argv[3]);
    if (argc > 4) load.rounds = atoi(argv[4]);
    const double mib = double(load.bytes()) / (1024 * 1024);

    std::printf("bench-journal: %d files x %d KiB x %d rounds = %.1f MiB per trial, each file saved with fsync + rename\n",
                load.files, load.kib, load.rounds, mib);
    std::printf("%-12s %10s %10s %12s %12s %12s\n", "trial", "writer ms", "drain ms", "writer cpu", "recorder cpu", "journal MiB");
    QList<double> plain, journaled, drains, recorderCpu, writerCpuPlain, writerCpuJournaled, journalMiB;
    int incomplete = 0;
    for (int i = 0; i < trials; ++i) {
        for (bool withJournal : {false, true}) {
            const Trial t = runTrial(QCoreApplication::applicationFilePath(), load, withJournal);
            std::printf("%-12s %10.0f %10.0f %12.0f %12.0f %12.1f%s\n", withJournal ? "journaled" : "unjournaled", t.writerMs,
                        t.drainMs, t.writerCpuMs, t.recorderCpuMs, double(t.journalBytes) / (1024 * 1024),
                        t.complete ? "" : "  (INCOMPLETE)");
            if (!t.complete)
                ++incomplete;
            if (withJournal) {
                journaled << t.writerMs;
                drains << t.drainMs;
                recorderCpu << t.recorderCpuMs;
                writerCpuJournaled << t.writerCpuMs;
                journalMiB << double(t.journalBytes) / (1024 * 1024);
            } else {
                plain << t.writerMs;
                writerCpuPlain << t.writerCpuMs;
            }
        }
    }
    const double plainMs = median(plain);
    const double journaledMs = median(journaled);
    std::printf("\nwriter time, median: unjournaled %.0f ms, journaled %.0f ms -> overhead %+.1f %% (goal <= 10 %%)\n", plainMs,
                journaledMs, plainMs > 0 ? (journaledMs - plainMs) / plainMs * 100 : 0.0);
    std::printf("recorder: %.1f ms CPU per MiB written (median); every version recorded %.0f ms after the writer finished (median)\n",
                median(recorderCpu) / mib, median(drains));
    std::printf("journal storage: %.1f MiB for %.1f MiB written (%d versions of %d files; kept until pruned by retention)\n",
                median(journalMiB), mib, load.rounds, load.files);
    if (incomplete)
        std::printf("%d trial(s) did not record every version within the deadline\n", incomplete);
    return 0;
}
