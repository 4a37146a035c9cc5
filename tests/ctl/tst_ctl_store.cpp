// tessera-ctl history and undo on a real store and journal (the journal written as the shell's
// recorder writes it), undo refusing while the shell holds the history, and file names that
// are not text (printed escaped, named on the command line as printed, undone by their bytes).
#include "storefiles.h"
#include "storejournal.h"
#include "storepath.h"
#include "../vmbackend/rawstorefiles.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCtlStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    QString m_store;

    static bool put(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
    }

    QByteArray ctl(const QStringList &arguments, int expectedExit)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TESSERA_DATA_DIR"), m_data.path());
        environment.insert(QStringLiteral("TESSERA_STORE_DIR"), m_store);
        environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TESSERA_CTL), arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != expectedExit) {
            qWarning() << arguments << process.exitCode() << process.readAllStandardError();
            return QByteArray("<unexpected exit>");
        }
        return process.readAllStandardOutput() + process.readAllStandardError();
    }

private Q_SLOTS:
    void historyAndUndo()
    {
        m_store = m_data.filePath(QStringLiteral("store"));
        QVERIFY(put(m_store + QStringLiteral("/Documents/a.txt"), "original"));
        QVERIFY(put(m_store + QStringLiteral("/Documents/b.txt"), "mine"));
        QVERIFY(put(m_store + QStringLiteral("/Documents/c.txt"), "plan"));
        {
            StoreJournal journal(m_data.filePath(QStringLiteral("journal")), m_store);
            QVERIFY(journal.open());
            QVERIFY(journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()));
            QTRY_VERIFY(QDateTime::currentDateTimeUtc().addSecs(-1) > journal.changes().last().time);
            QVERIFY(put(m_store + QStringLiteral("/Documents/a.txt"), "encrypted!"));
            QVERIFY(journal.record(QStringLiteral("Documents/a.txt"), QStringLiteral("terminal")));
            QVERIFY(put(m_store + QStringLiteral("/Documents/b.txt"), "mine, edited"));
            QVERIFY(journal.record(QStringLiteral("Documents/b.txt"), StoreJournal::hostActor()));
            // c.txt: changed by the appliance, then by the host (a conflict).
            QVERIFY(put(m_store + QStringLiteral("/Documents/c.txt"), "plan, encrypted!"));
            QVERIFY(journal.record(QStringLiteral("Documents/c.txt"), QStringLiteral("terminal")));
            QVERIFY(put(m_store + QStringLiteral("/Documents/c.txt"), "plan, encrypted! and my note"));
            QVERIFY(journal.record(QStringLiteral("Documents/c.txt"), StoreJournal::hostActor()));
        }
        const QByteArray history = ctl({QStringLiteral("history"), QStringLiteral("terminal")}, 0);
        QVERIFY2(history.contains("terminal\tchanged\tDocuments/a.txt"), history.constData());
        QVERIFY(!history.contains("b.txt"));

        const QByteArray dry = ctl({QStringLiteral("undo"), QStringLiteral("terminal"), QStringLiteral("--since"), QStringLiteral("1h"),
                                    QStringLiteral("--dry-run")}, 0);
        QVERIFY2(dry.contains("would\tDocuments/a.txt"), dry.constData());
        QCOMPARE(QFile(m_store + QStringLiteral("/Documents/a.txt")).size(), qint64(10)); // untouched

        // While the shell keeps the history, undo refuses and says what to do.
        {
            QLockFile shell(m_data.filePath(QStringLiteral("journal/lock")));
            QVERIFY(shell.tryLock(0));
            const QByteArray refused = ctl({QStringLiteral("undo"), QStringLiteral("terminal"), QStringLiteral("--since"), QStringLiteral("1h")}, 1);
            QVERIFY2(refused.contains("quit it first"), refused.constData());
        }
        const QByteArray undone = ctl({QStringLiteral("undo"), QStringLiteral("terminal"), QStringLiteral("--since"), QStringLiteral("1h")}, 0);
        QVERIFY2(undone.contains("Undone: 1 file"), undone.constData());
        QFile a(m_store + QStringLiteral("/Documents/a.txt"));
        QVERIFY(a.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), QByteArray("original"));
        QFile b(m_store + QStringLiteral("/Documents/b.txt"));
        QVERIFY(b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), QByteArray("mine, edited"));

        // The conflict stayed; taken from before, the current version is kept as a copy.
        QVERIFY2(undone.contains("conflict\tDocuments/c.txt"), undone.constData());
        const QByteArray taken = ctl({QStringLiteral("undo"), QStringLiteral("terminal"), QStringLiteral("--since"), QStringLiteral("1h"),
                                      QStringLiteral("--take-earlier"), QStringLiteral("Documents/c.txt")}, 0);
        QVERIFY2(taken.contains("Undone: 1 file") && taken.contains("kept as Documents/c (kept "), taken.constData());
        QFile c(m_store + QStringLiteral("/Documents/c.txt"));
        QVERIFY(c.open(QIODevice::ReadOnly));
        QCOMPARE(c.readAll(), QByteArray("plan"));
        const QStringList copies = QDir(m_store + QStringLiteral("/Documents")).entryList({QStringLiteral("c (kept *).txt")}, QDir::Files);
        QCOMPARE(copies.size(), 1);
        QFile copy(m_store + QStringLiteral("/Documents/") + copies.first());
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), QByteArray("plan, encrypted! and my note"));

        QVERIFY(ctl({QStringLiteral("undo"), QStringLiteral("terminal"), QStringLiteral("--since"), QStringLiteral("yesterday")}, 2)
                    .contains("ISO 8601"));
    }

    void namesThatAreNotTextArePrintedEscapedAndUndone()
    {
        m_store = m_data.filePath(QStringLiteral("raw-store"));
        QVERIFY(QDir().mkpath(m_store + QStringLiteral("/Documents")));
        const QByteArray store = QFile::encodeName(m_store);
        // Latin-1 "café.txt", and a name with a line break in it (which would split a line).
        const QByteArray cafe = store + "/Documents/caf\xe9.txt";
        const QByteArray broken = store + "/Documents/two\nlines.txt";
        QVERIFY(putRaw(cafe, "menu"));
        QVERIFY(putRaw(broken, "lines"));
        QVERIFY(QDir(m_data.filePath(QStringLiteral("journal"))).removeRecursively()); // a new history for this store
        {
            StoreJournal journal(m_data.filePath(QStringLiteral("journal")), m_store);
            QVERIFY(journal.open());
            QVERIFY(journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()));
            QTRY_VERIFY(QDateTime::currentDateTimeUtc().addSecs(-1) > journal.changes().last().time);
            QVERIFY(putRaw(cafe, "menu, poisoned"));
            QVERIFY(journal.record(StorePath::fromBytes("Documents/caf\xe9.txt"), QStringLiteral("terminal")));
            QVERIFY(putRaw(broken, "lines, poisoned"));
            QVERIFY(journal.record(QStringLiteral("Documents/two\nlines.txt"), QStringLiteral("terminal")));
            QVERIFY(putRaw(cafe, "menu, poisoned, and my note"));
            QVERIFY(journal.record(StorePath::fromBytes("Documents/caf\xe9.txt"), StoreJournal::hostActor()));
        }
        const QByteArray history = ctl({QStringLiteral("history"), QStringLiteral("terminal")}, 0);
        QVERIFY2(history.contains("terminal\tchanged\tDocuments/caf\\xe9.txt\n"), history.constData());
        QVERIFY2(history.contains("terminal\tchanged\tDocuments/two\\x0alines.txt\n"), history.constData());
        // café.txt is a conflict (the person wrote after); named as printed, it is taken from before.
        const QByteArray undone = ctl({QStringLiteral("undo"), QStringLiteral("terminal"), QStringLiteral("--since"), QStringLiteral("1h"),
                                       QStringLiteral("--take-earlier"), QStringLiteral("Documents/caf\\xe9.txt")}, 0);
        QVERIFY2(undone.contains("Undone: 2 file"), undone.constData());
        QCOMPARE(getRaw(cafe), QByteArray("menu"));
        QCOMPARE(getRaw(broken), QByteArray("lines"));
        // QTemporaryDir cannot remove names that are not UTF-8.
        QVERIFY(::unlink(cafe.constData()) == 0);
        QList<StoreFiles::Entry> entries;
        QVERIFY(StoreFiles::list(m_store + QStringLiteral("/Documents"), &entries));
        int kept = 0;
        for (const StoreFiles::Entry &entry : std::as_const(entries)) {
            const QByteArray name = StorePath::toBytes(entry.name);
            if (name.startsWith("caf\xe9 (kept ") && name.endsWith(").txt")) {
                ++kept;
                QCOMPARE(getRaw(store + "/Documents/" + name), QByteArray("menu, poisoned, and my note"));
                QVERIFY(::unlink((store + "/Documents/" + name).constData()) == 0);
            }
        }
        QCOMPARE(kept, 1);
    }
};

QTEST_GUILESS_MAIN(TestCtlStore)
#include "tst_ctl_store.moc"
