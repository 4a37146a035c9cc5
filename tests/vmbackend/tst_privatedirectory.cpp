// PrivateDirectory: folders only this user can change, files made and read there without
// following a link. Cases with another user's folder or file need root (they chown to nobody).
#include "privatedirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr uid_t Nobody = 65534;

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

mode_t modeOf(const QString &path)
{
    struct stat status {};
    ::lstat(encoded(path).constData(), &status);
    return status.st_mode & 07777;
}

bool write(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPrivateDirectory : public QObject
{
    Q_OBJECT
    QTemporaryDir m_temp;

    QString path(const QString &name) const { return m_temp.filePath(name); }

    void requireRoot()
    {
        if (::geteuid() != 0)
            QSKIP("another user's folder or file can only be made as root");
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_temp.isValid()); }

    void createsAPrivateFolder()
    {
        const PrivateDirectory dir = PrivateDirectory::open(path(QStringLiteral("new")), PrivateDirectory::Creation::CreateIfMissing);
        QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
        QCOMPARE(modeOf(dir.path()), mode_t(0700));
        QCOMPARE(dir.path(), QFileInfo(path(QStringLiteral("new"))).canonicalFilePath());
        const PrivateDirectory missing = PrivateDirectory::open(path(QStringLiteral("absent")), PrivateDirectory::Creation::OpenExisting);
        QVERIFY(!missing.isValid());
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("absent"))));
    }

    void tightensAFolderOthersMayOnlyRead()
    {
        QVERIFY(QDir().mkpath(path(QStringLiteral("readable"))));
        QVERIFY(::chmod(encoded(path(QStringLiteral("readable"))).constData(), 0755) == 0);
        const PrivateDirectory dir = PrivateDirectory::open(path(QStringLiteral("readable")), PrivateDirectory::Creation::OpenExisting);
        QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
        QCOMPARE(modeOf(path(QStringLiteral("readable"))), mode_t(0700));
    }

    void refusesAFolderOthersMayWrite()
    {
        QVERIFY(QDir().mkpath(path(QStringLiteral("writable"))));
        QVERIFY(::chmod(encoded(path(QStringLiteral("writable"))).constData(), 0777) == 0);
        const PrivateDirectory dir = PrivateDirectory::open(path(QStringLiteral("writable")), PrivateDirectory::Creation::CreateIfMissing);
        QVERIFY(!dir.isValid());
        QVERIFY2(dir.errorString().contains(QLatin1String("Other users may write")), qPrintable(dir.errorString()));
        QCOMPARE(modeOf(path(QStringLiteral("writable"))), mode_t(0777)); // refused, not repaired
    }

    void refusesALink()
    {
        QVERIFY(QDir().mkpath(path(QStringLiteral("target"))));
        QVERIFY(QFile::link(path(QStringLiteral("target")), path(QStringLiteral("link"))));
        const PrivateDirectory dir = PrivateDirectory::open(path(QStringLiteral("link")), PrivateDirectory::Creation::CreateIfMissing);
        QVERIFY(!dir.isValid());
        QVERIFY2(dir.errorString().contains(QLatin1String("symbolic link")), qPrintable(dir.errorString()));
    }

    void refusesAnotherUsersFolder()
    {
        requireRoot();
        QVERIFY(QDir().mkpath(path(QStringLiteral("foreign"))));
        QVERIFY(::chown(encoded(path(QStringLiteral("foreign"))).constData(), Nobody, Nobody) == 0);
        QVERIFY(::chmod(encoded(path(QStringLiteral("foreign"))).constData(), 0700) == 0);
        const PrivateDirectory dir = PrivateDirectory::open(path(QStringLiteral("foreign")), PrivateDirectory::Creation::CreateIfMissing);
        QVERIFY(!dir.isValid());
        QVERIFY2(dir.errorString().contains(QLatin1String("another user")), qPrintable(dir.errorString()));
    }

    void refusesAFolderBelowOneOthersCanChange()
    {
        // Not sticky: another user could rename our folder away and put hers in its place.
        QVERIFY(QDir().mkpath(path(QStringLiteral("open/inner"))));
        QVERIFY(::chmod(encoded(path(QStringLiteral("open"))).constData(), 0777) == 0);
        const PrivateDirectory dir = PrivateDirectory::open(path(QStringLiteral("open/inner")), PrivateDirectory::Creation::OpenExisting);
        QVERIFY(!dir.isValid());
        QVERIFY2(dir.errorString().contains(QLatin1String("changed by another user")), qPrintable(dir.errorString()));
        QString error;
        QVERIFY(!PrivateDirectory::isSafePath(path(QStringLiteral("open/inner")), &error));
        // Sticky, like /tmp: fine for a folder of ours in it.
        QVERIFY(::chmod(encoded(path(QStringLiteral("open"))).constData(), 01777) == 0);
        QVERIFY(PrivateDirectory::open(path(QStringLiteral("open/inner")), PrivateDirectory::Creation::OpenExisting).isValid());
        QVERIFY(!PrivateDirectory::isSafePath(path(QStringLiteral("open")), &error));
        QVERIFY(PrivateDirectory::isSafePath(path(QStringLiteral("open/inner")), &error));
    }

    void createsFilesExclusivelyWithoutFollowingLinks()
    {
        const PrivateDirectory dir = PrivateDirectory::open(path(QStringLiteral("files")), PrivateDirectory::Creation::CreateIfMissing);
        QVERIFY(dir.isValid());
        QVERIFY(write(path(QStringLiteral("precious")), "keep"));
        QVERIFY(QFile::link(path(QStringLiteral("precious")), dir.filePath(QStringLiteral("planted"))));
        QString error;
        QCOMPARE(dir.createFile(QStringLiteral("planted"), &error), -1);
        QCOMPARE(dir.createFile(QStringLiteral("../escape"), &error), -1);
        const int fd = dir.createFile(QStringLiteral("fresh"), &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        ::close(fd);
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("fresh"))), mode_t(0600));
        QCOMPARE(dir.createFile(QStringLiteral("fresh"), &error), -1);

        // writeFile replaces the link itself; the file it pointed at is untouched.
        QVERIFY2(dir.writeFile(QStringLiteral("planted"), "new", &error), qPrintable(error));
        QCOMPARE(read(path(QStringLiteral("precious"))), QByteArray("keep"));
        QVERIFY(!QFileInfo(dir.filePath(QStringLiteral("planted"))).isSymLink());
        QCOMPARE(read(dir.filePath(QStringLiteral("planted"))), QByteArray("new"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System).size(), 2);
    }

    void readsOnlyOwnPlainFiles()
    {
        const PrivateDirectory dir = PrivateDirectory::open(path(QStringLiteral("reads")), PrivateDirectory::Creation::CreateIfMissing);
        QVERIFY(dir.isValid());
        QString error;
        QVERIFY(dir.writeFile(QStringLiteral("good"), "data", &error));
        QByteArray data;
        QVERIFY2(dir.readFile(QStringLiteral("good"), 100, &data, &error), qPrintable(error));
        QCOMPARE(data, QByteArray("data"));
        QVERIFY(!dir.readFile(QStringLiteral("good"), 3, &data, &error));

        QVERIFY(QFile::link(dir.filePath(QStringLiteral("good")), dir.filePath(QStringLiteral("link"))));
        QVERIFY(!dir.readFile(QStringLiteral("link"), 100, &data, &error));
        QVERIFY2(error.contains(QLatin1String("symbolic link")), qPrintable(error));

        // A FIFO is refused at once instead of waiting for a writer.
        QVERIFY(::mkfifo(encoded(dir.filePath(QStringLiteral("fifo"))).constData(), 0600) == 0);
        QVERIFY(!dir.readFile(QStringLiteral("fifo"), 100, &data, &error));

        QVERIFY(dir.writeFile(QStringLiteral("shared"), "data", &error));
        QVERIFY(::chmod(encoded(dir.filePath(QStringLiteral("shared"))).constData(), 0664) == 0);
        QVERIFY(!dir.readFile(QStringLiteral("shared"), 100, &data, &error));
        QVERIFY2(error.contains(QLatin1String("others may change")), qPrintable(error));

        if (::geteuid() == 0) {
            QVERIFY(dir.writeFile(QStringLiteral("foreign"), "data", &error));
            QVERIFY(::chown(encoded(dir.filePath(QStringLiteral("foreign"))).constData(), Nobody, Nobody) == 0);
            QVERIFY(!dir.readFile(QStringLiteral("foreign"), 100, &data, &error));
        }
    }

    void childFoldersAreCheckedToo()
    {
        const PrivateDirectory dir = PrivateDirectory::open(path(QStringLiteral("parent")), PrivateDirectory::Creation::CreateIfMissing);
        QVERIFY(dir.isValid());
        const PrivateDirectory child = dir.child(QStringLiteral("child"), PrivateDirectory::Creation::CreateIfMissing);
        QVERIFY2(child.isValid(), qPrintable(child.errorString()));
        QCOMPARE(child.path(), dir.path() + QStringLiteral("/child"));
        QVERIFY(QDir().mkpath(path(QStringLiteral("target"))));
        QVERIFY(QFile::link(path(QStringLiteral("target")), dir.filePath(QStringLiteral("linked"))));
        QVERIFY(!dir.child(QStringLiteral("linked"), PrivateDirectory::Creation::CreateIfMissing).isValid());
        QVERIFY(!dir.child(QStringLiteral(".."), PrivateDirectory::Creation::CreateIfMissing).isValid());
    }
};

QTEST_GUILESS_MAIN(TestPrivateDirectory)
#include "tst_privatedirectory.moc"
