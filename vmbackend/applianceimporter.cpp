#include "applianceimporter.h"

#include "appliancecatalog.h"
#include "contractparser.h"
#include "importstaging.h"
#include "ovaarchive.h"
#include "ovffolder.h"
#include "ovfmanifest.h"
#include "ovfpackage.h"
#include "qemuimg.h"
#include "vmbackendlog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStorageInfo>

#include <csignal>
#include <fcntl.h>
#include <memory>
#include <sys/prctl.h>
#include <unistd.h>

namespace {

constexpr qint64 DefaultMaximumBytes = 64LL * 1024 * 1024 * 1024;
constexpr int QemuImgInfoTimeoutMs = 60 * 1000;
constexpr int ConvertTimeoutMs = 6 * 60 * 60 * 1000;
constexpr int ProgressIntervalMs = 250;
const QLatin1String ImportingSuffix(".importing");

void syncDirectory(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

} // namespace

struct ApplianceImporter::Plan
{
    bool ova = false;
    QString source;
    // Opened once, in inspect(): everything later reads these, never the paths again.
    std::unique_ptr<OvaArchive> archive; ///< OVA
    std::unique_ptr<OvfFolder> folder;   ///< OVF: the descriptor's folder, the files it needs opened in it
    QString stagingDir;       ///< where the needed files were copied, once, before any check or conversion
    QByteArray descriptor;
    QString descriptorName;   ///< the .ovf's own name (a member name for an OVA)
    OvfPackage package;
    QString manifestName;     ///< empty when the package has no manifest
    QByteArray manifest;
    QString name;
    QStringList needed;       ///< hrefs to copy: the disks, and kernel + initrd when both are given
    qint64 totalBytes = 0;
};

ApplianceImporter::ApplianceImporter(const QString &importsDir, QObject *parent)
    : QObject(parent), m_importsDir(importsDir), m_maximumBytes(DefaultMaximumBytes)
{
    bool ok = false;
    const qint64 fromEnvironment = qEnvironmentVariable("TESSERA_IMPORT_MAX_BYTES").toLongLong(&ok);
    if (ok && fromEnvironment > 0)
        m_maximumBytes = fromEnvironment;
}

bool ApplianceImporter::isValidName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9-]{0,31}$"));
    return valid.match(name).hasMatch();
}

bool ApplianceImporter::readDescriptor(const QString &source, QByteArray *descriptor, QString *fileName, QString *error)
{
    if (!QFileInfo(source).isFile()) {
        *error = tr("“%1” is not a file. Choose an .ovf descriptor or an .ova archive.").arg(source);
        return false;
    }
    if (isOva(source))
        return readDescriptor(OvaArchive(source), source, descriptor, fileName, error);
    if (QFileInfo(source).size() > ContractParser::maximumSize) {
        *error = tr("“%1” is too large to be an OVF descriptor.").arg(source);
        return false;
    }
    return readDescriptor(OvfFolder(source), source, descriptor, fileName, error);
}

bool ApplianceImporter::isOva(const QString &source)
{
    return QFileInfo(source).suffix().compare(QLatin1String("ova"), Qt::CaseInsensitive) == 0;
}

bool ApplianceImporter::readDescriptor(const OvfFolder &folder, const QString &source, QByteArray *descriptor, QString *fileName,
                                       QString *error)
{
    QString why;
    if (!folder.readDescriptor(ContractParser::maximumSize, descriptor, &why)) {
        *error = tr("Could not read “%1”: %2").arg(source, why);
        return false;
    }
    *fileName = source;
    return true;
}

