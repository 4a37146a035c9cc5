// StoreHistoryModel over a real journal: rows newest first, filtered by appliance, bounded,
// the summary of the whole history, loaded off the GUI thread; checked by
// QAbstractItemModelTester on every change.
#include "storehistorymodel.h"
#include "storejournal.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

bool put(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

} // namespace

class tst_StoreHistoryModel : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_store;
    QString m_journal;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("TESSERA_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        m_store = m_dir.filePath(QStringLiteral("store"));
        m_journal = m_dir.filePath(QStringLiteral("journal"));
        StoreJournal journal(m_journal, m_store);
        QVERIFY(journal.open());
        // 300 changes: terminal and editor write in turns, the host now and then.
        for (int i = 0; i < 300; ++i) {
            const QString actor = i % 10 == 0 ? StoreJournal::hostActor() : i % 2 ? QStringLiteral("terminal") : QStringLiteral("editor");
            const QString path = QStringLiteral("Documents/%1/file%2.txt").arg(actor).arg(i % 7);
            QVERIFY(put(m_store + QLatin1Char('/') + path, QByteArray::number(i)));
            QVERIFY(journal.record(path, actor));
        }
        QVERIFY(QFile::remove(m_store + QStringLiteral("/Documents/terminal/file1.txt")));
        QVERIFY(journal.record(QStringLiteral("Documents/terminal/file1.txt"), QStringLiteral("terminal")));
    }

    void rowsNewestFirstFilteredAndBounded()
    {
        StoreHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &StoreHistoryModel::loaded);
        model.setJournalDir(m_journal);
        // Loading happens on a worker: nothing is there before the event loop runs.
        QVERIFY(model.isLoading());
        QCOMPARE(model.rowCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() > 0, 10000);
        QCOMPARE(model.rowCount(), 301);
        QCOMPARE(model.totalEntries(), 301);
        QVERIFY(model.storageBytes() > 0);
        QVERIFY(model.oldest().isValid());
        QVERIFY(!model.storageText().isEmpty());
        // Newest first: the deletion is the first row.
        const QModelIndex first = model.index(0, 0);
        QCOMPARE(first.data(StoreHistoryModel::PathRole).toString(), QStringLiteral("Documents/terminal/file1.txt"));
        QCOMPARE(first.data(StoreHistoryModel::OperationRole).toString(), QStringLiteral("deleted"));
        QCOMPARE(first.data(StoreHistoryModel::WriterRole).toString(), QStringLiteral("terminal"));
        QVERIFY(model.index(0, 0).data(StoreHistoryModel::TimeRole).toDateTime() >= model.index(1, 0).data(StoreHistoryModel::TimeRole).toDateTime());
        QCOMPARE(model.index(300, 0).data(StoreHistoryModel::OperationRole).toString(), QStringLiteral("created"));
        QCOMPARE(model.index(300, 0).data(StoreHistoryModel::WriterTextRole).toString(), StoreHistoryModel::writerText(StoreJournal::hostActor()));

        // One appliance only, and at most 20 rows; the summary still covers everything.
        loaded.clear();
        model.setAppliance(QStringLiteral("editor"));
        model.setLimit(20);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.appliance() == QStringLiteral("editor") && model.rowCount() == 20, 10000);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, 0).data(StoreHistoryModel::WriterRole).toString(), QStringLiteral("editor"));
        QCOMPARE(model.totalEntries(), 301);
        model.setLimit(1000);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == 120, 10000); // 300 * 4/10: even, not a multiple of 10
        QCOMPARE(model.index(0, 0).data(StoreHistoryModel::OperationRole).toString(), QStringLiteral("modified"));
    }

    void anEmptyHistory()
    {
        StoreHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &StoreHistoryModel::loaded);
        model.setJournalDir(m_dir.filePath(QStringLiteral("none")));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalEntries(), 0);
        QVERIFY(!model.oldest().isValid());
        QCOMPARE(model.retentionDays(), StoreJournal::RetentionDays);
    }

    void undoRowsBelongToTheirAppliance()
    {
        QCOMPARE(StoreHistoryModel::writerText(StoreJournal::undoActor(QStringLiteral("terminal"))),
                 StoreHistoryModel::tr("undo of %1").arg(QStringLiteral("terminal")));
    }
};

QTEST_MAIN(tst_StoreHistoryModel)
#include "tst_storehistorymodel.moc"
