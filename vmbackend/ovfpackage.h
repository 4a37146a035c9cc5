#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

/**
 * The package structure of an OVF descriptor: which files it references
 * (References/File), which of them are disks (DiskSection/Disk), and the one
 * VirtualSystem an imported appliance is made of.
 *
 * The contract itself is ContractParser's job; read the descriptor with it
 * first (it refuses DTDs), then with this. File names are kept to plain names
 * beside the descriptor (no folders, no `..`), so a package cannot point at
 * files elsewhere on the host.
 */
class OvfPackage
{
    Q_DECLARE_TR_FUNCTIONS(OvfPackage)

public:
    struct File
    {
        QString id;
        QString href;   ///< a plain file name beside the descriptor
        qint64 size = -1; ///< ovf:size, -1 when not given
    };
    struct Disk
    {
        QString diskId;
        QString fileRef;
        QString format; ///< ovf:format URI, may be empty
    };

    /// Reads @p descriptor; on failure returns a package whose error() says why.
    static OvfPackage parse(const QByteArray &descriptor);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    const QList<File> &files() const { return m_files; }
    const QList<Disk> &disks() const { return m_disks; }
    /// The referenced file with ovf:id @p id, or nullptr.
    const File *file(const QString &id) const;
    /// ovf:id of the VirtualSystem.
    QString systemId() const { return m_systemId; }
    /// ProductSection/Product, else the system's Name: what the appliance is for.
    QString product() const { return m_product; }

    /// Tessera's own extension: File ids of a kernel and initrd to boot directly (see docs/import.md).
    static QString kernelFileId() { return QStringLiteral("tessera-kernel"); }
    static QString initrdFileId() { return QStringLiteral("tessera-initrd"); }

    /// qemu-img's name for the format of @p disk stored in @p href (never a guess by probing).
    static QString qemuFormat(const QString &formatUri, const QString &href);
    /// True when @p name may be a file name in a package: letters, digits, ".", "-", "_", not starting with ".".
    static bool isPlainFileName(const QString &name);

private:
    QString m_error;
    QList<File> m_files;
    QList<Disk> m_disks;
    QString m_systemId;
    QString m_product;
};
