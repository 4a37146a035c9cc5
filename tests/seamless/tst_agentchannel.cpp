// AgentChannel's protocol handling, driven without SPICE: bytes in through
// handleIncoming(), bytes out through a recording transport.
#include "agentchannel.h"
#include "agentframedecoder.h"
#include "agentmessage.h"
#include "clipboardreply.h"

#include <QImage>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using Messages = QList<AgentMessage>;

class tst_AgentChannel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void closedChannelSendsNothing();
    void helloHandshake();
    void secondHelloIsNotAnswered();
    void messagesBeforeHelloDropped();
    void sessionState();
    void pingPong();
    void execRoundTrip();
    void unknownTypeIgnored();
    void unknownTokensIgnored();
    void reopenStartsAfresh();
    void protocolErrors_data();
    void protocolErrors();
    void errorStopsReading();
    void execRejectsBadArgv();
    void clipboardRoundTrip();
    void clipboardRefusals();
    void clipboardNeedsMinorVersion();
    void clipboardSanitize_data();
    void clipboardSanitize();
    void windowIconAccepted();
    void windowIconRefused_data();
    void windowIconRefused();
    void windowIconMalformed_data();
    void windowIconMalformed();

private:
    void open();
    void feed(const AgentMessage &message) { feedBytes(message.encode()); }
    void feedBytes(const QByteArray &bytes) { m_channel->handleIncoming(bytes.constData(), bytes.size()); }
    void sayHello() { feed(AgentMessage::hello(QStringLiteral("test-agent/1"))); }
    Messages sent();

    AgentChannel *m_channel = nullptr;
    QByteArray m_written;
    int m_drops = 0;
};

void tst_AgentChannel::init()
{
    m_channel = new AgentChannel;
    m_written.clear();
    m_drops = 0;
    m_channel->setTransport(
        [this](const QByteArray &bytes) {
            m_written += bytes;
            return true;
        },
        [this] { ++m_drops; });
}

void tst_AgentChannel::cleanup()
{
    delete m_channel;
    m_channel = nullptr;
}

void tst_AgentChannel::open()
{
    QSignalSpy opened(m_channel, &AgentChannel::openChanged);
    m_channel->handlePortOpened(true);
    QCOMPARE(opened.size(), 1);
    QVERIFY(m_channel->isOpen());
}

Messages tst_AgentChannel::sent()
{
    AgentFrameDecoder decoder;
    const bool ok = decoder.feed(m_written);
    m_written.clear();
    return ok ? decoder.takeMessages() : Messages();
}

void tst_AgentChannel::closedChannelSendsNothing()
{
    QCOMPARE(m_channel->ping(), 0u);
    QCOMPARE(m_channel->exec({QStringLiteral("true")}), 0u);
    m_channel->requestShutdown();
    QVERIFY(m_written.isEmpty());
}

void tst_AgentChannel::helloHandshake()
{
    open();
    // The host greets as soon as the port opens (a restored agent waits for that), and
    // does not answer the guest's Hello a second time.
    QCOMPARE(sent(), Messages{AgentMessage::hello(AgentChannel::hostSoftware())});
    QSignalSpy hello(m_channel, &AgentChannel::helloReceived);
    QSignalSpy software(m_channel, &AgentChannel::peerSoftwareChanged);
    sayHello();
    QCOMPARE(hello.size(), 1);
    QCOMPARE(hello.at(0).at(0).toInt(), 1);
    QCOMPARE(hello.at(0).at(1).toString(), QStringLiteral("test-agent/1"));
    QCOMPARE(software.size(), 1);
    QCOMPARE(m_channel->peerSoftware(), QStringLiteral("test-agent/1"));
    QCOMPARE(sent(), Messages());
}

void tst_AgentChannel::secondHelloIsNotAnswered()
{
    // A host Hello per opening, whatever the guest sends: two Hellos from the host on one
    // opening would make the agent greet again, and the two would never stop.
    open();
    sent();
    sayHello();
    sayHello();
    QCOMPARE(sent(), Messages());
    // A new opening greets again.
    m_channel->handlePortOpened(false);
    open();
    QCOMPARE(sent(), Messages{AgentMessage::hello(AgentChannel::hostSoftware())});
}

