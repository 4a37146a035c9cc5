// Agent protocol framing: AgentMessage encoding and AgentFrameDecoder.
#include "agentframedecoder.h"
#include "agentmessage.h"

#include <QtEndian>
#include <QTest>

using Messages = QList<AgentMessage>;

namespace {
QByteArray le16(quint16 v)
{
    QByteArray b(2, Qt::Uninitialized);
    qToLittleEndian(v, b.data());
    return b;
}

QByteArray le32(quint32 v)
{
    QByteArray b(4, Qt::Uninitialized);
    qToLittleEndian(v, b.data());
    return b;
}

// A frame built by hand, so that tests can break every rule.
QByteArray rawFrame(quint16 type, quint32 declaredLength, const QByteArray &payload, quint16 magic = 0x4154)
{
    return le16(magic) + le16(type) + le32(declaredLength) + payload;
}

QByteArray rawField(const QByteArray &bytes)
{
    return le32(quint32(bytes.size())) + bytes;
}

QByteArray fields(int count, const QByteArray &each = {})
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += rawField(each);
    return out;
}

// Feeds @p input in chunks of @p chunk bytes (0: at once) and collects messages.
bool decodeAll(AgentFrameDecoder &decoder, const QByteArray &input, int chunk, Messages *out)
{
    bool ok = true;
    if (chunk <= 0) {
        ok = decoder.feed(input);
    } else {
        for (qsizetype i = 0; i < input.size() && ok; i += chunk)
            ok = decoder.feed(QByteArrayView(input.constData() + i, qMin<qsizetype>(chunk, input.size() - i)));
    }
    *out += decoder.takeMessages();
    return ok;
}
} // namespace

class tst_AgentFraming : public QObject
{
    Q_OBJECT

private slots:
    void encodeLayout();
    void encodeLimits_data();
    void encodeLimits();
    void roundTrip_data();
    void roundTrip();
    void decode_data();
    void decode();
    void errorIsSticky();
    void resetClearsError();
    void parseNumbers_data();
    void parseNumbers();
};

void tst_AgentFraming::encodeLayout()
{
    // Ping with token 7: magic "TA", type 3, payload 5 = one field of 1 byte.
    const QByteArray expected = QByteArray("TA", 2) + QByteArray("\x03\x00", 2) + QByteArray("\x05\x00\x00\x00", 4)
        + QByteArray("\x01\x00\x00\x00", 4) + "7";
    QCOMPARE(AgentMessage::ping(7).encode(), expected);
    QCOMPARE(AgentMessage::shutdown().encode(), rawFrame(AgentMessage::Shutdown, 0, {}));
    QCOMPARE(AgentMessage::hello(QStringLiteral("tessera/1")).fields(),
             (QList<QByteArray>{"1", "tessera/1", "2"}));
    QCOMPARE(AgentMessage::exec(9, {QStringLiteral("ls"), QStringLiteral("-l")}).fields(),
             (QList<QByteArray>{"9", "ls", "-l"}));
}

void tst_AgentFraming::encodeLimits_data()
{
    QTest::addColumn<AgentMessage>("message");
    QTest::addColumn<bool>("encodable");

    QTest::newRow("no fields") << AgentMessage(7) << true;
    QTest::newRow("64 fields") << AgentMessage(5, QList<QByteArray>(64)) << true;
    QTest::newRow("65 fields") << AgentMessage(5, QList<QByteArray>(65)) << false;
    QTest::newRow("payload exactly 65536")
        << AgentMessage(5, {QByteArray(65536 - 4, 'x')}) << true;
    QTest::newRow("payload 65537") << AgentMessage(5, {QByteArray(65536 - 3, 'x')}) << false;
    QTest::newRow("two fields over the limit")
        << AgentMessage(5, {QByteArray(40000, 'a'), QByteArray(30000, 'b')}) << false;
}

void tst_AgentFraming::encodeLimits()
{
    QFETCH(AgentMessage, message);
    QFETCH(bool, encodable);
    QCOMPARE(message.isEncodable(), encodable);
    const QByteArray bytes = message.encode();
    QCOMPARE(bytes.isEmpty(), !encodable);
    if (encodable)
        QCOMPARE(bytes.size(), qsizetype(AgentMessage::HeaderSize + message.payloadSize()));
}

