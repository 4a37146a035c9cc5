// Runtime files another local user cannot take over (issue 14, item 2). The tests run as root,
// as Tessera does under sudo: "the attacker" is uid nobody, who made a folder first and planted
// links in it. Each test checks that Tessera avoided or refused the folder and that nothing
// outside its own runtime folder changed. Only the interfaces that were there before the fix
// are used (TesseraPaths, GatewayPolicy::save, GatewayProcess, the tessera-gateway program).
#include "gatewaypolicy.h"
#include "gatewayprocess.h"
#include "tesserapaths.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

constexpr uid_t Nobody = 65534;

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

bool write(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

/// A folder made by "the attacker": owned by @p owner, writable by everybody.
bool makeForeignFolder(const QString &path, uid_t owner = Nobody)
{
    return QDir().mkpath(path) && ::chown(encoded(path).constData(), owner, owner) == 0 && ::chmod(encoded(path).constData(), 0777) == 0;
}

/// A link planted by "the attacker" (owned by @p owner).
bool plantLink(const QString &target, const QString &link, uid_t owner = Nobody)
{
    return ::symlink(encoded(target).constData(), encoded(link).constData()) == 0
        && ::lchown(encoded(link).constData(), owner, owner) == 0;
}

/// Everything below @p root (names, link targets, owners, modes, contents), to show nothing changed.
QStringList snapshot(const QString &root)
{
    QStringList lines;
    struct stat status {};
    if (::lstat(encoded(root).constData(), &status) == 0)
        lines << QStringLiteral(". uid=%1 mode=%2").arg(status.st_uid).arg(status.st_mode, 0, 8);
    QDir dir(root);
    for (const QFileInfo &entry : dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name)) {
        ::lstat(encoded(entry.filePath()).constData(), &status);
        QString line = QStringLiteral("%1 uid=%2 mode=%3").arg(entry.fileName()).arg(status.st_uid).arg(status.st_mode, 0, 8);
        if (entry.isSymLink())
            line += QStringLiteral(" -> ") + entry.symLinkTarget();
        else if (entry.isFile())
            line += QStringLiteral(" content=") + QString::fromLatin1(read(entry.filePath()).toHex());
        lines << line;
        if (entry.isDir() && !entry.isSymLink())
            lines << snapshot(entry.filePath()).replaceInStrings(QRegularExpression(QStringLiteral("^")), entry.fileName() + QLatin1Char('/'));
    }
    return lines;
}

bool isUnder(const QString &path, const QString &folder)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    const QString base = QFileInfo(folder).canonicalFilePath();
    return path.startsWith(folder + QLatin1Char('/')) || path == folder
        || (!canonical.isEmpty() && !base.isEmpty() && canonical.startsWith(base + QLatin1Char('/')));
}

/// Runs @p work in a child process as @p uid (its own group too) and returns what it printed.
QByteArray runAs(uid_t uid, const std::function<QByteArray()> &work)
{
    int pipeFds[2];
    if (::pipe(pipeFds) != 0)
        return "no pipe";
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(pipeFds[0]);
        if (::setgroups(0, nullptr) != 0 || ::setgid(uid) != 0 || ::setuid(uid) != 0)
            ::_exit(3);
        const QByteArray out = work();
        const bool written = ::write(pipeFds[1], out.constData(), size_t(out.size())) == out.size();
        ::_exit(written ? 0 : 4);
    }
    ::close(pipeFds[1]);
    QByteArray output;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(pipeFds[0], buffer, sizeof(buffer))) > 0)
        output.append(buffer, n);
    ::close(pipeFds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? output : QByteArray("the child failed");
}

} // namespace

class TestRuntimeFiles : public QObject
{
    Q_OBJECT
    QTemporaryDir m_temp;

    QString path(const QString &name) const { return m_temp.filePath(name); }

    /// A policy whose gateway logs into this test's folder.
    QByteArray policyJson() const
    {
        GatewayPolicy policy;
        policy.logDir = path(QStringLiteral("logs"));
        return QJsonDocument(policy.toJson()).toJson();
    }

