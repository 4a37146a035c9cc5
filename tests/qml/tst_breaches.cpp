// The shell's breach list (under QAbstractItemModelTester) and tessera-ctl events, both
// reading the breach logs a monitor writes.
#include "breachlistmodel.h"
#include "breachlog.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

BreachEvent breachOf(BreachEvent::Kind kind, const QString &appliance, const QString &subject, int secondsAgo)
{
    BreachEvent e;
    e.kind = kind;
    e.appliance = appliance;
    e.time = QDateTime::currentDateTimeUtc().addSecs(-secondsAgo);
    e.windowStart = e.time;
    e.windowEnd = e.time;
    e.subject = subject;
    e.observed = -1;
    e.bound = 30;
    e.unit = QStringLiteral("s");
    e.addEvidence(subject + QStringLiteral("/evil.sh"));
    return e;
}

} // namespace

class TestBreaches : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelListsLoggedAndNewBreachesNewestFirst()
    {
        QTemporaryDir logs;
        const BreachLog log(logs.path());
        QVERIFY(log.append(breachOf(BreachEvent::Kind::WriteWithoutInput, QStringLiteral("terminal"), QStringLiteral("Documents"), 20)));
        QVERIFY(log.append(breachOf(BreachEvent::Kind::ConnectionDenied, QStringLiteral("editor"), QStringLiteral("127.0.0.1:9"), 10)));
        BreachListModel model(nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.load(logs.path());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0), BreachListModel::ApplianceRole).toString(), QStringLiteral("editor"));
        QCOMPARE(model.data(model.index(1), BreachListModel::KindRole).toString(), QStringLiteral("write-without-input"));
        QVERIFY(model.data(model.index(1), BreachListModel::EvidenceRole).toStringList().contains(QStringLiteral("Documents/evil.sh")));

        QSignalSpy raised(&model, &BreachListModel::breachRaised);
        model.add(breachOf(BreachEvent::Kind::CpuOverQuota, QStringLiteral("terminal"), QStringLiteral("terminal"), 0));
        QCOMPARE(raised.count(), 1);
        QCOMPARE(raised.first().first().toString(), QStringLiteral("terminal"));
        QVERIFY(!raised.first().at(1).toString().isEmpty());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(0), BreachListModel::KindRole).toString(), QStringLiteral("cpu-over-quota"));
        QCOMPARE(model.countFor(QStringLiteral("terminal")), 2);
    }

    void aHugeLogIsReadFromItsTail()
    {
        // 24 MiB of breaches dated in the future, then 2 MiB of ordinary ones: the list at start
        // reads only the end of the log, so none of the future ones (which would sort first) shows.
        QTemporaryDir logs;
        const BreachLog log(logs.path());
        const QString file = log.fileFor(QStringLiteral("terminal"));
        QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
        BreachEvent future = breachOf(BreachEvent::Kind::CpuOverQuota, QStringLiteral("terminal"), QStringLiteral("terminal"), 0);
        future.time = QDateTime::currentDateTimeUtc().addYears(5);
        const QByteArray futureLine = QJsonDocument(future.toJson()).toJson(QJsonDocument::Compact) + '\n';
        QByteArray chunk;
        while (chunk.size() < 1024 * 1024)
            chunk += futureLine;
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::WriteOnly));
        for (int i = 0; i < 24; ++i)
            raw.write(chunk);
        const qint64 headEnd = raw.size();
        for (int i = 0; raw.size() - headEnd < 2 * 1024 * 1024; ++i)
            raw.write(QJsonDocument(breachOf(BreachEvent::Kind::WriteWithoutInput, QStringLiteral("terminal"), QStringLiteral("Documents"),
                                             100000 - i).toJson()).toJson(QJsonDocument::Compact) + '\n');
        raw.close();
        BreachListModel model(nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.load(logs.path());
        QVERIFY(model.rowCount() > 0);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.data(model.index(row), BreachListModel::KindRole).toString(), QStringLiteral("write-without-input"));
    }

    void ctlEventsPrintsAndFollows()
    {
        QTemporaryDir data;
        const BreachLog log(data.filePath(QStringLiteral("logs")));
        QVERIFY(log.append(breachOf(BreachEvent::Kind::WriteWithoutInput, QStringLiteral("terminal"), QStringLiteral("Documents"), 5)));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TESSERA_DATA_DIR"), data.path());
        environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));

        QProcess once;
        once.setProcessEnvironment(environment);
        once.start(QStringLiteral(TESSERA_CTL), {QStringLiteral("events"), QStringLiteral("--json")});
        QVERIFY(once.waitForFinished(30000));
        QCOMPARE(once.exitCode(), 0);
        const QList<QByteArray> lines = once.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines.first().contains("\"write-without-input\""));

        QProcess follow;
        follow.setProcessEnvironment(environment);
        follow.start(QStringLiteral(TESSERA_CTL), {QStringLiteral("events"), QStringLiteral("--follow"), QStringLiteral("editor")});
        QVERIFY(follow.waitForStarted());
        // Only the editor's breaches: the terminal's old one is not printed; a new one of the
        // editor's (its log did not exist yet) is, as soon as it is logged.
        QVERIFY(log.append(breachOf(BreachEvent::Kind::DeniedBurst, QStringLiteral("editor"), QStringLiteral("network"), 0)));
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT((output += follow.readAllStandardOutput()).contains("denied-burst"), 10000);
        QVERIFY(!output.contains("write-without-input"));
        follow.kill();
        follow.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestBreaches)
#include "tst_breaches.moc"
