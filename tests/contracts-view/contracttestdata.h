#pragma once

// Helpers shared by the contracts-view tests: data paths and small
// descriptors built from contract snippets.

#include "contractparser.h"

#include <QString>
#include <QTest>

namespace ContractTestData {

inline QString path(const QString &name)
{
    return QStringLiteral(CONTRACTS_TESTDATA "/") + name;
}

/// An OVF 1 envelope declaring the ovf, ns and xsi prefixes around @p body.
inline QByteArray envelope(const QString &body)
{
    return QStringLiteral("<?xml version=\"1.0\"?>\n"
                          "<Envelope xmlns=\"http://schemas.dmtf.org/ovf/envelope/1\" "
                          "xmlns:ovf=\"http://schemas.dmtf.org/ovf/envelope/1\" "
                          "xmlns:ns=\"urn:tessera:contract:1\" "
                          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n%1</Envelope>\n")
        .arg(body)
        .toUtf8();
}

/// A VirtualSystem with the given contract sections.
inline QString system(const QString &id, const QString &sections)
{
    return QStringLiteral("<VirtualSystem ovf:id=\"%1\"><Info>%1</Info>\n%2</VirtualSystem>\n").arg(id, sections);
}

/// A ContractSection of a kind (without `_Type`).
inline QString section(const QString &kind, const QString &children, const QString &attributes = QString())
{
    return QStringLiteral("<ns:ContractSection %3 xsi:type=\"ovf:%1Contract_Type\">\n%2</ns:ContractSection>\n").arg(kind, children, attributes);
}

/// A Rule; addresses starting with '=' are ovf:id references.
inline QString rule(const QString &protocol, const QString &src, const QString &srcPort, const QString &dst, const QString &dstPort)
{
    const auto address = [](const QString &tag, const QString &value) {
        if (value.startsWith(QLatin1Char('=')))
            return QStringLiteral("<%1 ovf:id=\"%2\"/>").arg(tag, value.mid(1));
        return QStringLiteral("<%1>%2</%1>").arg(tag, value);
    };
    return QStringLiteral("<Rule><Protocol>%1</Protocol>%2<SrcPort>%3</SrcPort>%4<DstPort>%5</DstPort></Rule>\n")
        .arg(protocol, address(QStringLiteral("SrcAddr"), src), srcPort, address(QStringLiteral("DstAddr"), dst), dstPort);
}

/// A one-system descriptor whose system "app" carries @p sections, parsed.
inline SystemContract parseSystem(const QString &sections, const QString &id = QStringLiteral("app"))
{
    const ContractParseResult result = ContractParser::parse(envelope(system(id, sections)), QStringLiteral("test.ovf"));
    if (!result.ok)
        qWarning() << result.error;
    return result.ok ? result.systems.first() : SystemContract();
}

} // namespace ContractTestData
