#pragma once
// Contracts for monitor tests (in a header: moc does not parse raw string literals).

#include "contractparser.h"

#include <QFile>
#include <QString>

namespace {

SystemContract contractWith(const QString &sections)
{
    const QString ovf = QStringLiteral(R"(<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1"
  xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:ns="urn:tessera:contract:1"><VirtualSystem ovf:id="app"><Info>t</Info>%1</VirtualSystem></Envelope>)").arg(sections);
    const ContractParseResult result = ContractParser::parse(ovf.toUtf8(), QStringLiteral("test.ovf"));
    if (!result.ok || result.systems.isEmpty())
        qFatal("test contract rejected: %s", qPrintable(result.error));
    return result.systems.first();
}

const QString DocumentsMount = QStringLiteral(R"(
<ns:ContractSection xsi:type="ovf:MountContract_Type"><Info>m</Info>
  <Mount><Store>Documents</Store><Target>/root/Documents</Target><Access>read-write</Access>
    <WriteRate average="16" unit="KiB/s"/></Mount>
  <Mount><Store>Music</Store><Target>/root/Music</Target><Access>read-only</Access></Mount>
</ns:ContractSection>)");

const QString WriteAfterInput = QStringLiteral(R"(
<ns:ContractSection xsi:type="ovf:ActivityContract_Type"><Info>a</Info>
  <Expect><Store>Documents</Store><Access>write</Access><WithinSecondsOfInput>5</WithinSecondsOfInput></Expect>
  <Expect><Store>Music</Store><Access>read</Access><WithinSecondsOfInput>5</WithinSecondsOfInput></Expect>
</ns:ContractSection>)");

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace
