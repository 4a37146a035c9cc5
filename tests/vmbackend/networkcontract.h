#pragma once

#include "contractparser.h"

#include <QString>

/// A test contract for the appliance @p system: @p rules (Rule elements) and @p rates
/// (OutgoingRate / IncomingRate elements) in one network section.
inline SystemContract networkContract(const QString &system, const QString &rules, const QString &rates = {})
{
    const QString ovf = QStringLiteral(
        "<?xml version=\"1.0\"?>"
        "<Envelope xmlns=\"http://schemas.dmtf.org/ovf/envelope/1\" xmlns:ovf=\"http://schemas.dmtf.org/ovf/envelope/1\""
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:ns=\"urn:tessera:contract:1\"><References/>"
        "<VirtualSystem ovf:id=\"%1\"><Info>test</Info>"
        "<ns:ContractSection ovf:required=\"true\" xsi:type=\"ovf:NetworkContract_Type\"><Info>test network</Info>%2%3"
        "</ns:ContractSection></VirtualSystem></Envelope>").arg(system, rules, rates);
    const ContractParseResult result = ContractParser::parse(ovf.toUtf8(), QStringLiteral("test.ovf"));
    if (!result.ok)
        qWarning("test contract rejected: %s", qPrintable(result.error));
    return result.systems.value(0);
}

/// One Rule element.
inline QString networkRule(const QString &protocol, const QString &dstAddr, const QString &dstPort)
{
    return QStringLiteral("<Rule><Protocol>%1</Protocol><SrcAddr>any</SrcAddr><SrcPort>any</SrcPort>%2<DstPort>%3</DstPort></Rule>")
        .arg(protocol, dstAddr.startsWith(QLatin1Char('<')) ? dstAddr : QStringLiteral("<DstAddr>%1</DstAddr>").arg(dstAddr), dstPort);
}