void tst_AgentFraming::roundTrip_data()
{
    QTest::addColumn<Messages>("messages");
    QTest::addColumn<int>("chunk");

    const Messages sets[] = {
        {AgentMessage::hello(QStringLiteral("tessera-agent/0.1"))},
        {AgentMessage::shutdown()},
        {AgentMessage::exec(42, {QStringLiteral("xterm"), QString(), QStringLiteral("grüße ✓")})},
        {AgentMessage(AgentMessage::SessionState, {"up"}), AgentMessage::ping(1), AgentMessage(4, {"1"}),
         AgentMessage::shutdown()},
        {AgentMessage(6, QList<QByteArray>(64, QByteArray("f")))},
        {AgentMessage(6, {QByteArray(65536 - 4, '\0')})},
        {AgentMessage(999, {"unknown types still frame"})},
    };
    const char *names[] = {"hello", "zero-length payload", "exec unicode+empty", "four messages",
                           "64 fields", "max payload", "unknown type"};
    for (int chunk : {0, 1, 3, 7, 4096}) {
        for (size_t i = 0; i < std::size(sets); ++i) {
            if (chunk == 1 && i == 5)
                continue; // 64 KiB byte by byte is slow and adds nothing
            QTest::addRow("%s, chunk %d", names[i], chunk) << sets[i] << chunk;
        }
    }
}

void tst_AgentFraming::roundTrip()
{
    QFETCH(Messages, messages);
    QFETCH(int, chunk);

    QByteArray stream;
    for (const AgentMessage &m : messages)
        stream += m.encode();

    AgentFrameDecoder decoder;
    Messages decoded;
    QVERIFY(decodeAll(decoder, stream, chunk, &decoded));
    QVERIFY(!decoder.hasError());
    QCOMPARE(decoded, messages);
    QCOMPARE(decoder.bufferedBytes(), 0);
}

void tst_AgentFraming::decode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("chunk");
    QTest::addColumn<int>("messages");
    QTest::addColumn<bool>("error");
    QTest::addColumn<qsizetype>("buffered");

    const QByteArray ping = AgentMessage::ping(5).encode();
    for (int chunk : {0, 1}) {
        const char *how = chunk ? "bytewise" : "whole";
        QTest::addRow("valid ping, %s", how) << ping << chunk << 1 << false << qsizetype(0);
        QTest::addRow("zero-length payload, %s", how)
            << rawFrame(AgentMessage::Shutdown, 0, {}) << chunk << 1 << false << qsizetype(0);
        QTest::addRow("only a partial header, %s", how)
            << ping.left(5) << chunk << 0 << false << qsizetype(5);
        QTest::addRow("partial payload, %s", how) << ping.left(10) << chunk << 0 << false << qsizetype(10);
        QTest::addRow("bad magic, %s", how) << rawFrame(3, 0, {}, 0x4142) << chunk << 0 << true << qsizetype(0);
        QTest::addRow("bad magic after a good message, %s", how)
            << ping + QByteArray("GET / HTTP/1.0\r\n") << chunk << 1 << true << qsizetype(0);
        QTest::addRow("byte-swapped magic, %s", how)
            << rawFrame(3, 0, {}, 0x5441) << chunk << 0 << true << qsizetype(0);
        QTest::addRow("oversize payload, %s", how)
            << rawFrame(6, 65537, {}) << chunk << 0 << true << qsizetype(0);
        QTest::addRow("huge payload length, %s", how)
            << rawFrame(6, 0xffffffffu, {}) << chunk << 0 << true << qsizetype(0);
        QTest::addRow("field longer than payload, %s", how)
            << rawFrame(4, 6, le32(10) + "ab") << chunk << 0 << true << qsizetype(0);
        QTest::addRow("field length past the end, %s", how)
            << rawFrame(4, 8, rawField("ab") + QByteArray("\x05\x00", 2)) << chunk << 0 << true
            << qsizetype(0);
        QTest::addRow("bytes left after the last field, %s", how)
            << rawFrame(4, 7, rawField("ab") + "z") << chunk << 0 << true << qsizetype(0);
        QTest::addRow("payload too short for a field length, %s", how)
            << rawFrame(4, 2, "ab") << chunk << 0 << true << qsizetype(0);
        QTest::addRow("64 fields, %s", how) << rawFrame(5, 64 * 4, fields(64)) << chunk << 1 << false
                                            << qsizetype(0);
        QTest::addRow("65 fields, %s", how) << rawFrame(5, 65 * 4, fields(65)) << chunk << 0 << true
                                            << qsizetype(0);
        QTest::addRow("max payload, %s", how)
            << rawFrame(6, 65536, rawField(QByteArray(65532, 'o'))) << (chunk ? 4096 : 0) << 1 << false
            << qsizetype(0);
    }
}