void tst_AgentChannel::messagesBeforeHelloDropped()
{
    // A restored agent may report before it greets again: dropped, not trusted, not fatal.
    open();
    QSignalSpy error(m_channel, &AgentChannel::protocolError);
    QSignalSpy state(m_channel, &AgentChannel::sessionStateChanged);
    feed(AgentMessage(AgentMessage::SessionState, {"up"}));
    feed(AgentMessage(AgentMessage::WindowRemoved, {"42"}));
    QCOMPARE(error.size(), 0);
    QCOMPARE(state.size(), 0);
    QCOMPARE(m_channel->sessionState(), QString());
    QVERIFY(m_channel->isOpen());
    sayHello();
    feed(AgentMessage(AgentMessage::SessionState, {"up"}));
    QCOMPARE(m_channel->sessionState(), QStringLiteral("up"));
}

void tst_AgentChannel::sessionState()
{
    open();
    sayHello();
    QSignalSpy changed(m_channel, &AgentChannel::sessionStateChanged);
    feed(AgentMessage(AgentMessage::SessionState, {"down"}));
    QCOMPARE(m_channel->sessionState(), QStringLiteral("down"));
    feed(AgentMessage(AgentMessage::SessionState, {"up"}));
    feed(AgentMessage(AgentMessage::SessionState, {"up"}));
    QCOMPARE(m_channel->sessionState(), QStringLiteral("up"));
    QCOMPARE(changed.size(), 2);
}

void tst_AgentChannel::pingPong()
{
    open();
    sayHello();
    sent();
    QSignalSpy pong(m_channel, &AgentChannel::pong);
    const quint32 first = m_channel->ping();
    const quint32 second = m_channel->ping();
    QVERIFY(first != 0 && second != 0 && first != second);
    QCOMPARE(sent(), (Messages{AgentMessage::ping(first), AgentMessage::ping(second)}));

    feed(AgentMessage(AgentMessage::Pong, {QByteArray::number(second)}));
    QCOMPARE(pong.size(), 1);
    QCOMPARE(pong.at(0).at(0).toUInt(), second);
    QVERIFY(pong.at(0).at(1).toDouble() >= 0.0);
    // Each token answers once.
    feed(AgentMessage(AgentMessage::Pong, {QByteArray::number(second)}));
    QCOMPARE(pong.size(), 1);
}

void tst_AgentChannel::execRoundTrip()
{
    open();
    sayHello();
    sent();
    QSignalSpy finished(m_channel, &AgentChannel::execFinished);
    const QStringList argv{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo hi")};
    const quint32 id = m_channel->exec(argv);
    QVERIFY(id != 0);
    QCOMPARE(sent(), Messages{AgentMessage::exec(id, argv)});

    feed(AgentMessage(AgentMessage::ExecResult, {QByteArray::number(id), "-1", "not found"}));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toUInt(), id);
    QCOMPARE(finished.at(0).at(1).toInt(), -1);
    QCOMPARE(finished.at(0).at(2).toByteArray(), QByteArray("not found"));

    const quint32 big = m_channel->exec(argv);
    feed(AgentMessage(AgentMessage::ExecResult,
                      {QByteArray::number(big), "0", QByteArray(AgentMessage::MaxExecOutput, 'x')}));
    QCOMPARE(finished.size(), 2);
}

void tst_AgentChannel::unknownTypeIgnored()
{
    open();
    sayHello();
    QSignalSpy error(m_channel, &AgentChannel::protocolError);
    feed(AgentMessage(24, {"seamless window type not assigned yet"}));
    feed(AgentMessage(200));
    QCOMPARE(error.size(), 0);
    QVERIFY(m_channel->isOpen());
}

void tst_AgentChannel::unknownTokensIgnored()
{
    open();
    sayHello();
    QSignalSpy error(m_channel, &AgentChannel::protocolError);
    QSignalSpy pong(m_channel, &AgentChannel::pong);
    QSignalSpy finished(m_channel, &AgentChannel::execFinished);
    feed(AgentMessage(AgentMessage::Pong, {"12345"}));
    feed(AgentMessage(AgentMessage::ExecResult, {"777", "0", ""}));
    QCOMPARE(pong.size(), 0);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(error.size(), 0);
}