bool ApplianceImporter::readDescriptor(const OvaArchive &archive, const QString &source, QByteArray *descriptor, QString *fileName,
                                       QString *error)
{
    QList<OvaArchive::Member> members;
    QString tarError;
    if (!archive.list(&members, &tarError)) {
        *error = tr("“%1” is not a readable OVA (tar) archive: %2").arg(source, tarError);
        return false;
    }
    const OvaArchive::Member *ovf = nullptr;
    for (const OvaArchive::Member &member : std::as_const(members)) {
        if (member.name.endsWith(QLatin1String(".ovf"), Qt::CaseInsensitive)) {
            if (ovf) {
                *error = tr("“%1” holds more than one .ovf descriptor; an appliance has exactly one.").arg(source);
                return false;
            }
            ovf = &member;
        }
    }
    if (!ovf || !ovf->isRegularFile() || !OvfPackage::isPlainFileName(ovf->name)) {
        *error = tr("“%1” holds no usable .ovf descriptor.").arg(source);
        return false;
    }
    if (ovf->size > ContractParser::maximumSize) {
        *error = tr("The descriptor in “%1” is too large.").arg(source);
        return false;
    }
    if (!archive.read(ovf->name, ContractParser::maximumSize, descriptor, &tarError)) {
        *error = tr("Could not read the descriptor in “%1”: %2").arg(source, tarError);
        return false;
    }
    *fileName = QFileInfo(source).fileName() + QLatin1Char('/') + ovf->name;
    return true;
}

int ApplianceImporter::removeInterrupted(const QString &importsDir)
{
    int removed = 0;
    const QDir dir(importsDir);
    for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (!entry.endsWith(ImportingSuffix))
            continue;
        // A running import holds the lock; QLockFile takes over a lock whose process is gone.
        QLockFile lock(dir.filePath(entry + QStringLiteral(".lock")));
        if (!lock.tryLock(0))
            continue;
        if (QDir(dir.filePath(entry)).removeRecursively()) {
            ++removed;
            qCInfo(lcVmBackend) << "removed an interrupted import:" << entry;
        }
        lock.unlock();
    }
    if (removed)
        syncDirectory(importsDir);
    return removed;
}

bool ApplianceImporter::inspectArchive(Plan *plan, const QStringList &referenced, const QString &fileName, Result *result)
{
    const QString &source = plan->source;
    QList<OvaArchive::Member> members;
    QString tarError;
    if (!plan->archive->list(&members, &tarError)) {
        result->error = tr("“%1” is not a readable OVA (tar) archive: %2").arg(source, tarError);
        return false;
    }
    plan->descriptorName = fileName.section(QLatin1Char('/'), -1);
    const QString base = QFileInfo(plan->descriptorName).completeBaseName();
    QStringList seen;
    for (const OvaArchive::Member &member : std::as_const(members)) {
        if (!OvfPackage::isPlainFileName(member.name)) {
            result->error = tr("“%1” holds the member “%2”, whose name has a folder, an absolute path or “..”. "
                               "Tessera refuses such archives; ask the publisher for a clean one.")
                                .arg(source, member.name.left(200));
            return false;
        }
        if (!member.isRegularFile()) {
            result->error = tr("“%1” holds “%2”, which is a link or special file, not a plain file. "
                               "Tessera refuses such archives; ask the publisher for a clean one.")
                                .arg(source, member.name);
            return false;
        }
        if (seen.contains(member.name)) {
            result->error = tr("“%1” holds “%2” twice.").arg(source, member.name);
            return false;
        }
        seen.append(member.name);
        const bool known = member.name == plan->descriptorName || referenced.contains(member.name)
            || member.name == base + QStringLiteral(".mf") || member.name == base + QStringLiteral(".cert");
        if (!known) {
            result->error = tr("“%1” holds “%2”, which its descriptor does not reference. "
                               "Tessera refuses archives with unexpected content.")
                                .arg(source, member.name);
            return false;
        }
        // Bounded per member, so a huge header cannot wrap the sum around (the copy is bounded again).
        plan->totalBytes += qBound<qint64>(0, member.size, m_maximumBytes + 1);
        if (member.name == base + QStringLiteral(".mf"))
            plan->manifestName = member.name;
    }
    for (const QString &href : std::as_const(plan->needed)) {
        if (!seen.contains(href)) {
            result->error = tr("“%1” does not hold “%2”, which its descriptor needs.").arg(source, href);
            return false;
        }
    }
    if (!plan->manifestName.isEmpty() && !plan->archive->read(plan->manifestName, OvfManifest::maximumSize, &plan->manifest, &tarError)) {
        result->error = tr("Could not read the manifest in “%1”: %2").arg(source, tarError);
        return false;
    }
    return true;
}