void tst_AgentFraming::decode()
{
    QFETCH(QByteArray, input);
    QFETCH(int, chunk);
    QFETCH(int, messages);
    QFETCH(bool, error);
    QFETCH(qsizetype, buffered);

    AgentFrameDecoder decoder;
    Messages decoded;
    QCOMPARE(decodeAll(decoder, input, chunk, &decoded), !error);
    QCOMPARE(decoder.hasError(), error);
    QCOMPARE(decoder.errorString().isEmpty(), !error);
    QCOMPARE(decoded.size(), messages);
    QCOMPARE(decoder.bufferedBytes(), buffered);
}

void tst_AgentFraming::errorIsSticky()
{
    AgentFrameDecoder decoder;
    QVERIFY(!decoder.feed("XX"));
    const QString why = decoder.errorString();
    // A valid message afterwards is not picked up: no resynchronisation.
    QVERIFY(!decoder.feed(AgentMessage::ping(1).encode()));
    QVERIFY(decoder.takeMessages().isEmpty());
    QCOMPARE(decoder.errorString(), why);
}

void tst_AgentFraming::resetClearsError()
{
    AgentFrameDecoder decoder;
    QVERIFY(!decoder.feed("XX"));
    decoder.reset();
    QVERIFY(!decoder.hasError());
    QVERIFY(decoder.feed(AgentMessage::ping(1).encode()));
    QCOMPARE(decoder.takeMessages(), Messages{AgentMessage::ping(1)});
}

void tst_AgentFraming::parseNumbers_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("unsignedOk");
    QTest::addColumn<quint32>("unsignedValue");
    QTest::addColumn<bool>("signedOk");
    QTest::addColumn<qint32>("signedValue");

    QTest::newRow("zero") << QByteArray("0") << true << 0u << true << 0;
    QTest::newRow("42") << QByteArray("42") << true << 42u << true << 42;
    QTest::newRow("-1") << QByteArray("-1") << false << 0u << true << -1;
    QTest::newRow("uint max") << QByteArray("4294967295") << true << 4294967295u << false << 0;
    QTest::newRow("uint max + 1") << QByteArray("4294967296") << false << 0u << false << 0;
    QTest::newRow("int min") << QByteArray("-2147483648") << false << 0u << true << qint32(-2147483647 - 1);
    QTest::newRow("empty") << QByteArray() << false << 0u << false << 0;
    QTest::newRow("minus only") << QByteArray("-") << false << 0u << false << 0;
    QTest::newRow("plus sign") << QByteArray("+1") << false << 0u << false << 0;
    QTest::newRow("space") << QByteArray(" 1") << false << 0u << false << 0;
    QTest::newRow("hex") << QByteArray("0x10") << false << 0u << false << 0;
    QTest::newRow("trailing garbage") << QByteArray("12a") << false << 0u << false << 0;
    QTest::newRow("embedded nul") << QByteArray("1\0", 2) << false << 0u << false << 0;
    QTest::newRow("very long") << QByteArray(100, '1') << false << 0u << false << 0;
}

void tst_AgentFraming::parseNumbers()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, unsignedOk);
    QFETCH(quint32, unsignedValue);
    QFETCH(bool, signedOk);
    QFETCH(qint32, signedValue);

    quint32 u = 0;
    QCOMPARE(AgentMessage::parseUInt32(text, &u), unsignedOk);
    if (unsignedOk)
        QCOMPARE(u, unsignedValue);
    qint32 s = 0;
    QCOMPARE(AgentMessage::parseInt32(text, &s), signedOk);
    if (signedOk)
        QCOMPARE(s, signedValue);
}

QTEST_GUILESS_MAIN(tst_AgentFraming)
#include "tst_agentframing.moc"
