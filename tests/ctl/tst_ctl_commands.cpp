// Every tessera-ctl command, run repeatedly as a person (or a script) runs it, on libvirt's test
// driver: none may crash on its way out (a start once printed its result and then died in its
// libvirt worker thread), and none prints Tessera's log unless asked with --verbose.
#include "testimage.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

class TestCtlCommands : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;

    struct Run
    {
        bool finished = false;
        QProcess::ExitStatus status = QProcess::NormalExit;
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run ctl(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TESSERA_DATA_DIR"), m_home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("TESSERA_CACHE_DIR"), m_home.filePath(QStringLiteral("cache")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        environment.remove(QStringLiteral("QT_LOGGING_RULES"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TESSERA_CTL), QStringList{QStringLiteral("--uri"), QStringLiteral("test:///default")} + arguments);
        Run run;
        run.finished = process.waitForFinished(60000);
        run.status = process.exitStatus();
        run.exitCode = process.exitCode();
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(makeTestAppliance(m_home.filePath(QStringLiteral("cache")), QStringLiteral("terminal")));
        const QString descriptor = m_home.filePath(QStringLiteral("cache/appliances/terminal/h1/appliance.ovf"));
        QFile::remove(descriptor);
        QVERIFY(QFile::copy(QStringLiteral(TESSERA_SOURCE_DIR "/appliances/terminal/appliance.ovf"), descriptor));
    }

    void commandsExitCleanly_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("expectedExit");
        const QString ovf = QStringLiteral(TESSERA_SOURCE_DIR "/appliances/terminal/appliance.ovf");
        QTest::newRow("list") << QStringList{QStringLiteral("list")} << 0;
        QTest::newRow("start") << QStringList{QStringLiteral("start"), QStringLiteral("terminal")} << 0;
        QTest::newRow("stop") << QStringList{QStringLiteral("stop"), QStringLiteral("terminal")} << 0;
        QTest::newRow("mode") << QStringList{QStringLiteral("mode"), QStringLiteral("terminal")} << 0;
        QTest::newRow("rollback") << QStringList{QStringLiteral("rollback"), QStringLiteral("terminal")} << 0;
        QTest::newRow("points") << QStringList{QStringLiteral("points"), QStringLiteral("terminal")} << 0;
        QTest::newRow("quarantine") << QStringList{QStringLiteral("quarantine"), QStringLiteral("terminal")} << 0;
        QTest::newRow("events") << QStringList{QStringLiteral("events")} << 0;
        QTest::newRow("history") << QStringList{QStringLiteral("history")} << 0;
        QTest::newRow("contract show") << QStringList{QStringLiteral("contract"), QStringLiteral("show"), ovf} << 0;
        QTest::newRow("unknown appliance") << QStringList{QStringLiteral("start"), QStringLiteral("nothing-here")} << 1;
    }

    void commandsExitCleanly()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, expectedExit);
        for (int round = 0; round < 5; ++round) {
            const Run run = ctl(arguments);
            QVERIFY2(run.finished, "did not finish within a minute");
            QVERIFY2(run.status == QProcess::NormalExit, qPrintable(QStringLiteral("crashed in round %1: %2").arg(round).arg(QString::fromUtf8(run.err))));
            QVERIFY2(run.exitCode == expectedExit,
                     qPrintable(QStringLiteral("exit %1 in round %2: %3").arg(run.exitCode).arg(round).arg(QString::fromUtf8(run.err))));
            // Tessera's log stays out of a command's output unless asked for.
            QVERIFY2(!run.err.contains("tessera.") && !run.out.contains("tessera."), run.err.constData());
        }
    }

    // Under a C locale (no translation for it) the English plural forms apply: "1 system", not "1 system(s)".
    void englishPluralsUnderTheCLocale()
    {
        qputenv("LC_ALL", "C");
        auto restore = qScopeGuard([] { qunsetenv("LC_ALL"); });
        const Run run = ctl({QStringLiteral("contract"), QStringLiteral("check"), QStringLiteral(TESSERA_SOURCE_DIR "/appliances/terminal/appliance.ovf")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("ok (1 system)"), run.out.constData());
    }

    void verboseShowsTheLog()
    {
        const Run run = ctl({QStringLiteral("--verbose"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("tessera.vmbackend: opening"), run.err.constData());
        QVERIFY2(run.out.contains("terminal"), run.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCtlCommands)
#include "tst_ctl_commands.moc"
