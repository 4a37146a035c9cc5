// PersonalStore: store folders are created below the root and never through a symbolic link,
// whoever planted it (absolute, relative `../..`, on an inner component, a dangling one).
#include "personalstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

class TestPersonalStore : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    QString m_outside; // a folder next to the store, which nothing may create or export in

    static bool exists(const QString &path) { return QFileInfo::exists(path); }

    static bool writeFile(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(); // one per case: links from a previous row must not linger
        QVERIFY(m_dir->isValid());
        const QString base = m_dir->path();
        m_root = base + QStringLiteral("/store");
        m_outside = base + QStringLiteral("/outside");
        QVERIFY(QDir().mkpath(m_outside));
        QVERIFY(writeFile(m_outside + QStringLiteral("/secret.txt"), "host secret"));
    }

    void pathOfAndFolderOf_data()
    {
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("path");
        QTest::newRow("plain") << "/s" << "Documents" << "/s/Documents";
        QTest::newRow("nested") << "/s/" << "Documents/Taxes" << "/s/Documents/Taxes";
        QTest::newRow("trailing slash") << "/s" << "Music/" << "/s/Music";
        QTest::newRow("dot-dot") << "/s" << "../etc" << "";
        QTest::newRow("inner dot-dot") << "/s" << "a/../../etc" << "";
        QTest::newRow("absolute") << "/s" << "/etc" << "";
        QTest::newRow("home") << "/s" << "~/x" << "";
        QTest::newRow("the root itself") << "/s" << "/" << "";
        QTest::newRow("empty") << "/s" << "" << "";
        QTest::newRow("no root") << "" << "Documents" << "";
    }

    void pathOfAndFolderOf()
    {
        QFETCH(QString, root);
        QFETCH(QString, folder);
        QFETCH(QString, path);
        const PersonalStore store(root);
        QCOMPARE(store.pathOf(folder), path);
        if (!path.isEmpty())
            QCOMPARE(store.pathOf(store.folderOf(path)), path);
    }

    void folderOfRejectsPathsOutside_data()
    {
        QTest::addColumn<QString>("hostPath");
        QTest::newRow("the root") << "/s";
        QTest::newRow("the root with slash") << "/s/";
        QTest::newRow("beside") << "/store2/x";
        QTest::newRow("prefix only") << "/sx";
        QTest::newRow("parent") << "/";
        QTest::newRow("escaping") << "/s/../etc";
    }

    void folderOfRejectsPathsOutside()
    {
        QFETCH(QString, hostPath);
        QCOMPARE(PersonalStore(QStringLiteral("/s")).folderOf(hostPath), QString());
    }

    void createsRootAndNestedFolders()
    {
        const PersonalStore store(m_root);
        QString path;
        QString error;
        QVERIFY2(store.ensureFolder(QStringLiteral("Documents/Taxes/2026"), &path, &error), qPrintable(error));
        QCOMPARE(path, QFileInfo(m_root).canonicalFilePath() + QStringLiteral("/Documents/Taxes/2026"));
        QVERIFY(QFileInfo(path).isDir());
        // Only the owner may look inside folders Tessera creates.
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFileDevice::Permissions());
        // Again: existing folders are fine.
        QVERIFY2(store.ensureFolder(QStringLiteral("Documents/Taxes/2026"), &path, &error), qPrintable(error));
    }

    void rootMayBeALink()
    {
        // The person chose the location; a link there is theirs, not a guest's.
        QVERIFY(QDir().mkpath(m_outside + QStringLiteral("/real-store")));
        QVERIFY(QFile::link(m_outside + QStringLiteral("/real-store"), m_root));
        QString path;
        QString error;
        QVERIFY2(PersonalStore(m_root).ensureFolder(QStringLiteral("Documents"), &path, &error), qPrintable(error));
        QCOMPARE(path, QFileInfo(m_outside).canonicalFilePath() + QStringLiteral("/real-store/Documents"));
        QVERIFY(QFileInfo(path).isDir());
    }

    void refusesPlantedLinks_data()
    {
        QTest::addColumn<QString>("linkAt");     // relative to the store root
        QTest::addColumn<QString>("linkTarget"); // "OUTSIDE" stands for the folder beside the store
        QTest::addColumn<QString>("folder");     // the store folder a contract names
        QTest::newRow("absolute link as the folder") << "Documents" << "OUTSIDE" << "Documents";
        QTest::newRow("relative ../.. link as the folder") << "Documents" << "../outside" << "Documents";
        QTest::newRow("link on an inner component") << "Documents" << "OUTSIDE" << "Documents/Taxes";
        QTest::newRow("deep relative link") << "Documents/Taxes" << "../../../outside" << "Documents/Taxes/2026";
        QTest::newRow("link to a folder inside the store") << "Alias" << "Documents" << "Alias";
        QTest::newRow("dangling link") << "Documents" << "OUTSIDE/not-there" << "Documents/New";
    }

    void refusesPlantedLinks()
    {
        QFETCH(QString, linkAt);
        QFETCH(QString, linkTarget);
        QFETCH(QString, folder);
        const QString linkPath = m_root + QLatin1Char('/') + linkAt;
        QVERIFY(QDir().mkpath(QFileInfo(linkPath).path()));
        if (linkAt != QLatin1String("Documents"))
            QVERIFY(QDir().mkpath(m_root + QStringLiteral("/Documents")));
        linkTarget.replace(QStringLiteral("OUTSIDE"), m_outside);
        QVERIFY(::symlink(QFile::encodeName(linkTarget).constData(), QFile::encodeName(linkPath).constData()) == 0);
        const QStringList outsideBefore = QDir(m_outside).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);

        QString path = QStringLiteral("unchanged");
        QString error;
        QVERIFY(!PersonalStore(m_root).ensureFolder(folder, &path, &error));
        QCOMPARE(path, QStringLiteral("unchanged"));
        QVERIFY2(error.contains(QStringLiteral("symbolic link")), qPrintable(error));
        QVERIFY2(error.contains(linkAt), qPrintable(error));
        // Nothing was created through the link.
        QCOMPARE(QDir(m_outside).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), outsideBefore);
        QVERIFY(!exists(m_outside + QStringLiteral("/not-there")));
        QVERIFY(QFileInfo(linkPath).isSymLink());
    }

    void refusesAFileWhereAFolderBelongs()
    {
        QVERIFY(QDir().mkpath(m_root));
        QVERIFY(writeFile(m_root + QStringLiteral("/Documents"), "not a folder"));
        QString error;
        QVERIFY(!PersonalStore(m_root).ensureFolder(QStringLiteral("Documents/Taxes"), nullptr, &error));
        QVERIFY2(error.contains(QStringLiteral("not a folder")), qPrintable(error));
    }

    void refusesInvalidFolders_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("dot-dot") << "../outside";
        QTest::newRow("absolute") << "/tmp";
        QTest::newRow("the root") << "/";
        QTest::newRow("empty") << "";
    }

    void refusesInvalidFolders()
    {
        QFETCH(QString, folder);
        QString error;
        QVERIFY(!PersonalStore(m_root).ensureFolder(folder, nullptr, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!exists(m_outside + QStringLiteral("/outside")));
    }
};

QTEST_GUILESS_MAIN(TestPersonalStore)
#include "tst_personalstore.moc"