    /// Runs tessera-gateway with @p policy and @p pidFile; its exit code, or 0 once it said "ready" (then it is stopped).
    int runGateway(const QString &policy, const QString &pidFile, QByteArray *messages)
    {
        QDir().mkpath(path(QStringLiteral("gw")));
        ::chmod(encoded(path(QStringLiteral("gw"))).constData(), 0700);
        QProcess gateway;
        gateway.start(QStringLiteral(TESSERA_GATEWAY_EXE),
                      {QStringLiteral("--policy"), policy, QStringLiteral("--socket"), path(QStringLiteral("gw/app.gateway")),
                       QStringLiteral("--pid-file"), pidFile, QStringLiteral("--connect-deadline"), QStringLiteral("60")});
        if (!gateway.waitForStarted(10000))
            return -1;
        QByteArray out;
        QDeadlineTimer deadline(30000);
        while (!out.contains("ready") && gateway.state() != QProcess::NotRunning && !deadline.hasExpired()) {
            gateway.waitForReadyRead(1000);
            out += gateway.readAllStandardOutput();
        }
        if (out.contains("ready")) {
            gateway.kill();
            gateway.waitForFinished(10000);
            *messages = gateway.readAllStandardError();
            return 0;
        }
        gateway.waitForFinished(10000);
        *messages = gateway.readAllStandardError();
        return gateway.exitCode();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        if (::geteuid() != 0)
            QSKIP("another user's folder can only be made as root");
        qunsetenv("XDG_RUNTIME_DIR");
    }

    void cleanup()
    {
        qunsetenv("XDG_RUNTIME_DIR");
    }

    // sudo -E passes on the person's XDG_RUNTIME_DIR; here it is another user's, with a link in it.
    void foreignXdgRuntimeDirIsAvoided()
    {
        const QString xdg = path(QStringLiteral("xdg"));
        const QString victim = path(QStringLiteral("victim"));
        QVERIFY(QDir().mkpath(victim));
        QVERIFY(::chmod(encoded(victim).constData(), 0755) == 0);
        QVERIFY(write(victim + QStringLiteral("/precious"), "keep"));
        QVERIFY(makeForeignFolder(xdg));
        QVERIFY(plantLink(victim, xdg + QStringLiteral("/tessera")));
        qputenv("XDG_RUNTIME_DIR", xdg.toUtf8());
        qputenv("TESSERA_DATA_DIR", path(QStringLiteral("data")).toUtf8());
        const QStringList victimBefore = snapshot(victim);
        const QStringList xdgBefore = snapshot(xdg);

        QString error;
        const QString runtime = TesseraPaths::runtimeDir(&error);
        QVERIFY2(!runtime.isEmpty(), qPrintable(error));
        QVERIFY2(!isUnder(runtime, xdg) && !isUnder(runtime, victim), qPrintable(runtime));
        QVERIFY2(GatewayPolicy().save(runtime + QStringLiteral("/app.gateway.json"), &error), qPrintable(error));

        QCOMPARE(snapshot(victim), victimBefore);
        QCOMPARE(snapshot(xdg), xdgBefore);
    }

    // No XDG_RUNTIME_DIR (root under sudo, CI): the folder of the old, predictable name
    // /tmp/tessera-UID was made first by another user, with the keyed folder a link to hers
    // and the policy's name a link to a file of the person's.
    void predictableFolderMadeByAnotherUserIsAvoided()
    {
        // A uid nobody else uses here, so the real /tmp/tessera-0 of other runs is left alone.
        uid_t person = 50000 + uid_t(::getpid() % 10000);
        while (QFileInfo::exists(QStringLiteral("/tmp/tessera-%1").arg(person)))
            ++person;
        const QString predictable = QStringLiteral("/tmp/tessera-%1").arg(person);
        QVERIFY(::chmod(encoded(m_temp.path()).constData(), 0711) == 0); // the person can reach her folders
        const QString home = path(QStringLiteral("home-%1").arg(person));
        const QString data = home + QStringLiteral("/data");
        QVERIFY(QDir().mkpath(data));
        QVERIFY(::chown(encoded(home).constData(), person, person) == 0 && ::chown(encoded(data).constData(), person, person) == 0);
        QVERIFY(::chmod(encoded(home).constData(), 0700) == 0);
        const QString precious = home + QStringLiteral("/precious");
        QVERIFY(write(precious, "keep"));
        QVERIFY(::chown(encoded(precious).constData(), person, person) == 0);

        const QString attacker = path(QStringLiteral("attacker"));
        QVERIFY(makeForeignFolder(attacker));
        QVERIFY(plantLink(precious, attacker + QStringLiteral("/app.gateway.json")));
        QVERIFY(plantLink(precious, attacker + QStringLiteral("/app.gateway.pid")));
        QVERIFY(makeForeignFolder(predictable));
        const QByteArray key = QCryptographicHash::hash(QDir::cleanPath(data).toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
        QVERIFY(plantLink(attacker, predictable + QLatin1Char('/') + QString::fromLatin1(key)));
        const QStringList attackerBefore = snapshot(attacker);
        const QStringList predictableBefore = snapshot(predictable);
        const QStringList homeBefore = snapshot(home);

        const QByteArray printed = runAs(person, [data] {
            qunsetenv("XDG_RUNTIME_DIR");
            qputenv("TESSERA_DATA_DIR", data.toUtf8());
            QString error;
            const QString runtime = TesseraPaths::runtimeDir(&error);
            if (runtime.isEmpty())
                return QByteArray("no runtime folder: ") + error.toUtf8();
            const bool saved = GatewayPolicy().save(runtime + QStringLiteral("/app.gateway.json"), &error);
            return runtime.toUtf8() + (saved ? "\nsaved" : "\nnot saved: " + error.toUtf8());
        });
        const QString runtime = QString::fromUtf8(printed.split('\n').value(0));
        const QStringList predictableAfter = snapshot(predictable);
        QDir(predictable).removeRecursively(); // before any check can fail: never leave it behind

        QVERIFY2(printed.endsWith("\nsaved"), printed.constData());
        QVERIFY2(!isUnder(runtime, predictable) && !isUnder(runtime, attacker), qPrintable(runtime));
        QVERIFY2(isUnder(runtime, home), qPrintable(runtime));
        QCOMPARE(read(precious), QByteArray("keep"));
        QCOMPARE(snapshot(attacker), attackerBefore);
        QCOMPARE(predictableAfter, predictableBefore);
        // The person's home changed only inside the runtime folder.
        QStringList homeAfter = snapshot(home);
        homeAfter.erase(std::remove_if(homeAfter.begin(), homeAfter.end(),
                                       [](const QString &line) { return line.startsWith(QLatin1String("data/run")); }),
                        homeAfter.end());
        QCOMPARE(homeAfter, homeBefore);
    }

    // The gateway (root) reads only a policy no other user could have written or swapped.
    void gatewayRefusesAPolicyOthersCouldWrite_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("private folder, own file 0600") << "good" << true;
        QTest::newRow("writable by others") << "writable" << false;
        QTest::newRow("owned by another user") << "foreign" << false;
        QTest::newRow("a link to a good policy") << "link" << false;
        QTest::newRow("in a folder others may write") << "folder" << false;
    }