bool ApplianceImporter::inspectFolder(Plan *plan, Result *result)
{
    OvfFolder &folder = *plan->folder;
    plan->descriptorName = folder.descriptorName();
    for (const QString &href : std::as_const(plan->needed)) {
        // Opened now, once, without following a link; copied later from this very descriptor.
        qint64 size = 0;
        QString why;
        if (!folder.openFile(href, &size, &why)) {
            result->error = tr("“%1”, which the descriptor needs, is missing beside it or is not a plain file (%2).")
                                .arg(folder.path() + QLatin1Char('/') + href, why);
            return false;
        }
        plan->totalBytes += size;
    }
    const QString manifestName = QFileInfo(plan->descriptorName).completeBaseName() + QStringLiteral(".mf");
    if (folder.contains(manifestName)) {
        QString why;
        if (!folder.readFile(manifestName, OvfManifest::maximumSize, &plan->manifest, &why)) {
            result->error = tr("Could not read the manifest “%1”: %2").arg(folder.path() + QLatin1Char('/') + manifestName, why);
            return false;
        }
        plan->manifestName = manifestName;
    }
    return true;
}

bool ApplianceImporter::inspect(const QString &source, Plan *plan, Result *result)
{
    plan->source = source;
    plan->ova = isOva(source);
    QString fileName;
    if (!QFileInfo(source).isFile()) {
        result->error = tr("“%1” is not a file. Choose an .ovf descriptor or an .ova archive.").arg(source);
        return false;
    }
    // Opened once: the descriptor, the listing, the manifest and every copy read these.
    if (plan->ova) {
        plan->archive = std::make_unique<OvaArchive>(source);
        if (!readDescriptor(*plan->archive, source, &plan->descriptor, &fileName, &result->error))
            return false;
    } else {
        plan->folder = std::make_unique<OvfFolder>(source);
        if (!readDescriptor(*plan->folder, source, &plan->descriptor, &fileName, &result->error))
            return false;
    }

    // 1. The contract, before anything else happens.
    const ContractParseResult contract = ContractParser::parse(plan->descriptor, fileName);
    if (!contract.ok) {
        result->contractRejected = true;
        result->error = contract.error;
        return false;
    }
    if (!contract.allLaunchable()) {
        result->contractRejected = true;
        result->error = contract.notes.join(QLatin1Char('\n'));
        if (result->error.isEmpty())
            result->error = tr("%1: the contract has a required section Tessera does not understand.").arg(fileName);
        return false;
    }

    // 2. What the package holds.
    plan->package = OvfPackage::parse(plan->descriptor);
    if (!plan->package.isValid()) {
        result->error = tr("%1: %2").arg(fileName, plan->package.error());
        return false;
    }
    auto need = [plan](const QString &href) {
        if (!plan->needed.contains(href)) // two disks may share a file: it is copied once
            plan->needed.append(href);
    };
    for (const OvfPackage::Disk &disk : plan->package.disks())
        need(plan->package.file(disk.fileRef)->href);
    const OvfPackage::File *kernel = plan->package.file(OvfPackage::kernelFileId());
    const OvfPackage::File *initrd = plan->package.file(OvfPackage::initrdFileId());
    if (kernel && initrd) {
        need(kernel->href);
        need(initrd->href);
    }

    QStringList referenced;
    for (const OvfPackage::File &file : plan->package.files())
        referenced.append(file.href);

    if (plan->ova ? !inspectArchive(plan, referenced, fileName, result) : !inspectFolder(plan, result))
        return false;
    if (plan->totalBytes > m_maximumBytes) {
        result->error = tr("The package is %1 MiB, more than the %2 MiB Tessera imports.")
                            .arg(plan->totalBytes / (1024 * 1024)).arg(m_maximumBytes / (1024 * 1024));
        return false;
    }

    // 3. The manifest covers the descriptor and every file, and names nothing else.
    if (!plan->manifestName.isEmpty()) {
        const OvfManifest manifest = OvfManifest::parse(plan->manifest);
        if (!manifest.isValid()) {
            result->error = tr("%1: %2").arg(plan->manifestName, manifest.error());
            return false;
        }
        for (const QString &name : manifest.names()) {
            if (name != plan->descriptorName && !referenced.contains(name)) {
                result->error = tr("The manifest names “%1”, which is not in the package.").arg(name);
                return false;
            }
        }
        if (const QString mismatch = manifest.verifyData(plan->descriptorName, plan->descriptor); !mismatch.isEmpty()) {
            result->error = mismatch;
            return false;
        }
    }

    // 4. The name.
    plan->name = result->name.isEmpty() ? plan->package.systemId().toLower() : result->name;
    result->name = plan->name;
    if (!isValidName(plan->name)) {
        result->error = tr("“%1” cannot name an appliance: use 1 to 32 lower-case letters, digits and “-” (tessera-ctl import PATH --name NAME).")
                            .arg(plan->name.left(64));
        return false;
    }
    const bool built = !m_builtDir.isEmpty() && QFileInfo::exists(m_builtDir + QLatin1Char('/') + plan->name);
    if (built || QFileInfo::exists(m_importsDir + QLatin1Char('/') + plan->name)
        || QFileInfo::exists(m_importsDir + QLatin1Char('/') + plan->name + ImportingSuffix)) {
        result->error = tr("There is already an appliance called “%1”; nothing was changed. Import it under another name (--name).")
                            .arg(plan->name);
        return false;
    }
    return true;
}