void tst_AgentChannel::reopenStartsAfresh()
{
    open();
    sayHello();
    feed(AgentMessage(AgentMessage::SessionState, {"up"}));
    const quint32 token = m_channel->ping();
    feedBytes(AgentMessage::ping(1).encode().left(5)); // half a message in flight

    QSignalSpy state(m_channel, &AgentChannel::sessionStateChanged);
    m_channel->handlePortOpened(false);
    QVERIFY(!m_channel->isOpen());
    QCOMPARE(m_channel->sessionState(), QString());
    QCOMPARE(m_channel->peerSoftware(), QString());
    QCOMPARE(state.size(), 1);

    // The guest reopens: it must say Hello again, stale bytes and tokens are gone.
    open();
    QSignalSpy error(m_channel, &AgentChannel::protocolError);
    QSignalSpy pong(m_channel, &AgentChannel::pong);
    sayHello();
    feed(AgentMessage(AgentMessage::Pong, {QByteArray::number(token)}));
    QCOMPARE(error.size(), 0);
    QCOMPARE(pong.size(), 0);
}

void tst_AgentChannel::protocolErrors_data()
{
    QTest::addColumn<bool>("helloFirst");
    QTest::addColumn<QByteArray>("bytes");

    auto enc = [](quint16 type, QList<QByteArray> fields) { return AgentMessage(type, fields).encode(); };
    QTest::newRow("garbage") << false << QByteArray("SSH-2.0-OpenSSH\r\n");
    QTest::newRow("oversize frame") << false << QByteArray("TA\x01\x00\x01\x00\x01\x00", 8);
    QTest::newRow("Hello version 2") << false << enc(AgentMessage::Hello, {"2", "future-agent"});
    QTest::newRow("Hello version not a number") << false << enc(AgentMessage::Hello, {"one", "agent"});
    QTest::newRow("Hello without software") << false << enc(AgentMessage::Hello, {"1"});
    QTest::newRow("Hello not UTF-8") << false << enc(AgentMessage::Hello, {"1", "\xff\xfe"});
    QTest::newRow("session state sideways") << true << enc(AgentMessage::SessionState, {"sideways"});
    QTest::newRow("session state missing") << true << enc(AgentMessage::SessionState, {});
    QTest::newRow("pong token not a number") << true << enc(AgentMessage::Pong, {"12abc"});
    QTest::newRow("pong token negative") << true << enc(AgentMessage::Pong, {"-5"});
    QTest::newRow("exec result short") << true << enc(AgentMessage::ExecResult, {"1", "0"});
    QTest::newRow("exec result bad status") << true << enc(AgentMessage::ExecResult, {"1", "zero", ""});
    QTest::newRow("exec result output too large")
        << true << enc(AgentMessage::ExecResult, {"1", "0", QByteArray(AgentMessage::MaxExecOutput + 1, 'x')});
    QTest::newRow("guest sends Exec") << true << enc(AgentMessage::Exec, {"1", "reboot"});
    QTest::newRow("guest sends Ping") << true << enc(AgentMessage::Ping, {"1"});
    QTest::newRow("guest sends Shutdown") << true << enc(AgentMessage::Shutdown, {});
}

void tst_AgentChannel::protocolErrors()
{
    QFETCH(bool, helloFirst);
    QFETCH(QByteArray, bytes);

    open();
    if (helloFirst)
        sayHello();
    QSignalSpy error(m_channel, &AgentChannel::protocolError);
    QSignalSpy opened(m_channel, &AgentChannel::openChanged);
    feedBytes(bytes);
    QCOMPARE(error.size(), 1);
    QVERIFY(!error.at(0).at(0).toString().isEmpty());
    QVERIFY(!m_channel->isOpen());
    QCOMPARE(opened.size(), 1);
    // The port is dropped once control is back in the event loop.
    QCOMPARE(m_drops, 0);
    QTRY_COMPARE(m_drops, 1);
}

