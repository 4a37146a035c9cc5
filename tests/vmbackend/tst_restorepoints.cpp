#include "restorepointstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// Restore points on real qcow2 files, read and written with QEMU's own qemu-io and compared
// byte for byte with qemu-img compare; crash safety by kill -9 of a child process stopped at
// chosen steps (TESSERA_TEST_POINTS_STOP_AT).

namespace {

constexpr int ChildDeadlineMs = 60000;

int run(const QString &program, const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return -1;
    if (output)
        *output = process.readAllStandardOutput() + process.readAllStandardError();
    return process.exitCode();
}

bool write(const QString &image, int pattern, qint64 offset)
{
    return run(QStringLiteral("qemu-io"), {QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-c"),
                                           QStringLiteral("write -P %1 %2 64k").arg(pattern).arg(offset), image}) == 0;
}

// qemu-io's read fails when the 64 KiB at @p offset are not all @p pattern.
bool holds(const QString &image, int pattern, qint64 offset)
{
    return run(QStringLiteral("qemu-io"), {QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-r"), QStringLiteral("-U"), QStringLiteral("-c"),
                                           QStringLiteral("read -P %1 %2 64k").arg(pattern).arg(offset), image}) == 0;
}

bool dump(const QString &image, const QString &raw)
{
    QFile::remove(raw);
    return run(QStringLiteral("qemu-img"), {QStringLiteral("convert"), QStringLiteral("-U"), QStringLiteral("-O"), QStringLiteral("raw"), image, raw}) == 0;
}

// What @p image shows is byte-identical to the raw dump @p raw.
bool sameAs(const QString &image, const QString &raw)
{
    return run(QStringLiteral("qemu-img"), {QStringLiteral("compare"), QStringLiteral("-q"), QStringLiteral("-U"), QStringLiteral("-f"), QStringLiteral("raw"),
                                            QStringLiteral("-F"), QStringLiteral("qcow2"), raw, image}) == 0;
}

QString backing(const QString &image)
{
    QByteArray output;
    QProcess process;
    process.start(QStringLiteral("qemu-img"), {QStringLiteral("info"), QStringLiteral("--output=json"), QStringLiteral("-U"), image});
    process.waitForFinished(30000);
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object().value(QStringLiteral("backing-filename")).toString();
}

// Every listed point's image is backed by its recorded parent and read-only; the live overlay
// is on the base or a listed point; no intent is left.
bool consistent(const RestorePointStore &store, const QString &base, QString *why)
{
    for (const RestorePoint &point : store.list()) {
        const QString expected = point.parent.isEmpty() ? base : store.imagePath(point.parent);
        if (backing(store.imagePath(point.id)) != expected) {
            *why = QStringLiteral("point %1 is on %2, recorded %3").arg(point.id, backing(store.imagePath(point.id)), expected);
            return false;
        }
        if (QFileInfo(store.imagePath(point.id)).permissions() & QFile::WriteOwner) {
            *why = QStringLiteral("point %1 is writable").arg(point.id);
            return false;
        }
    }
    QString parent;
    if (!store.liveParent(&parent)) {
        *why = QStringLiteral("live overlay on %1").arg(backing(store.liveOverlay()));
        return false;
    }
    if (RestorePoint point; !parent.isEmpty() && !store.find(parent, &point)) {
        *why = QStringLiteral("live overlay on unlisted point %1").arg(parent);
        return false;
    }
    const QStringList left = QDir(store.directory()).entryList({QStringLiteral("*.intent")}, QDir::Files);
    if (!left.isEmpty()) {
        *why = left.join(QLatin1Char(' '));
        return false;
    }
    return true;
}

// The `qemu-img @p command` that process @p parent runs, or 0 (read from /proc, as ps would).
pid_t qemuImgChildOf(qint64 parent, const QByteArray &command)
{
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool number = false;
        const pid_t pid = pid_t(entry.toInt(&number));
        if (!number)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ..."; comm has no ')' for qemu-img.
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (!line.contains("(qemu-img)") || fields.size() < 2 || fields.at(1).toLongLong() != parent)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().split('\0').value(1) == command)
            return pid;
    }
    return 0;
}

bool processGone(pid_t pid)
{
    return !QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
}