    void gatewayRefusesAPolicyOthersCouldWrite()
    {
        QFETCH(QString, kind);
        QFETCH(bool, accepted);
        const QString privateDir = path(QStringLiteral("policy-") + kind);
        QVERIFY(QDir().mkpath(privateDir));
        QVERIFY(::chmod(encoded(privateDir).constData(), 0700) == 0);
        QString policy = privateDir + QStringLiteral("/app.gateway.json");
        QVERIFY(write(policy, policyJson()));
        QVERIFY(::chmod(encoded(policy).constData(), 0600) == 0);
        if (kind == QLatin1String("writable")) {
            QVERIFY(::chmod(encoded(policy).constData(), 0666) == 0);
        } else if (kind == QLatin1String("foreign")) {
            QVERIFY(::chown(encoded(policy).constData(), Nobody, Nobody) == 0);
        } else if (kind == QLatin1String("link")) {
            QVERIFY(::symlink(encoded(policy).constData(), encoded(privateDir + QStringLiteral("/link.json")).constData()) == 0);
            policy = privateDir + QStringLiteral("/link.json");
        } else if (kind == QLatin1String("folder")) {
            QVERIFY(makeForeignFolder(privateDir));
        }
        QByteArray messages;
        const int exitCode = runGateway(policy, path(QStringLiteral("gw/app.gateway.pid")), &messages);
        if (accepted) {
            QVERIFY2(exitCode == 0, messages.constData());
        } else {
            QVERIFY2(exitCode == 2, messages.constData());
            QVERIFY2(messages.contains("cannot read the policy"), messages.constData());
        }
    }

    // The gateway writes its pid file only into a private folder, never through a planted link.
    void gatewayPidFileNeverGoesThroughALink()
    {
        const QString policyDir = path(QStringLiteral("pid-policy"));
        QVERIFY(QDir().mkpath(policyDir));
        QVERIFY(::chmod(encoded(policyDir).constData(), 0700) == 0);
        const QString policy = policyDir + QStringLiteral("/app.gateway.json");
        QVERIFY(write(policy, policyJson()) && ::chmod(encoded(policy).constData(), 0600) == 0);
        const QString precious = path(QStringLiteral("precious-pid"));
        QVERIFY(write(precious, "keep"));

        // In another user's folder: refused.
        const QString foreign = path(QStringLiteral("foreign-run"));
        QVERIFY(makeForeignFolder(foreign));
        QVERIFY(plantLink(precious, foreign + QStringLiteral("/app.gateway.pid")));
        const QStringList foreignBefore = snapshot(foreign);
        QByteArray messages;
        QCOMPARE(runGateway(policy, foreign + QStringLiteral("/app.gateway.pid"), &messages), 2);
        QVERIFY2(messages.contains("pid file"), messages.constData());
        QCOMPARE(read(precious), QByteArray("keep"));
        QCOMPARE(snapshot(foreign), foreignBefore);

        // A link in a private folder (made by an earlier bug, say) is replaced, not followed.
        const QString own = path(QStringLiteral("own-run"));
        QVERIFY(QDir().mkpath(own) && ::chmod(encoded(own).constData(), 0700) == 0);
        QVERIFY(::symlink(encoded(precious).constData(), encoded(own + QStringLiteral("/app.gateway.pid")).constData()) == 0);
        QCOMPARE(runGateway(policy, own + QStringLiteral("/app.gateway.pid"), &messages), 0);
        QCOMPARE(read(precious), QByteArray("keep"));
        QVERIFY(!QFileInfo(own + QStringLiteral("/app.gateway.pid")).isSymLink());
    }