void tst_AgentChannel::errorStopsReading()
{
    open();
    QSignalSpy hello(m_channel, &AgentChannel::helloReceived);
    QSignalSpy error(m_channel, &AgentChannel::protocolError);
    // A bad message followed by a good one in the same chunk.
    feedBytes(AgentMessage(AgentMessage::Hello, {"2", "future-agent"}).encode() + AgentMessage::hello(QStringLiteral("x")).encode());
    QCOMPARE(error.size(), 1);
    QCOMPARE(hello.size(), 0);
    sayHello();
    QCOMPARE(hello.size(), 0);
    // A failed channel stays closed until it is attached anew.
    m_channel->handlePortOpened(true);
    QVERIFY(!m_channel->isOpen());
    QCOMPARE(m_channel->ping(), 0u);
    QCOMPARE(error.size(), 1);
}

void tst_AgentChannel::execRejectsBadArgv()
{
    open();
    sayHello();
    sent();
    QCOMPARE(m_channel->exec({}), 0u);
    QCOMPARE(m_channel->exec(QStringList(64, QStringLiteral("a"))), 0u); // 65 fields with the id
    QCOMPARE(m_channel->exec({QString(70000, QLatin1Char('a'))}), 0u);
    QVERIFY(m_written.isEmpty());
    QVERIFY(m_channel->exec(QStringList(63, QStringLiteral("a"))) != 0u);
}

void tst_AgentChannel::clipboardRoundTrip()
{
    open();
    sayHello();
    sent();
    QVERIFY(m_channel->supportsClipboard());
    QSignalSpy received(m_channel, &AgentChannel::clipboardReceived);
    QSignalSpy setDone(m_channel, &AgentChannel::clipboardSetFinished);
    const quint32 read = m_channel->requestClipboard();
    QVERIFY(read != 0);
    QCOMPARE(sent(), Messages{AgentMessage::clipboardRequest(read)});
    // An answer to a request never made is ignored.
    feed(AgentMessage(AgentMessage::ClipboardData, {QByteArray::number(read + 100), "ok", "x"}));
    QCOMPARE(received.size(), 0);
    feed(AgentMessage(AgentMessage::ClipboardData, {QByteArray::number(read), "ok", "caf\xc3\xa9\r\nline\x1b[2J"}));
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.at(0).at(1).toString(), QStringLiteral("caf\u00e9\nline[2J"));
    // Each request answers once.
    feed(AgentMessage(AgentMessage::ClipboardData, {QByteArray::number(read), "ok", "again"}));
    QCOMPARE(received.size(), 1);

    const quint32 set = m_channel->setClipboard(QStringLiteral("to the guest"));
    QVERIFY(set != 0);
    QCOMPARE(sent(), Messages{AgentMessage::clipboardSet(set, QStringLiteral("to the guest"))});
    feed(AgentMessage(AgentMessage::ClipboardSetResult, {QByteArray::number(set), "ok", ""}));
    QCOMPARE(setDone.size(), 1);
    QCOMPARE(setDone.at(0).at(1).toBool(), true);
    QVERIFY(m_channel->isOpen());

    // Text over the limit is never sent.
    QCOMPARE(m_channel->setClipboard(QString(AgentMessage::MaxClipboardBytes + 1, QLatin1Char('x'))), 0u);
    QVERIFY(m_written.isEmpty());
}