// The child side of the crash tests: one operation on the store, then exit.
int runChild(const QByteArray &operation)
{
    const RestorePointStore store(qEnvironmentVariable("TESSERA_TEST_POINTS_INSTANCE"), qEnvironmentVariable("TESSERA_TEST_POINTS_BASE"));
    VmError error;
    if (operation == "take")
        error = store.take(RestorePoint::onDemand(), QStringLiteral("child"), true);
    else if (operation == "merge")
        error = store.merge(QStringLiteral("1"));
    else if (operation == "rollback")
        error = store.rollbackTo(QStringLiteral("1"), true);
    return error.isError() ? 1 : 0;
}

} // namespace

class TestRestorePoints : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_case = 0;
    QString m_base;
    QString m_instance;

    // A fresh instance with a live overlay on a base that holds pattern 1 at 0.
    void newInstance()
    {
        const QString root = m_dir.filePath(QString::number(++m_case));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/instance")));
        m_base = root + QStringLiteral("/base.qcow2");
        m_instance = root + QStringLiteral("/instance");
        QCOMPARE(run(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"), m_base,
                                                  QStringLiteral("16M")}), 0);
        QVERIFY(write(m_base, 1, 0));
        QVERIFY(!RestorePointStore(m_instance, m_base).ensureLive().isError());
    }

    QString raw(const QString &name) const { return m_dir.filePath(QString::number(m_case) + QLatin1Char('-') + name + QStringLiteral(".raw")); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void takeThenRevertKeepsNewerPoints()
    {
        newInstance();
        const RestorePointStore store(m_instance, m_base);
        QVERIFY(!store.liveHasChanges());
        QVERIFY(write(store.liveOverlay(), 0xa, 64 * 1024));
        QVERIFY(store.liveHasChanges());
        RestorePoint first;
        QVERIFY(!store.take(RestorePoint::onDemand(), QStringLiteral("A written"), true, &first).isError());
        QCOMPARE(first.id, QStringLiteral("1"));
        QCOMPARE(first.parent, QString());
        QVERIFY(!store.liveHasChanges());
        QVERIFY(write(store.liveOverlay(), 0xb, 128 * 1024));
        RestorePoint second;
        QVERIFY(!store.take(RestorePoint::cleanShutdown(), {}, false, &second).isError());
        QCOMPARE(second.parent, QStringLiteral("1"));
        QVERIFY(write(store.liveOverlay(), 0xc, 192 * 1024));

        QVERIFY(!store.rollbackTo(QStringLiteral("1"), true).isError());
        QVERIFY(holds(store.liveOverlay(), 0xa, 64 * 1024));
        QVERIFY(holds(store.liveOverlay(), 0, 128 * 1024));
        const QList<RestorePoint> points = store.list();
        QCOMPARE(points.size(), 3); // the newer point and the discarded changes survive
        QCOMPARE(points.at(1).reason, RestorePoint::cleanShutdown());
        QVERIFY(!points.at(1).breachFree);
        QCOMPARE(points.at(2).reason, RestorePoint::beforeRollback());
        QCOMPARE(points.at(2).parent, QStringLiteral("2"));
        QVERIFY(holds(store.imagePath(points.at(2).id), 0xc, 192 * 1024));
        QString parent;
        QVERIFY(store.liveParent(&parent));
        QCOMPARE(parent, QStringLiteral("1"));

        // Forward again to the branch kept before the roll back; nothing written, so no new point.
        QVERIFY(!store.rollbackTo(points.at(2).id, true).isError());
        QVERIFY(holds(store.liveOverlay(), 0xc, 192 * 1024));
        QCOMPARE(store.list().size(), 3);
        QVERIFY(!store.rollbackTo({}, true).isError());
        QVERIFY(holds(store.liveOverlay(), 1, 0));
        QVERIFY(holds(store.liveOverlay(), 0, 64 * 1024));
        QString why;
        QVERIFY2(consistent(store, m_base, &why), qPrintable(why));
    }

    void pinAndRename()
    {
        newInstance();
        const RestorePointStore store(m_instance, m_base);
        QVERIFY(!store.take(RestorePoint::onDemand(), {}, true).isError());
        QVERIFY(!store.setPinned(QStringLiteral("1"), true).isError());
        QVERIFY(!store.rename(QStringLiteral("1"), QStringLiteral("before update")).isError());
        RestorePoint point;
        QVERIFY(store.find(QStringLiteral("1"), &point));
        QVERIFY(point.pinned);
        QCOMPARE(point.name, QStringLiteral("before update"));
        QVERIFY(store.setPinned(QStringLiteral("7"), true).isError());
        QVERIFY(store.rollbackTo(QStringLiteral("../1"), true).isError());
        QVERIFY(!store.find(QStringLiteral("../1"), &point));
    }

    void retentionMergesWithoutChangingKeptContent()
    {
        newInstance();
        const RestorePointStore store(m_instance, m_base);
        QVERIFY(!store.setRetention(2).isError());
        QCOMPARE(store.retention(), 2);
        // 1 <- 2(pinned) <- 3 ; rollback to 1 keeps live as 4 (parent 3)... a tree with a branch.
        QVERIFY(write(store.liveOverlay(), 0x11, 0));             // overwrites the base's data
        QVERIFY(!store.take(RestorePoint::onDemand(), {}, true).isError());  // 1
        QVERIFY(write(store.liveOverlay(), 0x22, 64 * 1024));
        QVERIFY(!store.take(RestorePoint::onDemand(), {}, true).isError());  // 2
        QVERIFY(!store.setPinned(QStringLiteral("2"), true).isError());
        QVERIFY(!store.rollbackTo(QStringLiteral("1"), true).isError());
        QVERIFY(write(store.liveOverlay(), 0x33, 0));             // a branch off 1
        QVERIFY(!store.take(RestorePoint::onDemand(), {}, true).isError());  // 3 (on 1)
        QVERIFY(write(store.liveOverlay(), 0x44, 128 * 1024));
        QCOMPARE(store.list().size(), 2 + 1); // 1, 2 (pinned), 3: two unpinned

        QStringList ids;
        for (const RestorePoint &point : store.list()) {
            QVERIFY(dump(store.imagePath(point.id), raw(point.id)));
            ids.append(point.id);
        }
        QCOMPARE(ids, (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
        QVERIFY(dump(store.liveOverlay(), raw(QStringLiteral("live"))));

        // A fourth point: three unpinned, so the oldest unpinned (1, parent of 2, 3) is merged away.
        QVERIFY(!store.take(RestorePoint::onDemand(), {}, true).isError());  // 4 (on 3)
        QVERIFY(dump(store.imagePath(QStringLiteral("4")), raw(QStringLiteral("4"))));
        QVERIFY(sameAs(store.imagePath(QStringLiteral("4")), raw(QStringLiteral("live"))));
        ids.clear();
        for (const RestorePoint &point : store.list())
            ids.append(point.id);
        QCOMPARE(ids, (QStringList{QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")}));
        QVERIFY(!QFileInfo::exists(store.imagePath(QStringLiteral("1"))));
        for (const QString &id : {QStringLiteral("2"), QStringLiteral("3")})
            QVERIFY2(sameAs(store.imagePath(id), raw(id)), qPrintable(id));
        QVERIFY(sameAs(store.liveOverlay(), raw(QStringLiteral("live"))));
        RestorePoint two;
        QVERIFY(store.find(QStringLiteral("2"), &two));
        QCOMPARE(two.parent, QString()); // now on the base
        QString why;
        QVERIFY2(consistent(store, m_base, &why), qPrintable(why));

        // Merging the live overlay's own parent rebases the live overlay too.
        QVERIFY(!store.merge(QStringLiteral("4")).isError());
        QVERIFY(sameAs(store.liveOverlay(), raw(QStringLiteral("live"))));
        QVERIFY(sameAs(store.imagePath(QStringLiteral("3")), raw(QStringLiteral("3"))));
        QVERIFY2(consistent(store, m_base, &why), qPrintable(why));
    }

    // kill -9 of the shell while qemu-img is inside a safe-mode rebase: the rebase has copied
    // part of the data into the child and not yet switched its header. qemu-img dies with the
    // shell (no one else writes the disk afterwards), and the next start rebases again.
    void killInsideQemuImgRebase()
    {
        newInstance();
        const RestorePointStore store(m_instance, m_base);
        // Point 1 holds 480 MiB the rebase must copy into both of its children.
        QCOMPARE(run(QStringLiteral("qemu-img"), {QStringLiteral("resize"), QStringLiteral("-q"), store.liveOverlay(), QStringLiteral("512M")}), 0);
        QCOMPARE(run(QStringLiteral("qemu-io"), {QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-c"),
                                                 QStringLiteral("write -P 0x44 16M 480M"), store.liveOverlay()}), 0);
        QVERIFY(!store.take(RestorePoint::onDemand(), {}, true).isError());
        QVERIFY(write(store.liveOverlay(), 0x22, 64 * 1024));
        QVERIFY(!store.take(RestorePoint::onDemand(), {}, true).isError());
        QVERIFY(!store.rollbackTo(QStringLiteral("1"), true).isError());
        QVERIFY(write(store.liveOverlay(), 0x33, 128 * 1024));
        QVERIFY(dump(store.imagePath(QStringLiteral("2")), raw(QStringLiteral("2"))));
        QVERIFY(dump(store.liveOverlay(), raw(QStringLiteral("live"))));
        const QString firstChild = store.imagePath(QStringLiteral("2"));
        const qint64 sizeBefore = QFileInfo(firstChild).size();

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TESSERA_TEST_POINTS_CHILD"), QStringLiteral("merge"));
        env.insert(QStringLiteral("TESSERA_TEST_POINTS_INSTANCE"), m_instance);
        env.insert(QStringLiteral("TESSERA_TEST_POINTS_BASE"), m_base);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());

        // Wait until qemu-img has written into the child, then freeze it there.
        pid_t qemuImg = 0;
        QDeadlineTimer deadline(ChildDeadlineMs);
        while (!qemuImg && !deadline.hasExpired() && child.state() == QProcess::Running) {
            qemuImg = qemuImgChildOf(child.processId(), "rebase");
            if (!qemuImg)
                child.waitForFinished(1); // a bounded poll of /proc
        }
        // The copy takes a fraction of a second: watch the size without yielding.
        while (qemuImg && !deadline.hasExpired() && !processGone(qemuImg)) {
            if (QFileInfo(firstChild).size() > sizeBefore) {
                ::kill(qemuImg, SIGSTOP);
                break;
            }
        }
        QVERIFY2(qemuImg && child.state() == QProcess::Running,
                 qPrintable(QStringLiteral("the merge ended (exit %1) before its rebase could be caught: %2")
                                .arg(child.exitCode())
                                .arg(QString::fromLocal8Bit(child.readAllStandardError().right(2000)))));
        QVERIFY(QFileInfo(firstChild).size() > sizeBefore);
        QCOMPARE(backing(firstChild), store.imagePath(QStringLiteral("1"))); // header not switched yet

        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(ChildDeadlineMs));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // PR_SET_PDEATHSIG: the kernel kills the stopped qemu-img with its parent.
        QTRY_VERIFY2_WITH_TIMEOUT(processGone(qemuImg), "qemu-img outlived the process that ran it", ChildDeadlineMs);

        const RestorePointStore next(m_instance, m_base);
        QVERIFY(next.recover());
        QString why;
        QVERIFY2(consistent(next, m_base, &why), qPrintable(why));
        QVERIFY(!QFileInfo::exists(next.imagePath(QStringLiteral("1"))));
        QVERIFY(sameAs(next.imagePath(QStringLiteral("2")), raw(QStringLiteral("2"))));
        QVERIFY(sameAs(next.liveOverlay(), raw(QStringLiteral("live"))));
        QVERIFY(holds(next.liveOverlay(), 0x44, 100 * 1024 * 1024));
    }

    void killDuringOperation_data()
    {
        QTest::addColumn<QByteArray>("operation");
        QTest::addColumn<QByteArray>("step");
        QTest::addColumn<bool>("finished"); // the operation's effect is there after recovery
        QTest::newRow("take: intent written") << QByteArray("take") << QByteArray("take-intent") << false;
        QTest::newRow("take: point linked") << QByteArray("take") << QByteArray("take-linked") << false;
        QTest::newRow("take: overlay swapped") << QByteArray("take") << QByteArray("take-swapped") << true;
        QTest::newRow("merge: intent written") << QByteArray("merge") << QByteArray("merge-intent") << true;
        QTest::newRow("merge: before a rebase") << QByteArray("merge") << QByteArray("merge-rebasing") << true;
        QTest::newRow("merge: after a rebase") << QByteArray("merge") << QByteArray("merge-rebased") << true;
        QTest::newRow("merge: metadata updated") << QByteArray("merge") << QByteArray("merge-metadata") << true;
        QTest::newRow("rollback: changes kept") << QByteArray("rollback") << QByteArray("rollback-kept") << false;
    }

    void killDuringOperation()
    {
        QFETCH(QByteArray, operation);
        QFETCH(QByteArray, step);
        QFETCH(bool, finished);
        newInstance();
        const RestorePointStore store(m_instance, m_base);
        // 1 <- 2 and 1 <- live: point 1 has two children, so a merge rebases twice.
        QVERIFY(write(store.liveOverlay(), 0x11, 0));
        QVERIFY(!store.take(RestorePoint::onDemand(), {}, true).isError());
        QVERIFY(write(store.liveOverlay(), 0x22, 64 * 1024));
        QVERIFY(!store.take(RestorePoint::onDemand(), {}, true).isError());
        QVERIFY(!store.rollbackTo(QStringLiteral("1"), true).isError());
        QVERIFY(write(store.liveOverlay(), 0x33, 128 * 1024));
        QVERIFY(dump(store.imagePath(QStringLiteral("1")), raw(QStringLiteral("1"))));
        QVERIFY(dump(store.imagePath(QStringLiteral("2")), raw(QStringLiteral("2"))));
        QVERIFY(dump(store.liveOverlay(), raw(QStringLiteral("live"))));
        const int pointsBefore = int(store.list().size());

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TESSERA_TEST_POINTS_CHILD"), QString::fromLatin1(operation));
        env.insert(QStringLiteral("TESSERA_TEST_POINTS_STOP_AT"), QString::fromLatin1(step));
        env.insert(QStringLiteral("TESSERA_TEST_POINTS_INSTANCE"), m_instance);
        env.insert(QStringLiteral("TESSERA_TEST_POINTS_BASE"), m_base);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray said;
        QDeadlineTimer deadline(ChildDeadlineMs);
        while (!said.contains("stopped at " + step) && !deadline.hasExpired() && child.state() == QProcess::Running) {
            child.waitForReadyRead(1000);
            said += child.readAllStandardOutput();
        }
        QVERIFY2(said.contains("stopped at " + step), said.constData());
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(ChildDeadlineMs));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // The next start: recover() finishes or reverts it.
        const RestorePointStore next(m_instance, m_base);
        // Between the point kept and the swap nothing is in progress: the state is consistent as is.
        QCOMPARE(next.recover(), operation != "rollback");
        QString why;
        QVERIFY2(consistent(next, m_base, &why), qPrintable(why));
        QVERIFY(sameAs(next.imagePath(QStringLiteral("2")), raw(QStringLiteral("2"))));
        if (operation == "take") {
            QCOMPARE(next.list().size(), pointsBefore + (finished ? 1 : 0));
            QVERIFY(sameAs(next.liveOverlay(), raw(QStringLiteral("live"))));
        } else if (operation == "merge") {
            QCOMPARE(next.list().size(), pointsBefore - 1);
            QVERIFY(!QFileInfo::exists(next.imagePath(QStringLiteral("1"))));
            QVERIFY(sameAs(next.liveOverlay(), raw(QStringLiteral("live"))));
        } else {
            // The changes were kept as a point before the crash; the live overlay shows them still.
            QCOMPARE(next.list().size(), pointsBefore + 1);
            QVERIFY(sameAs(next.imagePath(next.list().constLast().id), raw(QStringLiteral("live"))));
            QVERIFY(sameAs(next.liveOverlay(), raw(QStringLiteral("live"))));
            QVERIFY(!next.rollbackTo(QStringLiteral("1"), true).isError());
            QVERIFY(sameAs(next.liveOverlay(), raw(QStringLiteral("1"))));
        }
        // The store goes on working after the crash.
        QVERIFY(!next.take(RestorePoint::onDemand(), {}, true).isError());
        QVERIFY2(consistent(next, m_base, &why), qPrintable(why));
    }
};

int main(int argc, char **argv)
{
    if (const QByteArray operation = qgetenv("TESSERA_TEST_POINTS_CHILD"); !operation.isEmpty()) {
        QCoreApplication app(argc, argv);
        return runChild(operation);
    }
    QCoreApplication app(argc, argv);
    TestRestorePoints test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_restorepoints.moc"