bool ApplianceImporter::stageFiles(Plan *plan, const QString &workDir, Result *result)
{
    // Every needed file is copied once into a private folder, counted and hashed on the way;
    // the manifest check and qemu-img then read only these copies.
    plan->stagingDir = workDir + QStringLiteral("/package");
    ImportStaging staging(plan->stagingDir, m_maximumBytes);
    if (!staging.isValid()) {
        result->error = staging.errorString();
        return false;
    }
    const OvfManifest manifest = OvfManifest::parse(plan->manifest);
    if (!plan->manifestName.isEmpty()) {
        for (const QString &href : std::as_const(plan->needed)) {
            QCryptographicHash::Algorithm algorithm;
            if (manifest.algorithm(href, &algorithm))
                staging.setDigestAlgorithm(href, algorithm);
        }
    }
    const qint64 total = qMax<qint64>(1, plan->totalBytes);
    staging.setProgressHandler([this, total](qint64 written) {
        Q_EMIT progress(5 + int(30 * qMin(written, total) / total), tr("Copying the package's files"));
        return !cancelled();
    });
    Q_EMIT progress(5, tr("Copying the package's files"));
    QString error;
    if (plan->ova) {
        if (!plan->archive->extract(plan->needed, &staging, &error)) {
            result->error = cancelled() ? tr("Stopped.") : tr("Could not unpack “%1”: %2").arg(plan->source, error);
            return false;
        }
    } else {
        for (const QString &href : std::as_const(plan->needed)) {
            if (!staging.copyFrom(href, plan->folder->descriptor(href), &error)) {
                result->error = cancelled() ? tr("Stopped.") : tr("Could not copy “%1”: %2").arg(href, error);
                return false;
            }
        }
    }

    if (!plan->manifestName.isEmpty()) {
        Q_EMIT progress(36, tr("Checking the manifest"));
        for (const QString &href : std::as_const(plan->needed)) {
            if (const QString mismatch = manifest.verifyDigest(href, staging.digest(href)); !mismatch.isEmpty()) {
                result->error = mismatch;
                return false;
            }
        }
    }
    return true;
}

