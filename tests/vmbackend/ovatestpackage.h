#pragma once
// Builds real OVF packages and OVA archives for the import tests: disks made with qemu-img,
// archives made with tar, manifests with real SHA256 digests. Shared by tests/vmbackend and tests/ctl.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStringList>

// moc need not read the helpers (its tokenizer stumbles over the raw string).
#ifndef Q_MOC_RUN
namespace OvaTestPackage {

/// A descriptor for one VirtualSystem @p id with a contract, referencing @p files (href, with the first as the disk).
/// @p dstPort lets a test make the contract invalid (70000).
inline QByteArray descriptor(const QString &id, const QString &diskHref, const QString &diskFormat,
                             const QStringList &extraFiles = {}, const QString &dstPort = QStringLiteral("443"))
{
    QString references = QStringLiteral("    <File ovf:id=\"disk-file\" ovf:href=\"%1\"/>\n").arg(diskHref);
    for (const QString &extra : extraFiles) {
        const QString fileId = extra.startsWith(QLatin1String("vmlinuz")) ? QStringLiteral("tessera-kernel")
                               : extra.startsWith(QLatin1String("initrd")) ? QStringLiteral("tessera-initrd")
                                                                           : extra;
        references += QStringLiteral("    <File ovf:id=\"%1\" ovf:href=\"%2\"/>\n").arg(fileId, extra);
    }
    return QStringLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ns="urn:tessera:contract:1">
  <References>
%1  </References>
  <DiskSection>
    <Info>The system disk</Info>
    <Disk ovf:diskId="system" ovf:fileRef="disk-file" ovf:capacity="8388608" ovf:format="%2"/>
  </DiskSection>
  <VirtualSystem ovf:id="%3">
    <Info>An imported test appliance</Info>
    <Name>Imported %3</Name>
    <ProductSection>
      <Info>What it is</Info>
      <Product>Terminal</Product>
    </ProductSection>
    <ns:ContractSection ovf:required="true" xsi:type="ovf:NetworkContract_Type">
      <Info>Web only</Info>
      <Rule>
        <Protocol>tcp</Protocol>
        <SrcAddr ovf:id="%3"/>
        <SrcPort>any</SrcPort>
        <DstAddr>any</DstAddr>
        <DstPort>%4</DstPort>
      </Rule>
    </ns:ContractSection>
  </VirtualSystem>
</Envelope>
)").arg(references, diskFormat, id, dstPort).toUtf8();
}

inline QString vmdkFormat() { return QStringLiteral("http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized"); }

inline bool run(const QString &program, const QStringList &arguments, const QString &workingDir = {}, int timeoutMs = 120000)
{
    QProcess process;
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(program, arguments);
    const bool ok = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!ok)
        qWarning() << program << arguments << process.readAllStandardError();
    return ok;
}

inline bool write(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

/// A raw disk of @p mebibytes with a recognisable first block (and random data when @p random).
inline bool makeRawDisk(const QString &path, int mebibytes, bool random = false)
{
    if (!run(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("raw"), path,
                                          QStringLiteral("%1M").arg(mebibytes)}))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    file.write(QByteArrayLiteral("TESSERA-IMPORT-TEST-DISK"));
    if (random) {
        QByteArray chunk(1024 * 1024, Qt::Uninitialized);
        for (int i = 0; i < mebibytes; ++i) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
            file.seek(qint64(i) * chunk.size() + 4096);
            file.write(chunk.left(chunk.size() - 4096));
        }
    }
    return true;
}

inline QByteArray sha256File(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return hash.result().toHex();
}

/// `SHA256(name)= digest` lines for the files in @p dir.
inline QByteArray manifest(const QString &dir, const QStringList &names)
{
    QByteArray text;
    for (const QString &name : names)
        text += "SHA256(" + name.toUtf8() + ")= " + sha256File(dir + QLatin1Char('/') + name) + '\n';
    return text;
}

/// tar -cf @p ova with @p members (relative to @p dir) in that order; --absolute-names keeps hostile names as given.
inline bool makeOva(const QString &ova, const QString &dir, const QStringList &members)
{
    QStringList arguments{QStringLiteral("--create"), QStringLiteral("--format=ustar"), QStringLiteral("--absolute-names"),
                          QStringLiteral("--file"), ova, QStringLiteral("--")};
    arguments += members;
    return run(QStringLiteral("tar"), arguments, dir);
}

} // namespace OvaTestPackage
#endif