    // A daemon that lives as long as its VM keeps nothing it inherited by accident (a test
    // runner's flock on the shared VM lock was held for as long as a leaked VM ran).
    void gatewayKeepsNoInheritedDescriptor()
    {
        const QString policyDir = path(QStringLiteral("fd-policy"));
        QVERIFY(QDir().mkpath(policyDir) && ::chmod(encoded(policyDir).constData(), 0700) == 0);
        const QString policy = policyDir + QStringLiteral("/app.gateway.json");
        QVERIFY(write(policy, policyJson()) && ::chmod(encoded(policy).constData(), 0600) == 0);
        const QString lock = path(QStringLiteral("inherited.lock"));
        const int inherited = ::open(encoded(lock).constData(), O_RDWR | O_CREAT, 0600); // no O_CLOEXEC: inherited
        QVERIFY(inherited >= 0);
        QDir().mkpath(path(QStringLiteral("gw")));
        ::chmod(encoded(path(QStringLiteral("gw"))).constData(), 0700);
        QProcess gateway;
        gateway.start(QStringLiteral(TESSERA_GATEWAY_EXE), {QStringLiteral("--policy"), policy, QStringLiteral("--socket"),
                                                           path(QStringLiteral("gw/fd.gateway")), QStringLiteral("--connect-deadline"),
                                                           QStringLiteral("60")});
        ::close(inherited);
        QVERIFY(gateway.waitForStarted(10000));
        QByteArray out;
        QDeadlineTimer deadline(30000);
        while (!out.contains("ready") && gateway.state() != QProcess::NotRunning && !deadline.hasExpired()) {
            gateway.waitForReadyRead(1000);
            out += gateway.readAllStandardOutput();
        }
        QVERIFY2(out.contains("ready"), gateway.readAllStandardError().constData());
        QStringList open;
        const QDir fds(QStringLiteral("/proc/%1/fd").arg(gateway.processId()));
        for (const QFileInfo &fd : fds.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System))
            open << fd.symLinkTarget();
        gateway.kill();
        gateway.waitForFinished(10000);
        QVERIFY2(!open.contains(QFileInfo(lock).canonicalFilePath()), qPrintable(open.join(QLatin1Char(' '))));
    }

    // The launch's gateway never makes its socket, pid file or log in another user's folder.
    void gatewayProcessRefusesAForeignFolder()
    {
        const QString foreign = path(QStringLiteral("foreign-socket"));
        QVERIFY(makeForeignFolder(foreign));
        const QString precious = path(QStringLiteral("precious-log"));
        QVERIFY(write(precious, "keep"));
        QVERIFY(plantLink(precious, foreign + QStringLiteral("/app.gateway.pid.log")));
        const QString policyDir = path(QStringLiteral("socket-policy"));
        QVERIFY(QDir().mkpath(policyDir) && ::chmod(encoded(policyDir).constData(), 0700) == 0);
        QVERIFY(write(policyDir + QStringLiteral("/p.json"), policyJson()));
        const QStringList before = snapshot(foreign);
        qputenv("TESSERA_GATEWAY", TESSERA_GATEWAY_EXE);
        QString error;
        const QString socket = foreign + QStringLiteral("/app.gateway");
        const bool started = GatewayProcess::start(socket, policyDir + QStringLiteral("/p.json"), GatewayProcess::pidPathFor(socket), &error);
        if (started)
            GatewayProcess::stop(GatewayProcess::pidPathFor(socket));
        QVERIFY(!started);
        QCOMPARE(snapshot(foreign), before);
        QCOMPARE(read(precious), QByteArray("keep"));
    }
};

QTEST_GUILESS_MAIN(TestRuntimeFiles)
#include "tst_runtimefiles.moc"
