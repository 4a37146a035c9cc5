#pragma once

#include <QAtomicInt>
#include <QByteArray>
#include <QObject>
#include <QString>

class OvaArchive;
class OvfFolder;

/**
 * Imports an appliance from an OVF descriptor (with its files beside it) or an
 * OVA archive into DATA/appliances/NAME/current, the layout ApplianceImage reads.
 *
 * Order matters for safety: the contract is validated with ContractParser
 * first, and nothing is copied when it is rejected. An OVA is listed with libarchive
 * and refused when a member is a link or special file, has a folder or `..` in
 * its name, is not referenced by the descriptor, or the total is too big.
 *
 * Read once, then use what was checked: the OVA, or the descriptor's folder and each file it
 * needs (O_NOFOLLOW, fstat), is opened once in inspect(); the needed files are then copied
 * from those descriptors into a private staging folder (ImportStaging), counted against the
 * size limit and hashed on the way. The manifest (.mf), when present, is checked against
 * those digests, and `qemu-img` reads only the staged copies. Each disk is converted with
 * `qemu-img convert -O qcow2` from its declared format (never probed), and refused
 * when it points at a backing file or extent elsewhere. The base image ends read-only.
 *
 * Atomic: everything is written under NAME.importing (held by NAME.importing.lock)
 * and renamed to NAME at the end. removeInterrupted() deletes what a killed import left.
 *
 * import() blocks: run it on a worker thread. progress() is emitted from that thread.
 */
class ApplianceImporter : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool ok = false;
        QString name;        ///< the appliance's name once imported
        QString directory;   ///< DATA/appliances/NAME
        QString error;       ///< what went wrong and what to do, when !ok
        bool contractRejected = false; ///< error is the parser's FILE:LINE:COLUMN message
    };

    /// Imports into @p importsDir (normally TesseraPaths::importedAppliancesDir()).
    explicit ApplianceImporter(const QString &importsDir, QObject *parent = nullptr);

    /// Packages bigger than this in total are refused (default 64 GiB; TESSERA_IMPORT_MAX_BYTES overrides).
    void setMaximumBytes(qint64 bytes) { m_maximumBytes = bytes; }
    /// Built appliances whose names an import must not take (normally TesseraPaths::applianceImagesDir()).
    void setBuiltAppliancesDir(const QString &dir) { m_builtDir = dir; }

    /// Imports @p source (.ovf or .ova) as @p name (default: the VirtualSystem's ovf:id). Blocking.
    Result import(const QString &source, const QString &name = {});
    /// Stops a running import() from any thread; it then fails and leaves nothing behind.
    void cancel() { m_cancelled.storeRelaxed(1); }

    /// The descriptor inside @p source (an .ovf file or the .ovf member of an .ova), at most
    /// ContractParser::maximumSize bytes, for showing its contract before importing. Blocking.
    static bool readDescriptor(const QString &source, QByteArray *descriptor, QString *fileName, QString *error);
    /// Deletes NAME.importing folders that no running import holds (left by a killed import). Returns how many.
    static int removeInterrupted(const QString &importsDir);
    /// True when @p name can name an appliance: lower-case letters, digits and "-", 1 to 32 characters.
    static bool isValidName(const QString &name);

Q_SIGNALS:
    /// Progress of import(): @p percent 0..100 and what is being done, for people.
    void progress(int percent, const QString &stage);

private:
    struct Plan;
    static bool isOva(const QString &source);
    static bool readDescriptor(const OvfFolder &folder, const QString &source, QByteArray *descriptor, QString *fileName, QString *error);
    static bool readDescriptor(const OvaArchive &archive, const QString &source, QByteArray *descriptor, QString *fileName, QString *error);
    bool inspect(const QString &source, Plan *plan, Result *result);
    bool inspectArchive(Plan *plan, const QStringList &referenced, const QString &fileName, Result *result);
    bool inspectFolder(Plan *plan, Result *result);
    bool stageFiles(Plan *plan, const QString &workDir, Result *result);
    bool convertDisk(const QString &input, const QString &format, const QString &output, int fromPercent, int toPercent,
                     QString *error);
    bool cancelled() const { return m_cancelled.loadRelaxed() != 0; }

    QString m_importsDir;
    QString m_builtDir;
    qint64 m_maximumBytes;
    QAtomicInt m_cancelled;
};
