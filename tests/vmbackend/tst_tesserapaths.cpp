#include "tesserapaths.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

/// Where sockets go: two shells with different data folders must never share
/// a runtime folder, or the second one's gateway replaces the first one's.
class TestTesseraPaths : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
    }

    void runtimeDirIsKeyedByDataDir()
    {
        qputenv("TESSERA_DATA_DIR", "/var/tmp/first-shell");
        const QString first = TesseraPaths::runtimeDir();
        QCOMPARE(TesseraPaths::runtimeDir(), first);

        qputenv("TESSERA_DATA_DIR", "/var/tmp/first-shell/");
        QCOMPARE(TesseraPaths::runtimeDir(), first);

        qputenv("TESSERA_DATA_DIR", "/var/tmp/second-shell");
        const QString second = TesseraPaths::runtimeDir();
        QVERIFY2(first != second, qPrintable(first));
        QVERIFY(first.startsWith(m_runtime.path() + QStringLiteral("/tessera/")));
        QVERIFY(second.startsWith(m_runtime.path() + QStringLiteral("/tessera/")));
    }

    void runtimeDirIsPrivate()
    {
        qputenv("TESSERA_DATA_DIR", "/var/tmp/private-shell");
        const QFileInfo dir(TesseraPaths::runtimeDir());
        const QFileInfo base(dir.absolutePath());
        QVERIFY(dir.isDir());
        QCOMPARE(dir.permissions() & (ownerOnly | anyGroupOrOther), ownerOnly);
        QCOMPARE(base.permissions() & anyGroupOrOther, QFile::Permissions());
    }

    void socketPathsFitSunPath()
    {
        // sockaddr_un.sun_path holds 108 bytes: an appliance socket (and an ssh master's
        // temporary NAME.ssh.XXXXXXXXXXXXXXXX) must fit however deep the data folder is.
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString deep = temp.filePath(QStringLiteral("a-rather-long-folder-name/that-goes-on/and-on-and-on/tessera-data"));
        qputenv("TESSERA_DATA_DIR", deep.toUtf8());
        qunsetenv("XDG_RUNTIME_DIR");
        QString error;
        const QString dir = TesseraPaths::runtimeDir(&error);
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        QVERIFY2(!dir.isEmpty(), qPrintable(error));
        QVERIFY2((dir + QStringLiteral("/abcdefghijklmnopqrstuvwxyz012345.ssh.0123456789abcdef")).toUtf8().size() < 108, qPrintable(dir));
        QCOMPARE(QFileInfo(dir).permissions() & (ownerOnly | anyGroupOrOther), ownerOnly);
        QCOMPARE(QFileInfo(dir).ownerId(), ::geteuid());
        QVERIFY(!QFileInfo(dir).isSymLink());

        // Every process of this data folder finds the same one (a shell restarted, tessera-ctl, a gateway).
        qunsetenv("XDG_RUNTIME_DIR");
        QCOMPARE(TesseraPaths::runtimeDir(), dir);
        // Gone (after a reboot): a new one, found again.
        QVERIFY(QDir(dir).removeRecursively());
        const QString again = TesseraPaths::runtimeDir();
        QVERIFY(!again.isEmpty() && again != dir);
        QCOMPARE(TesseraPaths::runtimeDir(), again);
        // Its name taken by a folder others may write (or another user's): never used, a new one instead.
        QVERIFY(::chmod(QFile::encodeName(again).constData(), 0777) == 0);
        const QString replaced = TesseraPaths::runtimeDir();
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        QVERIFY(!replaced.isEmpty() && replaced != again);
        QCOMPARE(QFileInfo(again).permissions() & anyGroupOrOther, anyGroupOrOther); // left as it was
        QDir(again).removeRecursively();
        QDir(replaced).removeRecursively();
    }

    void dataFolderRunWhenXdgRuntimeDirIsNotPrivate()
    {
        // An XDG_RUNTIME_DIR others may read (made by mkpath) is not used; the data folder's run is.
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString xdg = temp.filePath(QStringLiteral("xdg"));
        QVERIFY(QDir().mkpath(xdg));
        QVERIFY(::chmod(QFile::encodeName(xdg).constData(), 0755) == 0);
        qputenv("XDG_RUNTIME_DIR", xdg.toUtf8());
        qputenv("TESSERA_DATA_DIR", temp.filePath(QStringLiteral("data")).toUtf8());
        const QString dir = TesseraPaths::runtimeDir();
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        QCOMPARE(dir, QFileInfo(temp.path()).canonicalFilePath() + QStringLiteral("/data/run"));
        QVERIFY(QDir(xdg).isEmpty());
        QCOMPARE(QFileInfo(dir).permissions() & (ownerOnly | anyGroupOrOther), ownerOnly);
    }

private:
    static constexpr QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    static constexpr QFile::Permissions anyGroupOrOther = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                                                          | QFile::WriteOther | QFile::ExeOther;
    QTemporaryDir m_runtime;
};

QTEST_GUILESS_MAIN(TestTesseraPaths)
#include "tst_tesserapaths.moc"
