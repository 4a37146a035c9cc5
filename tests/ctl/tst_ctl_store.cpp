// tessera-ctl history and undo on a real store and journal (the journal written as the shell's
// recorder writes it), and undo refusing while the shell holds the history.
#include "storejournal.h"

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
};

QTEST_GUILESS_MAIN(TestCtlStore)
#include "tst_ctl_store.moc"