void tst_AgentChannel::clipboardRefusals()
{
    open();
    sayHello();
    sent();
    QSignalSpy received(m_channel, &AgentChannel::clipboardReceived);
    QSignalSpy refused(m_channel, &AgentChannel::clipboardRefused);
    const QList<QList<QByteArray>> answers = {
        {"empty", ""},
        {"toolarge", QByteArray::number(AgentMessage::MaxClipboardBytes + 1)},
        {"error", "\x1b]0;spoof\x07"},
        {"ok", "\xff\xfe not utf-8"},
        {"ok", QByteArray(AgentMessage::MaxClipboardBytes + 1, 'x')},
    };
    for (const QList<QByteArray> &answer : answers) {
        const quint32 id = m_channel->requestClipboard();
        feed(AgentMessage(AgentMessage::ClipboardData, {QByteArray::number(id), answer.at(0), answer.at(1)}));
    }
    QCOMPARE(received.size(), 0);
    QCOMPARE(refused.size(), answers.size());
    QVERIFY(refused.at(0).at(1).toString().contains(QLatin1String("Nothing is selected")));
    QVERIFY2(refused.at(1).at(1).toString().contains(QLatin1String("61 KiB")), qPrintable(refused.at(1).at(1).toString()));
    QVERIFY(!refused.at(2).at(1).toString().contains(QLatin1String("spoof")));
    QVERIFY(refused.at(3).at(1).toString().contains(QLatin1String("UTF-8")));
    QVERIFY(refused.at(4).at(1).toString().contains(QLatin1String("at most 60 KiB")));
    QVERIFY(m_channel->isOpen());

    // A malformed answer is a protocol error.
    QSignalSpy error(m_channel, &AgentChannel::protocolError);
    const quint32 id = m_channel->requestClipboard();
    feed(AgentMessage(AgentMessage::ClipboardData, {QByteArray::number(id), "maybe", ""}));
    QCOMPARE(error.size(), 1);
    QVERIFY(!m_channel->isOpen());
}

void tst_AgentChannel::clipboardNeedsMinorVersion()
{
    open();
    // A 1.0 agent's Hello has no minor version: no clipboard messages for it.
    feed(AgentMessage(AgentMessage::Hello, {"1", "old-agent/0.1"}));
    sent();
    QCOMPARE(m_channel->peerMinorVersion(), 0);
    QVERIFY(!m_channel->supportsClipboard());
    QCOMPARE(m_channel->requestClipboard(), 0u);
    QCOMPARE(m_channel->setClipboard(QStringLiteral("x")), 0u);
    QVERIFY(m_written.isEmpty());
    QVERIFY(m_channel->isOpen());
}

void tst_AgentChannel::clipboardSanitize_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QString>("out");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QByteArray("hello") << QStringLiteral("hello") << true;
    QTest::newRow("tab and newline kept") << QByteArray("a\tb\nc") << QStringLiteral("a\tb\nc") << true;
    QTest::newRow("crlf") << QByteArray("a\r\nb\rc") << QStringLiteral("a\nb\nc") << true;
    QTest::newRow("escape removed") << QByteArray("\x1b[31mred\x07") << QStringLiteral("[31mred") << true;
    QTest::newRow("nul and del removed") << QByteArray("a\0b\x7f", 4) << QStringLiteral("ab") << true;
    QTest::newRow("c1 csi removed") << QByteArray("x\xc2\x9by") << QStringLiteral("xy") << true;
    QTest::newRow("unicode kept") << QByteArray("\xe2\x9c\x93 \xf0\x9f\x98\x80") << QStringLiteral("\u2713 \U0001F600") << true;
    QTest::newRow("empty") << QByteArray() << QString() << true;
    QTest::newRow("invalid utf-8") << QByteArray("a\xff" "b") << QString() << false;
    QTest::newRow("overlong") << QByteArray("\xc0\xaf") << QString() << false;
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << QString() << false;
}

void tst_AgentChannel::clipboardSanitize()
{
    QFETCH(QByteArray, in);
    QFETCH(QString, out);
    QFETCH(bool, valid);
    const QString result = ClipboardReply::sanitize(in);
    QCOMPARE(!result.isNull(), valid);
    if (valid)
        QCOMPARE(result, out);
}

namespace {
AgentMessage iconMessage(const QByteArray &id, int width, int height, const QByteArray &pixels)
{
    return AgentMessage(AgentMessage::WindowIcon,
                        {id, QByteArray::number(width), QByteArray::number(height), pixels});
}

AgentMessage windowUpdate(quint32 id)
{
    return AgentMessage(AgentMessage::WindowUpdate, {QByteArray::number(id), "1", "0", "0", "100", "80", "0", "t", "c"});
}
} // namespace

