#include "connectionlist.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

class TestConnectionList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void acceptsQemuTransports_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("ssh system") << QStringLiteral("qemu+ssh://me@build-server/system") << true;
        QTest::newRow("ssh port session") << QStringLiteral("qemu+ssh://me@127.0.0.1:2222/session") << true;
        QTest::newRow("libssh") << QStringLiteral("qemu+libssh://me@host/system?known_hosts=/k") << true;
        QTest::newRow("tls") << QStringLiteral("qemu+tls://host/system") << true;
        QTest::newRow("local system") << QStringLiteral("qemu:///system") << true;
        QTest::newRow("unix socket") << QStringLiteral("qemu+unix:///system?socket=/run/x") << true;
        QTest::newRow("tcp refused") << QStringLiteral("qemu+tcp://host/system") << false;
        QTest::newRow("xen refused") << QStringLiteral("xen+ssh://host/system") << false;
        QTest::newRow("test refused") << QStringLiteral("test:///default") << false;
        QTest::newRow("no host") << QStringLiteral("qemu+ssh:///system") << false;
        QTest::newRow("no path") << QStringLiteral("qemu+ssh://me@host") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("garbage") << QStringLiteral("build server") << false;
    }

    void acceptsQemuTransports()
    {
        QFETCH(QString, uri);
        QFETCH(bool, accepted);
        const QString problem = ConnectionList::uriProblem(uri);
        QCOMPARE(problem.isEmpty(), accepted);
    }

    void tcpRefusalSaysWhy()
    {
        QVERIFY(ConnectionList::uriProblem(QStringLiteral("qemu+tcp://host/system")).contains(QLatin1String("unencrypted")));
    }

    void namesAreUniqueIgnoringCase()
    {
        const QList<ConnectionEntry> existing{{QStringLiteral("Build-Server"), QStringLiteral("qemu+ssh://a/system")}};
        QVERIFY(!ConnectionList::nameProblem(QStringLiteral("build-server"), existing).isEmpty());
        QVERIFY(!ConnectionList::nameProblem(QStringLiteral("  "), existing).isEmpty());
        QVERIFY(!ConnectionList::nameProblem(QString(65, QLatin1Char('x')), existing).isEmpty());
        QVERIFY(ConnectionList::nameProblem(QStringLiteral("lab"), existing).isEmpty());
    }

    void sshNeverPromptsOnATerminal()
    {
        const QUrl opened(ConnectionList::uriForOpening(QStringLiteral("qemu+ssh://me@host:2222/system?keyfile=/k")));
        QCOMPARE(QUrlQuery(opened).queryItemValue(QStringLiteral("no_tty")), QStringLiteral("1"));
        QCOMPARE(QUrlQuery(opened).queryItemValue(QStringLiteral("keyfile")), QStringLiteral("/k"));
        QCOMPARE(opened.port(), 2222);
        // An explicit choice stays; other transports are opened as written.
        QVERIFY(ConnectionList::uriForOpening(QStringLiteral("qemu+ssh://h/system?no_tty=0")).endsWith(QLatin1String("no_tty=0")));
        QCOMPARE(ConnectionList::uriForOpening(QStringLiteral("qemu:///system")), QStringLiteral("qemu:///system"));
    }

    void remoteOrNot()
    {
        QVERIFY(ConnectionList::isRemote(QStringLiteral("qemu+ssh://me@host/system")));
        QVERIFY(ConnectionList::isRemote(QStringLiteral("qemu+tls://host/system")));
        QVERIFY(!ConnectionList::isRemote(QStringLiteral("qemu:///system")));
        QVERIFY(!ConnectionList::isRemote(QStringLiteral("qemu+unix:///system?socket=/s")));
        QVERIFY(!ConnectionList::isRemote(QStringLiteral("qemu:///embed?root=/r")));
    }

    void failureMessagesSayWhatToDo_data()
    {
        QTest::addColumn<QString>("details");
        QTest::addColumn<QString>("expected");
        QTest::newRow("refused") << QStringLiteral("Cannot recv data: ssh: connect to host 127.0.0.1 port 1: Connection refused")
                                 << QStringLiteral("refused the connection");
        QTest::newRow("refused, pipe first") << QStringLiteral("Cannot write data: Broken pipe") << QStringLiteral("refused or closed at once");
        QTest::newRow("host key") << QStringLiteral("Cannot recv data: Host key verification failed.: Connection reset by peer")
                                  << QStringLiteral("ssh me@build");
        QTest::newRow("password") << QStringLiteral("Cannot recv data: me@build: Permission denied (publickey).")
                                  << QStringLiteral("ssh-copy-id me@build");
        QTest::newRow("unknown name") << QStringLiteral("ssh: Could not resolve hostname build: Name or service not known")
                                      << QStringLiteral("unknown");
        QTest::newRow("no daemon") << QStringLiteral("Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory")
                                   << QStringLiteral("does not run");
        QTest::newRow("other") << QStringLiteral("something else") << QStringLiteral("The details say more");
    }

    void failureMessagesSayWhatToDo()
    {
        QFETCH(QString, details);
        QFETCH(QString, expected);
        const QString message = ConnectionList::failureMessage(QStringLiteral("lab"), QStringLiteral("qemu+ssh://me@build/system"), details);
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY(message.contains(QLatin1String("lab")));
    }

    void storedListRoundTripsAndDropsBadEntries()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("t.ini")), QSettings::IniFormat);
        const QList<ConnectionEntry> entries{{QStringLiteral("lab"), QStringLiteral("qemu+ssh://me@lab/system")},
                                             {QStringLiteral("build"), QStringLiteral("qemu+tls://build/system")}};
        ConnectionList::saveRemote(settings, entries);
        QCOMPARE(ConnectionList::loadRemote(settings), entries);
        // A hand-edited file: a refused transport and a duplicate name are dropped on reading.
        ConnectionList::saveRemote(settings, entries + QList<ConnectionEntry>{{QStringLiteral("tcp"), QStringLiteral("qemu+tcp://x/system")},
                                                                              {QStringLiteral("LAB"), QStringLiteral("qemu+ssh://y/system")}});
        QCOMPARE(ConnectionList::loadRemote(settings), entries);
        ConnectionList::saveRemote(settings, {});
        QVERIFY(ConnectionList::loadRemote(settings).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConnectionList)
#include "tst_connectionlist.moc"
