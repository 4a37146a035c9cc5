// The store's file layer on real files: raw byte names kept exactly (StorePath), Tessera's own
// writes known as such for exactly the state they left (StoreOwnWrites), and StoreFiles never
// writing through a link or a planted staging name, keeping the mode it is given.
#include "storefiles.h"
#include "storeownwrites.h"
#include "storepath.h"
#include "rawstorefiles.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

mode_t modeOf(const QByteArray &path)
{
    struct stat st;
    return ::lstat(path.constData(), &st) == 0 ? st.st_mode & 07777 : mode_t(-1);
}

} // namespace

class TestStoreFiles : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_root;

    QByteArray raw(const QByteArray &relative) const { return m_root + '/' + relative; }

private Q_SLOTS:
    void cleanup() { removeTree(m_dir->path()); }

    void init()
    {
        m_dir.reset(new QTemporaryDir);
        m_root = QFile::encodeName(m_dir->filePath(QStringLiteral("store")));
        QVERIFY(QDir().mkpath(QFile::decodeName(m_root) + QStringLiteral("/Documents")));
    }

    void namesRoundTripAsBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("text");
        QTest::addColumn<QString>("shown");
        QTest::newRow("ascii") << QByteArray("Documents/a.txt") << true << QStringLiteral("Documents/a.txt");
        QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9 \xf0\x9f\x98\x80") << true << QStringLiteral(u"café 😀");
        QTest::newRow("latin-1") << QByteArray("caf\xe9.txt") << false << QStringLiteral("caf\\xe9.txt");
        QTest::newRow("lone continuation") << QByteArray("\x80\xbf") << false << QStringLiteral("\\x80\\xbf");
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << false << QStringLiteral("\\xc0\\xaf");
        QTest::newRow("encoded surrogate") << QByteArray("\xed\xb3\xbf") << false << QStringLiteral("\\xed\\xb3\\xbf");
        QTest::newRow("truncated") << QByteArray("a\xe2\x82") << false << QStringLiteral("a\\xe2\\x82");
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false << QStringLiteral("\\xf4\\x90\\x80\\x80");
        QTest::newRow("control") << QByteArray("a\nb\x1b[31m") << true << QStringLiteral("a\\x0ab\\x1b[31m");
        QTest::newRow("bidi override") << QByteArray("evil\xe2\x80\xaetxt.exe") << true << QStringLiteral("evil\\u{202e}txt.exe");
    }

    void namesRoundTripAsBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, text);
        QFETCH(QString, shown);
        const QString path = StorePath::fromBytes(bytes);
        bool ok = false;
        QCOMPARE(StorePath::toBytes(path, &ok), bytes);
        QVERIFY(ok);
        QCOMPARE(StorePath::isText(path), text);
        QCOMPARE(StorePath::display(path), shown);
        QCOMPARE(StorePath::fromBytes(StorePath::toBytes(path)), path);
    }

    void relativePathsAreChecked_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("Documents/a.txt") << true;
        QTest::newRow("raw") << StorePath::fromBytes("Documents/\xff") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << false;
        QTest::newRow("dot dot") << QStringLiteral("Documents/../../x") << false;
        QTest::newRow("dot") << QStringLiteral("Documents/./x") << false;
        QTest::newRow("empty component") << QStringLiteral("Documents//x") << false;
        QTest::newRow("trailing slash") << QStringLiteral("Documents/") << false;
        QTest::newRow("lone high surrogate") << QString(QChar(0xD800)) << false;
        QTest::newRow("too long") << QString(StorePath::MaxBytes + 1, QLatin1Char('a')) << false;
    }

    void relativePathsAreChecked()
    {
        QFETCH(QString, path);
        QFETCH(bool, valid);
        QCOMPARE(StorePath::isValidRelative(path), valid);
    }

    void aWriteIsTesserasOnlyWhileItIsAsLeft()
    {
        const StoreFiles store(QFile::decodeName(m_root));
        StoreOwnWrites *ledger = StoreOwnWrites::instance();
        const QString relative = StorePath::fromBytes("Documents/caf\xe9.txt");
        const QString absolute = store.absolute(relative);
        QCOMPARE(ledger->classify(absolute, StoreOwnWrites::AnyEvent), StoreOwnWrites::Verdict::Others);
        QByteArray content("restored");
        QBuffer buffer(&content);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QSignalSpy settled(ledger, &StoreOwnWrites::settled);
        StoreFiles::WriteOptions options;
        options.actor = QStringLiteral("undo:terminal");
        QString error;
        QVERIFY2(store.write(relative, &buffer, options, &error), qPrintable(error));
        QVERIFY(std::any_of(settled.cbegin(), settled.cend(), [&](const QList<QVariant> &s) { return s.first().toString() == absolute; }));
        QCOMPARE(getRaw(raw("Documents/caf\xe9.txt")), QByteArray("restored"));
        QString actor;
        QString hash;
        QCOMPARE(ledger->classify(absolute, StoreOwnWrites::Appeared, &actor, &hash), StoreOwnWrites::Verdict::Own);
        QCOMPARE(actor, QStringLiteral("undo:terminal"));
        QCOMPARE(hash, QString::fromLatin1(QCryptographicHash::hash("restored", QCryptographicHash::Sha256).toHex()));
        // Tessera never writes a target in place: a write there is someone else's, even one
        // that leaves the same size and times (file times are coarse).
        QCOMPARE(ledger->classify(absolute, StoreOwnWrites::Written), StoreOwnWrites::Verdict::Others);
        // The staging name is gone, and that too was Tessera's.
        QCOMPARE(ledger->classify(absolute + QLatin1String(StoreFiles::StagingSuffix), StoreOwnWrites::Written), StoreOwnWrites::Verdict::Own);
        // Someone writes the same file afterwards (same size even): no longer Tessera's.
        QVERIFY(putRaw(raw("Documents/caf\xe9.txt"), "guest's!"));
        QCOMPARE(ledger->classify(absolute, StoreOwnWrites::AnyEvent), StoreOwnWrites::Verdict::Others);
        // A removal is Tessera's while the file stays absent.
        QVERIFY2(store.remove(relative, options.actor, &error), qPrintable(error));
        QCOMPARE(ledger->classify(absolute, StoreOwnWrites::Gone), StoreOwnWrites::Verdict::Own);
        QVERIFY(putRaw(raw("Documents/caf\xe9.txt"), "back"));
        QCOMPARE(ledger->classify(absolute, StoreOwnWrites::AnyEvent), StoreOwnWrites::Verdict::Others);
        // While a write is being made, its events wait.
        ledger->begin(store.absolute(QStringLiteral("Documents/busy")), options.actor, StoreOwnWrites::Appeared);
        QCOMPARE(ledger->classify(store.absolute(QStringLiteral("Documents/busy")), StoreOwnWrites::Appeared), StoreOwnWrites::Verdict::Pending);
        ledger->settle(store.absolute(QStringLiteral("Documents/busy")), std::nullopt);
        QCOMPARE(ledger->classify(store.absolute(QStringLiteral("Documents/busy")), StoreOwnWrites::Appeared), StoreOwnWrites::Verdict::Others);
    }

    void plantedStagingNamesAndLinksAreNeverWrittenThrough()
    {
        QTemporaryDir outside;
        const QByteArray secret = QFile::encodeName(outside.filePath(QStringLiteral("secret")));
        QVERIFY(putRaw(secret, "host secret"));
        QVERIFY(putRaw(raw("Documents/notes.txt"), "notes"));
        // A hard link and a symbolic link where Tessera stages its writes.
        QVERIFY(::link(raw("Documents/notes.txt").constData(), raw("Documents/letter.txt.tessera-undo").constData()) == 0);
        QVERIFY(::symlink(secret.constData(), raw("Documents/letter.txt.tessera-undo-1").constData()) == 0);
        // And a folder on the way that is a link.
        QVERIFY(::symlink(QFile::encodeName(outside.path()).constData(), raw("Documents/out").constData()) == 0);
        const StoreFiles store(QFile::decodeName(m_root));
        QByteArray content("dear bank");
        QBuffer buffer(&content);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        StoreFiles::WriteOptions options;
        options.actor = QStringLiteral("undo:terminal");
        options.mode = 04755; // setuid never survives
        QString error;
        QVERIFY2(store.write(QStringLiteral("Documents/letter.txt"), &buffer, options, &error), qPrintable(error));
        QCOMPARE(getRaw(raw("Documents/letter.txt")), QByteArray("dear bank"));
        QCOMPARE(modeOf(raw("Documents/letter.txt")), mode_t(0755));
        QCOMPARE(getRaw(raw("Documents/notes.txt")), QByteArray("notes"));
        QCOMPARE(getRaw(secret), QByteArray("host secret"));
        QCOMPARE(getRaw(raw("Documents/letter.txt.tessera-undo")), QByteArray("notes")); // left as planted
        buffer.seek(0);
        QVERIFY(!store.write(QStringLiteral("Documents/out/secret"), &buffer, options, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(getRaw(secret), QByteArray("host secret"));
        QCOMPARE(store.openForReading(QStringLiteral("Documents/out/secret")), -1);
        QCOMPARE(store.openForReading(QStringLiteral("Documents/letter.txt.tessera-undo-1")), -1);
        QVERIFY(!store.remove(QStringLiteral("Documents/out/secret"), options.actor, &error));
        QCOMPARE(getRaw(secret), QByteArray("host secret"));
        // Missing folders are made (a folder the appliance removed comes back).
        buffer.seek(0);
        QVERIFY2(store.write(QStringLiteral("Documents/Taxes/2026/return.txt"), &buffer, options, &error), qPrintable(error));
        QCOMPARE(getRaw(raw("Documents/Taxes/2026/return.txt")), QByteArray("dear bank"));
        QCOMPARE(StoreOwnWrites::instance()->classify(store.absolute(QStringLiteral("Documents/Taxes")), StoreOwnWrites::Appeared),
                 StoreOwnWrites::Verdict::Own);
    }

    void listingKeepsRawNamesAndSkipsLinks()
    {
        QVERIFY(putRaw(raw("Documents/\xff\xfe.bin"), "x"));
        QVERIFY(::symlink("/etc", raw("Documents/etc").constData()) == 0);
        QVERIFY(::mkdir(raw("Documents/sub").constData(), 0700) == 0);
        QList<StoreFiles::Entry> entries;
        QVERIFY(StoreFiles::list(QFile::decodeName(raw("Documents")), &entries));
        QCOMPARE(entries.size(), 3);
        for (const StoreFiles::Entry &entry : std::as_const(entries)) {
            if (entry.name == StorePath::fromBytes("\xff\xfe.bin"))
                QVERIFY(entry.file && !entry.folder);
            else if (entry.name == QLatin1String("etc"))
                QVERIFY(!entry.file && !entry.folder);
            else
                QVERIFY(entry.name == QLatin1String("sub") && entry.folder);
        }
        QVERIFY(!StoreFiles::list(QFile::decodeName(raw("Documents/etc")), &entries));
    }
};

QTEST_GUILESS_MAIN(TestStoreFiles)
#include "tst_storefiles.moc"