void tst_AgentChannel::windowIconAccepted()
{
    open();
    sayHello();
    feed(windowUpdate(7));
    QSignalSpy icon(m_channel, &AgentChannel::windowIconChanged);
    // 2x1: opaque red, half-transparent blue; 0xAARRGGBB little-endian on the wire.
    feed(iconMessage("7", 2, 1, QByteArray("\x00\x00\xff\xff" "\xff\x00\x00\x80", 8)));
    QCOMPARE(icon.size(), 1);
    QCOMPARE(icon.at(0).at(0).value<quint32>(), 7u);
    const QImage image = icon.at(0).at(1).value<QImage>();
    QCOMPARE(image.size(), QSize(2, 1));
    QCOMPARE(image.pixel(0, 0), qRgba(0xff, 0, 0, 0xff));
    QCOMPARE(image.pixel(1, 0), qRgba(0, 0, 0xff, 0x80));
    // The largest icon allowed goes through; "no icon" clears it.
    feed(iconMessage("7", AgentMessage::MaxIconSide, AgentMessage::MaxIconPixels / AgentMessage::MaxIconSide,
                     QByteArray(AgentMessage::MaxIconPixels * 4, '\x7f')));
    QCOMPARE(icon.size(), 2);
    QCOMPARE(icon.at(1).at(1).value<QImage>().size(), QSize(128, 96));
    feed(iconMessage("7", 0, 0, QByteArray()));
    QCOMPARE(icon.size(), 3);
    QVERIFY(icon.at(2).at(1).value<QImage>().isNull());
    // An icon for a window the tracker does not know is ignored.
    feed(iconMessage("8", 1, 1, QByteArray(4, 'x')));
    QCOMPARE(icon.size(), 3);
    QVERIFY(m_channel->isOpen());
}

void tst_AgentChannel::windowIconRefused_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("bytes");
    QTest::newRow("too wide") << 129 << 1 << 129 * 4;
    QTest::newRow("too tall") << 1 << 129 << 129 * 4;
    QTest::newRow("too many pixels") << 128 << 100 << 128 * 100 * 4; // 12800 > MaxIconPixels
    QTest::newRow("short pixels") << 4 << 4 << 63;
    QTest::newRow("long pixels") << 4 << 4 << 65;
    QTest::newRow("zero width") << 0 << 4 << 0;
    QTest::newRow("zero size with pixels") << 0 << 0 << 4;
    QTest::newRow("huge sides") << 100000 << 100000 << 16;
}

void tst_AgentChannel::windowIconRefused()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, bytes);
    open();
    sayHello();
    feed(windowUpdate(7));
    QSignalSpy icon(m_channel, &AgentChannel::windowIconChanged);
    QSignalSpy error(m_channel, &AgentChannel::protocolError);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^refusing guest window icon: icon of window 7 ")));
    feed(iconMessage("7", width, height, QByteArray(bytes, '\x01')));
    QCOMPARE(icon.size(), 0);
    QCOMPARE(error.size(), 0); // refused and logged; the port stays up
    QVERIFY(m_channel->isOpen());
}

void tst_AgentChannel::windowIconMalformed_data()
{
    QTest::addColumn<QList<QByteArray>>("fields");
    QTest::newRow("no fields") << QList<QByteArray>{};
    QTest::newRow("three fields") << QList<QByteArray>{"7", "1", "1"};
    QTest::newRow("five fields") << QList<QByteArray>{"7", "1", "1", "xxxx", ""};
    QTest::newRow("id zero") << QList<QByteArray>{"0", "1", "1", "xxxx"};
    QTest::newRow("width not a number") << QList<QByteArray>{"7", "1x", "1", "xxxx"};
    QTest::newRow("negative height") << QList<QByteArray>{"7", "1", "-1", "xxxx"};
    QTest::newRow("height over 32 bits") << QList<QByteArray>{"7", "1", "4294967297", "xxxx"};
}

void tst_AgentChannel::windowIconMalformed()
{
    QFETCH(QList<QByteArray>, fields);
    open();
    sayHello();
    feed(windowUpdate(7));
    QSignalSpy error(m_channel, &AgentChannel::protocolError);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("invalid window icon")));
    feed(AgentMessage(AgentMessage::WindowIcon, fields));
    QCOMPARE(error.size(), 1);
    QVERIFY(!m_channel->isOpen());
}

QTEST_GUILESS_MAIN(tst_AgentChannel)
#include "tst_agentchannel.moc"