bool ApplianceImporter::convertDisk(const QString &input, const QString &format, const QString &output, int fromPercent,
                                    int toPercent, QString *error)
{
    // A qcow2 or vmdk can name other files (backing file, extents): refuse anything that reads outside the package.
    QByteArray infoJson;
    QString infoError;
    if (!QemuImg::run({QStringLiteral("info"), QStringLiteral("--output=json"), QStringLiteral("-f"), format, input},
                      QemuImgInfoTimeoutMs, &infoJson, &infoError, 1024 * 1024)) {
        *error = tr("qemu-img cannot read the disk as %1: %2").arg(format, infoError.trimmed().left(500));
        return false;
    }
    const QJsonObject details = QJsonDocument::fromJson(infoJson).object();
    if (details.contains(QLatin1String("backing-filename"))) {
        *error = tr("The disk refers to another file (a backing file). Tessera imports self-contained disks only.");
        return false;
    }
    const QJsonObject specific = details.value(QLatin1String("format-specific")).toObject().value(QLatin1String("data")).toObject();
    if (specific.contains(QLatin1String("data-file"))) {
        *error = tr("The disk keeps its data in another file (a qcow2 data file). Tessera imports self-contained disks only.");
        return false;
    }
    const QJsonArray extents = specific.value(QLatin1String("extents")).toArray();
    for (const QJsonValue &extent : extents) {
        if (QFileInfo(extent.toObject().value(QLatin1String("filename")).toString()).canonicalFilePath()
            != QFileInfo(input).canonicalFilePath()) {
            *error = tr("The disk is split over other files (extents). Tessera imports self-contained disks only.");
            return false;
        }
    }

    QProcess convert;
    convert.setProcessChannelMode(QProcess::SeparateChannels);
    // Dies with this thread (as QemuImg's): a killed import leaves no qemu-img writing into NAME.importing.
    convert.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    convert.start(QStringLiteral("qemu-img"), {QStringLiteral("convert"), QStringLiteral("-p"), QStringLiteral("-f"), format,
                                               QStringLiteral("-O"), QStringLiteral("qcow2"), input, output});
    // qemu-img -p writes "    (12.34/100%)\r" as it goes.
    static const QRegularExpression percent(QStringLiteral("\\((\\d+(?:\\.\\d+)?)/100%\\)"));
    QDeadlineTimer deadline(ConvertTimeoutMs);
    QByteArray pending;
    while (convert.state() != QProcess::NotRunning || convert.bytesAvailable() > 0) {
        if (cancelled() || deadline.hasExpired()) {
            convert.kill();
            convert.waitForFinished();
            *error = cancelled() ? tr("Stopped.") : tr("Converting the disk took too long.");
            return false;
        }
        convert.waitForReadyRead(ProgressIntervalMs);
        pending += convert.readAllStandardOutput();
        QRegularExpressionMatchIterator it = percent.globalMatch(QString::fromLatin1(pending));
        double last = -1;
        while (it.hasNext())
            last = it.next().captured(1).toDouble();
        if (last >= 0) {
            Q_EMIT progress(fromPercent + int((toPercent - fromPercent) * last / 100.0), tr("Converting the disk"));
            pending.clear();
        }
        if (pending.size() > 4096)
            pending = pending.right(256);
        if (convert.state() == QProcess::NotRunning && convert.bytesAvailable() == 0)
            break;
    }
    convert.waitForFinished();
    if (convert.exitStatus() != QProcess::NormalExit || convert.exitCode() != 0) {
        *error = tr("qemu-img could not convert the disk: %1").arg(QString::fromLocal8Bit(convert.readAllStandardError()).trimmed().left(500));
        return false;
    }
    return true;
}

