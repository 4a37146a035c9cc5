#include "ovfpackage.h"

#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

namespace {

// Attributes are ovf:-prefixed in practice, but match by local name so that
// default-namespace descriptors read the same.
QString attribute(const QXmlStreamReader &reader, QLatin1String localName)
{
    for (const QXmlStreamAttribute &a : reader.attributes()) {
        if (a.name() == localName)
            return a.value().toString();
    }
    return {};
}

constexpr int MaxFiles = 64;

} // namespace

bool OvfPackage::isPlainFileName(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$"));
    return plain.match(name).hasMatch() && !name.contains(QLatin1String(".."));
}

QString OvfPackage::qemuFormat(const QString &formatUri, const QString &href)
{
    const QString uri = formatUri.toLower();
    const QString name = href.toLower();
    if (uri.contains(QLatin1String("vmdk")) || name.endsWith(QLatin1String(".vmdk")))
        return QStringLiteral("vmdk");
    if (uri.contains(QLatin1String("qcow")) || name.endsWith(QLatin1String(".qcow2")))
        return QStringLiteral("qcow2");
    if (uri.contains(QLatin1String("vhdx")) || name.endsWith(QLatin1String(".vhdx")))
        return QStringLiteral("vhdx");
    if (uri.contains(QLatin1String("vhd")) || name.endsWith(QLatin1String(".vhd")))
        return QStringLiteral("vpc");
    if (uri.contains(QLatin1String("vdi")) || name.endsWith(QLatin1String(".vdi")))
        return QStringLiteral("vdi");
    if (uri.contains(QLatin1String("raw")) || name.endsWith(QLatin1String(".raw")) || name.endsWith(QLatin1String(".img")))
        return QStringLiteral("raw");
    return {};
}

const OvfPackage::File *OvfPackage::file(const QString &id) const
{
    for (const File &f : m_files) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

OvfPackage OvfPackage::parse(const QByteArray &descriptor)
{
    OvfPackage package;
    QXmlStreamReader reader(descriptor);
    int systems = 0;
    bool inReferences = false;
    bool inDiskSection = false;
    bool inProduct = false;
    QString systemName;
    QSet<QString> hrefs;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const QStringView name = reader.name();
            if (name == QLatin1String("References")) {
                inReferences = true;
            } else if (inReferences && name == QLatin1String("File")) {
                File file;
                file.id = attribute(reader, QLatin1String("id"));
                file.href = attribute(reader, QLatin1String("href"));
                bool sizeOk = false;
                const qint64 size = attribute(reader, QLatin1String("size")).toLongLong(&sizeOk);
                file.size = sizeOk ? size : -1;
                if (file.id.isEmpty() || !isPlainFileName(file.href)) {
                    package.m_error = tr("line %1: the file reference “%2” is not a plain file name beside the descriptor.")
                                          .arg(reader.lineNumber()).arg(file.href.left(200));
                    return package;
                }
                if (hrefs.contains(file.href) || package.file(file.id) || package.m_files.size() >= MaxFiles) {
                    package.m_error = tr("line %1: the file “%2” is referenced twice, or there are too many files.")
                                          .arg(reader.lineNumber()).arg(file.href);
                    return package;
                }
                hrefs.insert(file.href);
                package.m_files.append(file);
            } else if (name == QLatin1String("DiskSection")) {
                inDiskSection = true;
            } else if (inDiskSection && name == QLatin1String("Disk")) {
                Disk disk;
                disk.diskId = attribute(reader, QLatin1String("diskId"));
                disk.fileRef = attribute(reader, QLatin1String("fileRef"));
                disk.format = attribute(reader, QLatin1String("format"));
                // A disk without fileRef is an empty disk to create; appliances bring their system disk.
                if (!disk.fileRef.isEmpty())
                    package.m_disks.append(disk);
            } else if (name == QLatin1String("VirtualSystem")) {
                if (++systems == 1)
                    package.m_systemId = attribute(reader, QLatin1String("id"));
            } else if (name == QLatin1String("Name") && systems == 1 && systemName.isEmpty()) {
                systemName = reader.readElementText(QXmlStreamReader::SkipChildElements).simplified().left(100);
            } else if (name == QLatin1String("ProductSection")) {
                inProduct = true;
            } else if (inProduct && name == QLatin1String("Product") && package.m_product.isEmpty()) {
                package.m_product = reader.readElementText(QXmlStreamReader::SkipChildElements).simplified().left(100);
            }
        } else if (reader.isEndElement()) {
            const QStringView name = reader.name();
            if (name == QLatin1String("References"))
                inReferences = false;
            else if (name == QLatin1String("DiskSection"))
                inDiskSection = false;
            else if (name == QLatin1String("ProductSection"))
                inProduct = false;
        }
    }
    if (reader.hasError()) {
        package.m_error = tr("line %1: %2").arg(reader.lineNumber()).arg(reader.errorString());
        return package;
    }
    if (systems != 1) {
        package.m_error = tr("The descriptor holds %n virtual systems; an appliance is exactly one.", nullptr, systems);
        return package;
    }
    if (package.m_disks.isEmpty()) {
        package.m_error = tr("The descriptor names no disk (DiskSection with a fileRef): there is nothing to boot.");
        return package;
    }
    for (const Disk &disk : std::as_const(package.m_disks)) {
        const File *file = package.file(disk.fileRef);
        if (!file) {
            package.m_error = tr("The disk “%1” refers to the file “%2”, which References does not list.").arg(disk.diskId, disk.fileRef);
            return package;
        }
        if (qemuFormat(disk.format, file->href).isEmpty()) {
            package.m_error = tr("The disk file “%1” has a format Tessera cannot read (%2).").arg(file->href, disk.format);
            return package;
        }
    }
    if (package.m_product.isEmpty())
        package.m_product = systemName;
    return package;
}
