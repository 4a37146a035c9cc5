// bench-contracts [COUNT]
//
// Parses, validates and summarises (headline and grants) COUNT synthetic
// descriptors (default 20000) and prints contracts per second. The set mixes
// every contract kind, rule counts from 1 to 12, IPv4, IPv6 and DNS
// addresses, collections and descriptors without contract; every descriptor
// is different so nothing is cached. Goal: at least 10000 contracts/s.

#include "contractparser.h"
#include "contractsummary.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

namespace {

QString address(QRandomGenerator &random, int i)
{
    switch (random.bounded(5)) {
    case 0:
        return QStringLiteral("any");
    case 1:
        return QStringLiteral("10.%1.0.0/16").arg(i % 256);
    case 2:
        return QStringLiteral("2001:db8:%1::/48").arg(i % 65536, 0, 16);
    case 3:
        return QStringLiteral("host%1.example.org").arg(i);
    default:
        return QStringLiteral("192.0.2.%1").arg(i % 256);
    }
}

QByteArray descriptor(QRandomGenerator &random, int index)
{
    const QString id = QStringLiteral("app%1").arg(index);
    QString body;
    if (random.bounded(20) != 0) { // one in twenty has no contract at all
        QString rules;
        const int ruleCount = 1 + int(random.bounded(12));
        for (int r = 0; r < ruleCount; ++r) {
            const bool inbound = random.bounded(3) == 0;
            const QString self = QStringLiteral("<%1 ovf:id=\"%2\"/>");
            const QString src = inbound ? QStringLiteral("<SrcAddr>%1</SrcAddr>").arg(address(random, index + r)) : self.arg(QStringLiteral("SrcAddr"), id);
            const QString dst = inbound ? self.arg(QStringLiteral("DstAddr"), id) : QStringLiteral("<DstAddr>%1</DstAddr>").arg(address(random, index * 7 + r));
            rules += QStringLiteral("<Rule><Info>rule %1</Info><Protocol>%2</Protocol>%3<SrcPort>any</SrcPort>%4<DstPort>%5</DstPort></Rule>\n")
                         .arg(QString::number(r), random.bounded(2) ? QStringLiteral("tcp") : QStringLiteral("udp"), src, dst,
                              QString::number(1 + random.bounded(65535)));
        }
        body += QStringLiteral("<ns:ContractSection xsi:type=\"ovf:NetworkContract_Type\"><Info>Network</Info>\n%1"
                               "<OutgoingRate average=\"%2\" peak=\"%3\"/></ns:ContractSection>\n")
                    .arg(rules, QString::number(64 + random.bounded(1024)), QString::number(2048 + random.bounded(1024)));
        body += QStringLiteral("<ns:ContractSection xsi:type=\"ovf:MountContract_Type\"><Mount><Store>Documents/p%1</Store>"
                               "<Target>/home/user/Documents</Target><Access>%2</Access></Mount></ns:ContractSection>\n")
                    .arg(QString::number(index), random.bounded(2) ? QStringLiteral("read-only") : QStringLiteral("read-write"));
        body += QStringLiteral("<ns:ContractSection xsi:type=\"ovf:ActivityContract_Type\"><Expect><Store>any</Store><Access>write</Access>"
                               "<WithinSecondsOfInput>%1</WithinSecondsOfInput></Expect></ns:ContractSection>\n")
                    .arg(1 + random.bounded(30));
        body += QStringLiteral("<ns:ContractSection xsi:type=\"ovf:ResourceContract_Type\"><CPUs>%1</CPUs><Memory unit=\"GiB\">%2</Memory>"
                               "<DiskWriteRate average=\"10\" unit=\"MiB/s\"/></ns:ContractSection>\n")
                    .arg(1 + random.bounded(4))
                    .arg(1 + random.bounded(8));
        body += QStringLiteral("<ns:ContractSection xsi:type=\"ovf:DisplayContract_Type\"><Clipboard>explicit</Clipboard><MaxWindows>4</MaxWindows>"
                               "</ns:ContractSection>\n");
    }
    const QString system = QStringLiteral("<VirtualSystem ovf:id=\"%1\"><Info>Synthetic appliance</Info><Name>Appliance %2</Name>\n%3"
                                          "<VirtualHardwareSection><Info>hw</Info></VirtualHardwareSection></VirtualSystem>\n")
                               .arg(id, QString::number(index), body);
    return QStringLiteral("<?xml version=\"1.0\"?>\n<Envelope xmlns=\"http://schemas.dmtf.org/ovf/envelope/1\" "
                          "xmlns:ovf=\"http://schemas.dmtf.org/ovf/envelope/1\" xmlns:ns=\"urn:tessera:contract:1\" "
                          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><References/>\n%1</Envelope>\n")
        .arg(system)
        .toUtf8();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 20000;
    if (count <= 0) {
        QTextStream(stderr) << "usage: bench-contracts [COUNT]\n";
        return 1;
    }

    QRandomGenerator random(20090421); // fixed seed: the same set every run
    QList<QByteArray> set;
    set.reserve(count);
    qint64 bytes = 0;
    for (int i = 0; i < count; ++i) {
        set.append(descriptor(random, i));
        bytes += set.last().size();
    }

    QElapsedTimer timer;
    timer.start();
    qint64 parseNanoseconds = 0;
    qsizetype systems = 0;
    qsizetype grants = 0;
    qsizetype rejected = 0;
    for (const QByteArray &data : std::as_const(set)) {
        const qint64 before = timer.nsecsElapsed();
        const ContractParseResult result = ContractParser::parse(data, QStringLiteral("bench.ovf"));
        parseNanoseconds += timer.nsecsElapsed() - before;
        if (!result.ok) {
            ++rejected;
            continue;
        }
        for (const SystemContract &system : result.systems) {
            const ContractSummary summary(system);
            grants += summary.grants().size() + (summary.headline().isEmpty() ? 0 : 1);
            ++systems;
        }
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;

    out << "contracts:   " << count << " (" << bytes / count << " bytes on average, " << grants << " grant lines)\n";
    out << "rejected:    " << rejected << '\n';
    out << "time:        " << QString::number(seconds * 1000, 'f', 1) << " ms (parse and validate "
        << QString::number(double(parseNanoseconds) / 1e6, 'f', 1) << " ms, summary the rest)\n";
    out << "throughput:  " << QString::number(double(systems) / seconds, 'f', 0) << " contracts/s (goal >= 10000)\n";
    return rejected == 0 ? 0 : 2;
}