ApplianceImporter::Result ApplianceImporter::import(const QString &source, const QString &name)
{
    Result result;
    result.name = name;
    m_cancelled.storeRelaxed(0);
    Q_EMIT progress(0, tr("Checking the contract"));
    Plan plan;
    if (!inspect(QFileInfo(source).absoluteFilePath(), &plan, &result))
        return result;

    if (!QDir().mkpath(m_importsDir)) {
        result.error = tr("Could not create “%1”.").arg(m_importsDir);
        return result;
    }
    const QString workDir = m_importsDir + QLatin1Char('/') + plan.name + ImportingSuffix;
    const QString finalDir = m_importsDir + QLatin1Char('/') + plan.name;
    QLockFile lock(workDir + QStringLiteral(".lock"));
    if (!lock.tryLock(0)) {
        result.error = tr("“%1” is being imported already.").arg(plan.name);
        return result;
    }
    const QStorageInfo storage(m_importsDir);
    // The package's files are copied and then converted: room for both.
    if (storage.isValid() && storage.bytesAvailable() < plan.totalBytes * 2) {
        result.error = tr("There is not enough free space in “%1” for this appliance (%2 MiB needed). Free some space and try again.")
                           .arg(m_importsDir).arg(plan.totalBytes * 2 / (1024 * 1024));
        return result;
    }
    auto fail = [&](const QString &error) {
        result.ok = false;
        result.error = error;
        QDir(workDir).removeRecursively();
        return result;
    };
    const QString current = workDir + QStringLiteral("/current");
    if (!QDir().mkpath(current))
        return fail(tr("Could not create “%1”.").arg(current));

    if (!stageFiles(&plan, workDir, &result))
        return fail(result.error);

    const QList<OvfPackage::Disk> disks = plan.package.disks();
    QJsonArray diskNames;
    for (qsizetype i = 0; i < disks.size(); ++i) {
        const QString href = plan.package.file(disks.at(i).fileRef)->href;
        const QString output = current + (i == 0 ? QStringLiteral("/base.qcow2") : QStringLiteral("/disk-%1.qcow2").arg(i));
        const int from = 40 + int(58 * i / disks.size());
        const int to = 40 + int(58 * (i + 1) / disks.size());
        Q_EMIT progress(from, tr("Converting the disk"));
        QString error;
        if (!convertDisk(plan.stagingDir + QLatin1Char('/') + href, OvfPackage::qemuFormat(disks.at(i).format, href), output, from, to,
                         &error))
            return fail(tr("%1: %2").arg(href, error));
        QFile::setPermissions(output, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
        diskNames.append(QFileInfo(output).fileName());
    }

    // Tessera's extension: a kernel and initrd to boot directly, as built appliances do.
    const OvfPackage::File *kernel = plan.package.file(OvfPackage::kernelFileId());
    const OvfPackage::File *initrd = plan.package.file(OvfPackage::initrdFileId());
    const bool directBoot = kernel && initrd;
    // The staged copies are moved, not copied again; they are readable as a built appliance's are.
    const QFile::Permissions readable = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    if (directBoot
        && (!QFile::rename(plan.stagingDir + QLatin1Char('/') + kernel->href, current + QStringLiteral("/vmlinuz"))
            || !QFile::rename(plan.stagingDir + QLatin1Char('/') + initrd->href, current + QStringLiteral("/initrd.img"))
            || !QFile::setPermissions(current + QStringLiteral("/vmlinuz"), readable)
            || !QFile::setPermissions(current + QStringLiteral("/initrd.img"), readable)))
        return fail(tr("Could not copy the kernel and initrd."));

    Q_EMIT progress(99, tr("Finishing"));
    const QJsonObject build{
        {QStringLiteral("job"), plan.package.product()},
        {QStringLiteral("imported"), true},
        {QStringLiteral("boot"), directBoot ? QStringLiteral("kernel") : QStringLiteral("disk")},
        {QStringLiteral("source"), QFileInfo(source).fileName()},
        {QStringLiteral("imported_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("hash"), QString::fromLatin1(QCryptographicHash::hash(plan.descriptor, QCryptographicHash::Sha256).toHex().left(16))},
        {QStringLiteral("disks"), diskNames},
    };
    if (!writeFile(current + QStringLiteral("/appliance.ovf"), plan.descriptor)
        || !writeFile(current + QStringLiteral("/build.json"), QJsonDocument(build).toJson()))
        return fail(tr("Could not write the appliance's descriptor into “%1”.").arg(current));
    QDir(plan.stagingDir).removeRecursively();
    if (cancelled())
        return fail(tr("Stopped."));

    syncDirectory(current);
    if (QFileInfo::exists(finalDir) || !QDir().rename(workDir, finalDir))
        return fail(tr("Could not move the imported appliance into place at “%1”.").arg(finalDir));
    syncDirectory(m_importsDir);
    result.ok = true;
    result.directory = finalDir;
    Q_EMIT progress(100, tr("Imported"));
    qCInfo(lcVmBackend) << "imported" << plan.name << "from" << source;
    return result;
}
