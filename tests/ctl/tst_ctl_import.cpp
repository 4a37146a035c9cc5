// tessera-ctl import as a person runs it: progress and result, a rejected contract with the
// parser's FILE:LINE:COLUMN message, and kill -9 in the middle of an import leaving nothing
// half-imported once tessera-ctl starts again.
#include "../vmbackend/ovatestpackage.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace pkg = OvaTestPackage;

class TestCtlImport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_work;

    QString imports() const { return m_work.filePath(QStringLiteral("data/appliances")); }

    void prepare(QProcess *process) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TESSERA_DATA_DIR"), m_work.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("TESSERA_CACHE_DIR"), m_work.filePath(QStringLiteral("cache")));
        environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        process->setProcessEnvironment(environment);
    }

    /// A package NAME.ova with a raw disk of @p mebibytes (random content when @p random, so it cannot be skipped over).
    QString makePackage(const QString &name, int mebibytes, bool random, const QString &dstPort = QStringLiteral("443"))
    {
        const QString dir = m_work.filePath(name + QStringLiteral("-pkg"));
        QDir().mkpath(dir);
        if (!pkg::makeRawDisk(dir + QStringLiteral("/disk.raw"), mebibytes, random)
            || !pkg::write(dir + QStringLiteral("/") + name + QStringLiteral(".ovf"),
                      pkg::descriptor(name, QStringLiteral("disk.raw"), QStringLiteral("raw"), {}, dstPort)))
            return {};
        const QString ova = m_work.filePath(name + QStringLiteral(".ova"));
        return pkg::makeOva(ova, dir, {name + QStringLiteral(".ovf"), QStringLiteral("disk.raw")}) ? ova : QString();
    }

    /// Processes whose command line names @p path (tar or qemu-img working on it).
    static QStringList helpersOf(const QString &path)
    {
        QStringList found;
        for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (pid.toInt() > 0 && cmdline.open(QIODevice::ReadOnly)) {
                const QByteArray text = cmdline.readAll();
                if (text.contains(path.toUtf8()) || text.contains("killed.importing"))
                    found.append(pid);
            }
        }
        return found;
    }

private Q_SLOTS:
    void importsAndPrintsProgress()
    {
        const QString ova = makePackage(QStringLiteral("plain"), 8, false);
        QVERIFY(!ova.isEmpty());
        QProcess ctl;
        prepare(&ctl);
        ctl.start(QStringLiteral(TESSERA_CTL), {QStringLiteral("import"), ova, QStringLiteral("--name"), QStringLiteral("fromctl")});
        QVERIFY(ctl.waitForFinished(120000));
        const QString out = QString::fromUtf8(ctl.readAllStandardOutput());
        QVERIFY2(ctl.exitCode() == 0, qPrintable(out + QString::fromUtf8(ctl.readAllStandardError())));
        QVERIFY2(out.contains(QLatin1String("100% Imported")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("Converting the disk")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("Imported “fromctl”")));
        QVERIFY(out.contains(QLatin1String("without seamless windows")));
        QVERIFY(QFileInfo::exists(imports() + QStringLiteral("/fromctl/current/base.qcow2")));
    }

    void rejectedContractExitsTwoWithThePosition()
    {
        const QString ova = makePackage(QStringLiteral("badport"), 4, false, QStringLiteral("70000"));
        QVERIFY(!ova.isEmpty());
        QProcess ctl;
        prepare(&ctl);
        ctl.start(QStringLiteral(TESSERA_CTL), {QStringLiteral("import"), ova});
        QVERIFY(ctl.waitForFinished(60000));
        QCOMPARE(ctl.exitCode(), 2);
        const QString err = QString::fromUtf8(ctl.readAllStandardError());
        QVERIFY2(QRegularExpression(QStringLiteral("badport\\.ova/badport\\.ovf:\\d+:\\d+: ")).match(err).hasMatch(), qPrintable(err));
        QVERIFY(!QFileInfo::exists(imports() + QStringLiteral("/badport")));
        QVERIFY(!QFileInfo::exists(imports() + QStringLiteral("/badport.importing")));
    }

    void killNineLeavesNothingAfterTheNextStart()
    {
        // Big enough that tar and qemu-img take a while; random so that nothing is sparse.
        const QString ova = makePackage(QStringLiteral("killed"), 256, true);
        QVERIFY(!ova.isEmpty());
        QProcess ctl;
        prepare(&ctl);
        ctl.start(QStringLiteral(TESSERA_CTL), {QStringLiteral("import"), ova});
        QVERIFY(ctl.waitForStarted());
        // Wait until it has begun writing (it prints each step before doing it), then SIGKILL.
        QByteArray out;
        QDeadlineTimer deadline(60000);
        while (!out.contains("Unpacking") && !out.contains("Converting") && !deadline.hasExpired()
               && ctl.state() == QProcess::Running) {
            ctl.waitForReadyRead(1000);
            out += ctl.readAllStandardOutput();
        }
        QVERIFY2(out.contains("Unpacking") || out.contains("Converting"), out.constData());
        ctl.kill(); // SIGKILL
        QVERIFY(ctl.waitForFinished(30000));
        QCOMPARE(ctl.exitStatus(), QProcess::CrashExit);
        QVERIFY2(QFileInfo::exists(imports() + QStringLiteral("/killed.importing")), "the kill landed after the import finished");
        // Its tar or qemu-img died with it (nothing keeps writing into the folder).
        QTRY_VERIFY_WITH_TIMEOUT(helpersOf(ova).isEmpty(), 2000);
        QVERIFY(!QFileInfo::exists(imports() + QStringLiteral("/killed")));

        // The next start of tessera-ctl (any command) removes what the killed import left.
        QProcess next;
        prepare(&next);
        next.start(QStringLiteral(TESSERA_CTL), {QStringLiteral("events")});
        QVERIFY(next.waitForFinished(60000));
        QVERIFY(!QFileInfo::exists(imports() + QStringLiteral("/killed.importing")));
        QVERIFY(!QFileInfo::exists(imports() + QStringLiteral("/killed")));

        // And the same package then imports completely.
        QProcess again;
        prepare(&again);
        again.start(QStringLiteral(TESSERA_CTL), {QStringLiteral("import"), ova});
        QVERIFY(again.waitForFinished(300000));
        QVERIFY2(again.exitCode() == 0, again.readAllStandardError().constData());
        QVERIFY(QFileInfo::exists(imports() + QStringLiteral("/killed/current/base.qcow2")));
    }
};

QTEST_GUILESS_MAIN(TestCtlImport)
#include "tst_ctl_import.moc"
