// tessera-ctl recover / quarantine / purge as a person runs them, on libvirt's test driver
// (no VM: the domain is not running there, so recover only quarantines and cleans). Salvage and
// inspection need the inspector VM: tests/e2e/tst_incident_e2e.
#include "appliancecatalog.h"
#include "overlaydisk.h"
#include "quarantinestore.h"
#include "tesserapaths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_CtlIncident : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;

    QByteArray ctl(const QStringList &arguments, int expectedExit)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TESSERA_DATA_DIR"), m_data.path());
        environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TESSERA_CTL), QStringList{QStringLiteral("--uri"), QStringLiteral("test:///default")} + arguments);
        if (!process.waitForFinished(60000) || process.exitCode() != expectedExit) {
            qWarning() << arguments << process.exitCode() << process.readAllStandardError();
            return QByteArray("<unexpected exit>");
        }
        return process.readAllStandardOutput() + process.readAllStandardError();
    }

private Q_SLOTS:
    void recoverListShowPurge()
    {
        const ApplianceImage image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        if (!image.isComplete())
            QSKIP("the terminal appliance is not built: run scripts/setup");
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        const QString instance = TesseraPaths::instanceDir(QStringLiteral("terminal"));
        const QString system = instance + QStringLiteral("/system.qcow2");
        QVERIFY(!OverlayDisk(image.baseDisk, system).reset().isError());

        QVERIFY(ctl({QStringLiteral("quarantine"), QStringLiteral("terminal")}, 0).contains("no quarantined systems"));
        const QByteArray recovered = ctl({QStringLiteral("recover"), QStringLiteral("terminal"), QStringLiteral("suspicious autostart")}, 0);
        QVERIFY2(recovered.contains("quarantine"), recovered.constData());
        const QuarantineStore store(instance);
        const QList<QuarantineRecord> records = store.list();
        QCOMPARE(records.size(), 1);
        const QString id = records.first().id;
        QCOMPARE(records.first().reason, QStringLiteral("suspicious autostart"));
        QVERIFY(QFileInfo::exists(system)); // a clean overlay took its place
        QCOMPARE(OverlayDisk(image.baseDisk, system).backingFile(), image.baseDisk);

        const QByteArray listed = ctl({QStringLiteral("quarantine"), QStringLiteral("terminal")}, 0);
        QVERIFY2(listed.contains(id.toUtf8()) && listed.contains("suspicious autostart"), listed.constData());

        // A report as the inspector leaves it (with one hostile line, left out).
        QFile report(store.reportPath(id));
        QVERIFY(report.open(QIODevice::WriteOnly));
        report.write("TESSERA-DELTA 1\nA f 0644 5 1 - - /root/notes.txt\nA f 0644 5 1 - - /etc/xdg/autostart/evil.desktop\n"
                     "A f 0644 5 1 - - /root/\\x1b[31mred\nA f 0644 5 1 - - /../../etc/passwd\nEND 4\n");
        report.close();
        const QByteArray shown = ctl({QStringLiteral("quarantine"), QStringLiteral("terminal"), id}, 0);
        QVERIFY2(shown.indexOf("/etc/xdg/autostart/evil.desktop") < shown.indexOf("/root/notes.txt"), shown.constData());
        QVERIFY(shown.contains("PERSISTENCE"));
        QVERIFY(shown.contains("/root/\\x1b[31mred")); // the escape sequence is shown, not sent to the terminal
        QVERIFY(!shown.contains('\x1b'));
        QVERIFY(shown.contains("1 malformed line"));

        QVERIFY(ctl({QStringLiteral("purge"), QStringLiteral("terminal"), QStringLiteral("nonexistent")}, 1).contains("no quarantine"));
        QVERIFY(ctl({QStringLiteral("purge"), QStringLiteral("terminal"), id}, 0).contains("deleted"));
        QVERIFY(store.list().isEmpty());
        QVERIFY(!QFileInfo::exists(store.folder(id)));
        QVERIFY(ctl({QStringLiteral("recover")}, 2).contains("Usage"));
    }
};

QTEST_GUILESS_MAIN(tst_CtlIncident)
#include "tst_ctl_incident.moc"
