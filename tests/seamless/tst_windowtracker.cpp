// The host's limits on guest window data (GuestWindowSanitizer), the
// WindowTracker fed with agent messages, and GuestWindowModel over it.
#include "agentmessage.h"
#include "guestwindowmodel.h"
#include "guestwindowsanitizer.h"
#include "windowtracker.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {
AgentMessage update(quint32 id, quint32 flags, QRect g, quint32 transientFor = 0,
                    const QByteArray &title = "t", const QByteArray &cls = "C")
{
    return AgentMessage(AgentMessage::WindowUpdate,
                        {QByteArray::number(id), QByteArray::number(flags), QByteArray::number(g.x()),
                         QByteArray::number(g.y()), QByteArray::number(g.width()),
                         QByteArray::number(g.height()), QByteArray::number(transientFor), title, cls});
}
AgentMessage removed(quint32 id) { return AgentMessage(AgentMessage::WindowRemoved, {QByteArray::number(id)}); }
AgentMessage stack(const QByteArray &ids) { return AgentMessage(AgentMessage::WindowStack, {ids}); }
} // namespace

class tst_WindowTracker : public QObject
{
    Q_OBJECT

private slots:
    void text_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QByteArray("Terminal") << QStringLiteral("Terminal");
        QTest::newRow("utf8") << QByteArray("Grüße – 日本") << QStringLiteral("Grüße – 日本");
        QTest::newRow("controls") << QByteArray("a\nb\tc\x1b[31md\x7f") << QStringLiteral("abc[31md");
        QTest::newRow("bidi RLO") << QByteArray("evil\xe2\x80\xaegpj.exe") << QStringLiteral("evilgpj.exe");
        QTest::newRow("bidi isolate") << QByteArray("a\xe2\x81\xa6" "b\xe2\x81\xa9") << QStringLiteral("ab");
        QTest::newRow("invalid utf8") << QByteArray("ok\xff\xfe\xc3") << QStringLiteral("ok");
        QTest::newRow("overlong") << QByteArray("x\xc0\xafy") << QStringLiteral("xy");
        QTest::newRow("surrogate encoded") << QByteArray("a\xed\xa0\x80z") << QStringLiteral("az");
        QTest::newRow("emoji kept") << QByteArray("\xf0\x9f\x98\x80") << QString::fromUtf8("\xf0\x9f\x98\x80");
        QTest::newRow("nul") << QByteArray("a\0b", 3) << QStringLiteral("ab");
        QTest::newRow("long ascii") << QByteArray(1000, 'x') << QString(128, QLatin1Char('x'));
        // 43 × 3 bytes = 129 > 128: the 43rd character does not fit whole.
        QTest::newRow("long cjk") << QString(60, QChar(0x65E5)).toUtf8() << QString(42, QChar(0x65E5));
    }
    void text()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        const QString out = GuestWindowSanitizer::title(input);
        QCOMPARE(out, expected);
        QVERIFY(out.toUtf8().size() <= GuestWindowSanitizer::MaxTitleBytes);
    }

    void classLimit()
    {
        QCOMPARE(GuestWindowSanitizer::appClass(QByteArray(500, 'c')).size(), 64);
    }

    void geometry_data()
    {
        QTest::addColumn<qint64>("x");
        QTest::addColumn<qint64>("y");
        QTest::addColumn<qint64>("w");
        QTest::addColumn<qint64>("h");
        QTest::addColumn<QRect>("expected");
        QTest::newRow("normal") << 10ll << 20ll << 300ll << 200ll << QRect(10, 20, 300, 200);
        QTest::newRow("zero size") << 0ll << 0ll << 0ll << 0ll << QRect(0, 0, 1, 1);
        QTest::newRow("negative size") << 0ll << 0ll << -5ll << -2147483648ll << QRect(0, 0, 1, 1);
        QTest::newRow("huge") << 0ll << 0ll << 2147483647ll << 99999ll << QRect(0, 0, 16384, 16384);
        QTest::newRow("far away") << -2147483648ll << 2147483647ll << 10ll << 10ll << QRect(-32768, 32768, 10, 10);
    }
    void geometry()
    {
        QFETCH(qint64, x);
        QFETCH(qint64, y);
        QFETCH(qint64, w);
        QFETCH(qint64, h);
        QFETCH(QRect, expected);
        QCOMPARE(GuestWindowSanitizer::geometry(x, y, w, h), expected);
    }

    void coverage_data()
    {
        QTest::addColumn<QRect>("rect");
        QTest::addColumn<bool>("covers");
        QTest::newRow("full") << QRect(0, 0, 1024, 768) << true;
        QTest::newRow("bigger") << QRect(-100, -100, 5000, 5000) << true;
        QTest::newRow("90%") << QRect(0, 0, 1024, 692) << true;
        QTest::newRow("menu") << QRect(10, 10, 200, 300) << false;
        QTest::newRow("off screen") << QRect(2000, 0, 1024, 768) << false;
    }
    void coverage()
    {
        QFETCH(QRect, rect);
        QFETCH(bool, covers);
        QCOMPARE(GuestWindowSanitizer::coversScreen(rect, QSize(1024, 768)), covers);
        QVERIFY(!GuestWindowSanitizer::coversScreen(rect, QSize()));
    }

    void malformed_data()
    {
        QTest::addColumn<AgentMessage>("message");
        QTest::newRow("too few fields") << AgentMessage(AgentMessage::WindowUpdate, {"1", "0", "0"});
        QTest::newRow("id zero") << update(0, 1, QRect(0, 0, 5, 5));
        QTest::newRow("id text") << AgentMessage(AgentMessage::WindowUpdate, {"x1", "0", "0", "0", "1", "1", "0", "", ""});
        QTest::newRow("x spaces") << AgentMessage(AgentMessage::WindowUpdate, {"1", "0", " 1", "0", "1", "1", "0", "", ""});
        QTest::newRow("w overflow") << AgentMessage(AgentMessage::WindowUpdate, {"1", "0", "0", "0", "99999999999", "1", "0", "", ""});
        QTest::newRow("removed empty") << AgentMessage(AgentMessage::WindowRemoved);
        QTest::newRow("stack junk") << stack("1 2 x");
        QTest::newRow("stack double space") << stack("1  2");
    }
    void malformed()
    {
        QFETCH(AgentMessage, message);
        WindowTracker tracker;
        QString error;
        QVERIFY(!tracker.handleMessage(message, &error));
        QVERIFY(!error.isEmpty());
    }

    void trackAndModel()
    {
        WindowTracker tracker;
        tracker.setScreenSize(QSize(1024, 768));
        GuestWindowModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTracker(&tracker);
        QSignalSpy abuse(&tracker, &WindowTracker::abuseDetected);
        QString error;

        QVERIFY(tracker.handleMessage(update(10, 1, QRect(0, 0, 484, 316), 0, "Terminal", "XTerm"), &error));
        QVERIFY(tracker.handleMessage(update(11, 3, QRect(5, 5, 100, 50), 10, "menu"), &error));
        QVERIFY(tracker.handleMessage(update(12, 1, QRect(0, 0, 9, 9), 999), &error)); // unknown transientFor
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(0), GuestWindowModel::TitleRole).toString(), QStringLiteral("Terminal"));
        QCOMPARE(model.data(model.index(0), GuestWindowModel::AppClassRole).toString(), QStringLiteral("XTerm"));
        QCOMPARE(model.data(model.index(0), GuestWindowModel::GeometryRole).toRect(), QRect(0, 0, 484, 316));
        QCOMPARE(model.data(model.index(1), GuestWindowModel::TransientForRole).toUInt(), 10u);
        QCOMPARE(model.data(model.index(1), GuestWindowModel::OverrideRedirectRole).toBool(), true);
        QCOMPARE(tracker.window(12).transientFor, 0u);
        QCOMPARE(model.data(model.index(2), GuestWindowModel::StackIndexRole).toInt(), 2);

        // Restack: 12 at the bottom; unknown ids and duplicates ignored.
        QVERIFY(tracker.handleMessage(stack("12 10 77 10 11"), &error));
        QCOMPARE(tracker.stack(), (QList<quint32>{12, 10, 11}));
        QCOMPARE(model.data(model.index(2), GuestWindowModel::StackIndexRole).toInt(), 0);

        // A screen-covering override-redirect window is demoted and reported once.
        QVERIFY(tracker.handleMessage(update(13, 3, QRect(0, 0, 1024, 768)), &error));
        QVERIFY(tracker.handleMessage(update(13, 3, QRect(0, 0, 1024, 760)), &error));
        QCOMPARE(abuse.size(), 1);
        QVERIFY(tracker.window(13).demoted);
        QVERIFY(!tracker.window(13).overrideRedirect);

        // Removing the parent clears its transients.
        QVERIFY(tracker.handleMessage(removed(10), &error));
        QVERIFY(tracker.handleMessage(removed(4242), &error)); // unknown: ignored
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(tracker.window(11).transientFor, 0u);

        tracker.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(tracker.stack(), QList<quint32>());
    }

    void windowLimit()
    {
        WindowTracker tracker;
        GuestWindowModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTracker(&tracker);
        QSignalSpy abuse(&tracker, &WindowTracker::abuseDetected);
        QString error;
        for (quint32 id = 1; id <= 1000; ++id)
            QVERIFY(tracker.handleMessage(update(id, 1, QRect(0, 0, 10, 10)), &error));
        QCOMPARE(tracker.count(), WindowTracker::MaxWindows);
        QCOMPARE(model.rowCount(), WindowTracker::MaxWindows);
        QCOMPARE(abuse.size(), 1);
        // Known windows still update.
        QVERIFY(tracker.handleMessage(update(1, 1, QRect(0, 0, 20, 20), 0, "new"), &error));
        QCOMPARE(tracker.window(1).title, QStringLiteral("new"));
    }
};

QTEST_GUILESS_MAIN(tst_WindowTracker)
#include "tst_windowtracker.moc"
