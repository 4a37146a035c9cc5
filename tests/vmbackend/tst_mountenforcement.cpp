// Mounts compile to 9p exports of store folders only (read-only in QEMU where the contract says
// so), the guest mount commands take targets as arguments, a change of the exports invalidates
// the ready state, and a launch refuses store folders that lead out through a link.
// The guest side is proven on a real appliance in tests/e2e/tst_mounts_e2e.
#include "contractparser.h"
#include "domainxmlbuilder.h"
#include "enforcementplan.h"
#include "guestmountplan.h"
#include "launchjob.h"
#include "mountenforcement.h"
#include "readystatemanifest.h"

#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

QString mount(const QString &store, const QString &target, const QString &access, const QString &extra = {})
{
    return QStringLiteral("<Mount><Store>%1</Store><Target>%2</Target><Access>%3</Access>%4</Mount>").arg(store, target, access, extra);
}

SystemContract contractWith(const QString &mounts)
{
    const QString descriptor = QStringLiteral(
        "<?xml version=\"1.0\"?>\n"
        "<Envelope xmlns=\"http://schemas.dmtf.org/ovf/envelope/1\" xmlns:ovf=\"http://schemas.dmtf.org/ovf/envelope/1\" "
        "xmlns:ns=\"urn:tessera:contract:1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
        "<VirtualSystem ovf:id=\"app\"><Info>app</Info>\n"
        "<ns:ContractSection xsi:type=\"ovf:MountContract_Type\"><Info>files</Info>%1</ns:ContractSection>\n"
        "</VirtualSystem></Envelope>\n").arg(mounts);
    const ContractParseResult result = ContractParser::parse(descriptor.toUtf8(), QStringLiteral("test.ovf"));
    if (!result.ok)
        qWarning() << result.error;
    return result.ok ? result.systems.constFirst() : SystemContract();
}

EnforcementContext context(const QString &storeRoot = QStringLiteral("/home/u/.local/share/tessera/store"))
{
    EnforcementContext context;
    context.applianceName = QStringLiteral("app");
    context.storeRoot = storeRoot;
    return context;
}

DomainSpec baseSpec()
{
    DomainSpec spec;
    spec.name = QStringLiteral("tessera-app");
    spec.kernel = QStringLiteral("/cache/vmlinuz");
    spec.initrd = QStringLiteral("/cache/initrd.img");
    spec.systemDisk = QStringLiteral("/data/system.qcow2");
    spec.spiceSocket = QStringLiteral("/run/app.spice");
    return spec;
}

QList<QDomElement> filesystems(const QString &xml)
{
    QDomDocument doc;
    doc.setContent(xml);
    QList<QDomElement> found;
    const QDomNodeList nodes = doc.documentElement().firstChildElement(QStringLiteral("devices")).elementsByTagName(QStringLiteral("filesystem"));
    for (int i = 0; i < nodes.size(); ++i)
        found.append(nodes.at(i).toElement());
    return found;
}

} // namespace

class TestMountEnforcement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compilesMountsToSharedFolders()
    {
        const SystemContract contract = contractWith(mount(QStringLiteral("Documents"), QStringLiteral("/root/Documents"), QStringLiteral("read-only"))
                                                     + mount(QStringLiteral("Projects/Web/"), QStringLiteral("/srv/web/"), QStringLiteral("read-write"),
                                                             QStringLiteral("<WriteRate average=\"512\"/>")));
        QCOMPARE(contract.mounts.size(), 2);
        const EnforcementPlan plan = EnforcementPlan::compile(contract, context(), baseSpec());
        const QList<SharedFolder> folders = plan.spec().sharedFolders;
        QCOMPARE(folders.size(), 2);
        QCOMPARE(folders.at(0).tag, QStringLiteral("tstore0"));
        QCOMPARE(folders.at(0).hostPath, QStringLiteral("/home/u/.local/share/tessera/store/Documents"));
        QCOMPARE(folders.at(0).guestTarget, QStringLiteral("/root/Documents"));
        QVERIFY(folders.at(0).readOnly);
        QCOMPARE(folders.at(1).tag, QStringLiteral("tstore1"));
        QCOMPARE(folders.at(1).hostPath, QStringLiteral("/home/u/.local/share/tessera/store/Projects/Web"));
        QCOMPARE(folders.at(1).guestTarget, QStringLiteral("/srv/web"));
        QVERIFY(!folders.at(1).readOnly);
        QCOMPARE(folders.at(0).readBytesPerSec, 0);
        QCOMPARE(folders.at(0).writeBytesPerSec, 0);
        QCOMPARE(folders.at(1).readBytesPerSec, 0);
        QCOMPARE(folders.at(1).writeBytesPerSec, 512 * 1024);
        QCOMPARE(plan.status(ContractElement::Mounts), EnforcementStatus::Enforced);
        // QEMU's fsdev throttling, proven in tst_mounts_e2e.
        QCOMPARE(plan.status(ContractElement::MountRates), EnforcementStatus::Enforced);
    }

    void noMountsExportNothing()
    {
        const EnforcementPlan plan = EnforcementPlan::compile(contractWith(QString()), context(), baseSpec());
        QVERIFY(plan.spec().sharedFolders.isEmpty());
        QVERIFY(filesystems(DomainXmlBuilder::build(plan.spec())).isEmpty());
        QCOMPARE(plan.status(ContractElement::Mounts), EnforcementStatus::Enforced);
        QCOMPARE(plan.status(ContractElement::MountRates), EnforcementStatus::NotEnforced);
    }

    void domainXmlExportsExactlyTheFolders()
    {
        const SystemContract contract = contractWith(mount(QStringLiteral("Documents"), QStringLiteral("/root/Documents"), QStringLiteral("read-only"))
                                                     + mount(QStringLiteral("Inbox"), QStringLiteral("/root/Inbox"), QStringLiteral("read-write")));
        const QList<QDomElement> found = filesystems(DomainXmlBuilder::build(EnforcementPlan::compile(contract, context(QStringLiteral("/s")), baseSpec()).spec()));
        QCOMPARE(found.size(), 2);
        const QStringList sources{QStringLiteral("/s/Documents"), QStringLiteral("/s/Inbox")};
        for (int i = 0; i < 2; ++i) {
            const QDomElement fs = found.at(i);
            QCOMPARE(fs.attribute(QStringLiteral("type")), QStringLiteral("mount"));
            QCOMPARE(fs.attribute(QStringLiteral("accessmode")), QStringLiteral("mapped"));
            QCOMPARE(fs.firstChildElement(QStringLiteral("driver")).attribute(QStringLiteral("type")), QStringLiteral("path"));
            QCOMPARE(fs.firstChildElement(QStringLiteral("source")).attribute(QStringLiteral("dir")), sources.at(i));
            QCOMPARE(fs.firstChildElement(QStringLiteral("target")).attribute(QStringLiteral("dir")), MountEnforcement::tagFor(i));
            QCOMPARE(!fs.firstChildElement(QStringLiteral("readonly")).isNull(), i == 0);
            QCOMPARE(fs.firstChildElement(QStringLiteral("alias")).attribute(QStringLiteral("name")),
                     QStringLiteral("ua-") + MountEnforcement::tagFor(i));
        }
    }

    void ratesBecomeFsdevThrottling()
    {
        const SystemContract contract = contractWith(
            mount(QStringLiteral("Documents"), QStringLiteral("/root/Documents"), QStringLiteral("read-only"),
                  QStringLiteral("<ReadRate average=\"2\" unit=\"MiB/s\" peak=\"4\"/>"))
            + mount(QStringLiteral("Inbox"), QStringLiteral("/root/Inbox"), QStringLiteral("read-write"),
                    QStringLiteral("<ReadRate average=\"100\"/><WriteRate average=\"1\" unit=\"MiB/s\"/>"))
            + mount(QStringLiteral("Music"), QStringLiteral("/root/Music"), QStringLiteral("read-only")));
        QDomDocument doc;
        QVERIFY(doc.setContent(DomainXmlBuilder::build(EnforcementPlan::compile(contract, context(), baseSpec()).spec()), true));
        const QString qemu = QStringLiteral("http://libvirt.org/schemas/domain/qemu/1.0");
        const QDomNodeList lines = doc.documentElement().elementsByTagNameNS(qemu, QStringLiteral("commandline"));
        QCOMPARE(lines.size(), 1);
        QStringList args;
        const QDomNodeList argNodes = lines.at(0).toElement().elementsByTagNameNS(qemu, QStringLiteral("arg"));
        for (int i = 0; i < argNodes.size(); ++i)
            args << argNodes.at(i).toElement().attribute(QStringLiteral("value"));
        // Averages only: a bucket that never exceeds the average honours the declared peak too.
        QCOMPARE(args, (QStringList{QStringLiteral("-set"), QStringLiteral("fsdev.fsdev-ua-tstore0.throttling.bps-read=2097152"),
                                    QStringLiteral("-set"), QStringLiteral("fsdev.fsdev-ua-tstore1.throttling.bps-read=102400"),
                                    QStringLiteral("-set"), QStringLiteral("fsdev.fsdev-ua-tstore1.throttling.bps-write=1048576")}));
        // Without rates, no QEMU arguments at all.
        const QString plain = DomainXmlBuilder::build(EnforcementPlan::compile(contractWith(mount(QStringLiteral("Music"), QStringLiteral("/m"),
                                                                                                  QStringLiteral("read-only"))),
                                                                               context(), baseSpec()).spec());
        QVERIFY(!plain.contains(QStringLiteral("commandline")));
    }

    void exportsValidateAgainstLibvirtSchema()
    {
        const SystemContract contract = contractWith(mount(QStringLiteral("Documents"), QStringLiteral("/root/Documents"), QStringLiteral("read-only"))
                                                     + mount(QStringLiteral("Inbox"), QStringLiteral("/root/Inbox"), QStringLiteral("read-write"),
                                                             QStringLiteral("<WriteRate average=\"512\"/>")));
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("domain.xml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(DomainXmlBuilder::build(EnforcementPlan::compile(contract, context(), baseSpec()).spec()).toUtf8());
        file.close();
        QProcess validate;
        validate.start(QStringLiteral("virt-xml-validate"), {file.fileName(), QStringLiteral("domain")});
        QVERIFY(validate.waitForFinished(30000));
        QVERIFY2(validate.exitCode() == 0, validate.readAllStandardError().constData());
    }

    void readyStateFollowsTheExports()
    {
        // A memory image restores only with the device set it was saved with.
        const auto manifest = [](const QString &mounts) {
            const DomainSpec spec = EnforcementPlan::compile(contractWith(mounts), context(QStringLiteral("/s")), baseSpec()).spec();
            return ReadyStateManifest::describe(QStringLiteral("/nonexistent/base.qcow2"), QStringLiteral("r"), QString(),
                                                DomainXmlBuilder::build(spec));
        };
        const QString ro = mount(QStringLiteral("Documents"), QStringLiteral("/root/Documents"), QStringLiteral("read-only"));
        QString rw = mount(QStringLiteral("Documents"), QStringLiteral("/root/Documents"), QStringLiteral("read-write"));
        const QString other = mount(QStringLiteral("Music"), QStringLiteral("/root/Documents"), QStringLiteral("read-only"));
        ReadyStateManifest recorded = manifest(ro);
        recorded.baseIdentity = QStringLiteral("x"); // mismatch() wants a complete manifest
        const auto compare = [&recorded](ReadyStateManifest current) {
            current.baseIdentity = recorded.baseIdentity;
            return ReadyStateManifest::mismatch(recorded, current);
        };
        QCOMPARE(compare(manifest(ro)), QString());
        QCOMPARE(compare(manifest(rw)), QStringLiteral("domain definition changed"));
        QCOMPARE(compare(manifest(other)), QStringLiteral("domain definition changed"));
        QCOMPARE(compare(manifest(QString())), QStringLiteral("domain definition changed"));
        QCOMPARE(compare(manifest(ro + QString(rw).replace(QStringLiteral("/root/Documents"), QStringLiteral("/x")))),
                 QStringLiteral("domain definition changed"));
    }

    void guestCommandsTakeTargetsAsArguments()
    {
        SharedFolder hostile;
        hostile.tag = QStringLiteral("tstore0");
        hostile.guestTarget = QStringLiteral("/root/a b; touch /pwned $(id) `id` \"q\" 'q'");
        hostile.readOnly = true;
        SharedFolder plain;
        plain.tag = QStringLiteral("tstore1");
        plain.guestTarget = QStringLiteral("/root/Inbox");
        plain.readOnly = false;
        const QStringList hostileCommand = GuestMountPlan::commandFor(hostile);
        const QStringList plainCommand = GuestMountPlan::commandFor(plain);
        // The script text is the same for every folder: the target is only ever $2.
        QCOMPARE(hostileCommand.mid(0, 4), plainCommand.mid(0, 4));
        QCOMPARE(hostileCommand.at(0), QStringLiteral("/bin/sh"));
        QVERIFY(!hostileCommand.at(2).contains(QStringLiteral("/root")));
        QCOMPARE(hostileCommand.mid(4), (QStringList{QStringLiteral("tstore0"), hostile.guestTarget,
                                                     QStringLiteral("trans=virtio,version=9p2000.L,msize=262144,nosuid,nodev,ro")}));
        QCOMPARE(plainCommand.last(), QStringLiteral("trans=virtio,version=9p2000.L,msize=262144,nosuid,nodev"));
    }

    void guestCommandsMountParentsFirstAndDropInvalidOnes()
    {
        const auto folder = [](const QString &tag, const QString &target) {
            SharedFolder f;
            f.tag = tag;
            f.guestTarget = target;
            return f;
        };
        const QList<QStringList> commands = GuestMountPlan::commandsFor({
            folder(QStringLiteral("tstore0"), QStringLiteral("/root/Documents/Taxes")),
            folder(QStringLiteral("tstore1"), QStringLiteral("/root/Documents")),
            folder(QStringLiteral("tstore2"), QStringLiteral("/")),
            folder(QStringLiteral("tstore3"), QStringLiteral("relative/path")),
            folder(QStringLiteral("tstore4"), QStringLiteral("/root/../etc")),
            folder(QStringLiteral("bad tag"), QStringLiteral("/mnt/x")),
            folder(QStringLiteral("t234567890123456789012345678901x"), QStringLiteral("/mnt/y")), // 32 bytes
            folder(QStringLiteral("tstore7"), QStringLiteral("/mnt/ctl\n")),
        });
        QCOMPARE(commands.size(), 2);
        QCOMPARE(commands.at(0).at(5), QStringLiteral("/root/Documents"));
        QCOMPARE(commands.at(1).at(5), QStringLiteral("/root/Documents/Taxes"));
    }

    void launchRefusesFoldersLeadingOutOfTheStore()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.path() + QStringLiteral("/store");
        const QString outside = dir.path() + QStringLiteral("/outside");
        QVERIFY(QDir().mkpath(outside));
        const SystemContract contract = contractWith(mount(QStringLiteral("Documents"), QStringLiteral("/root/Documents"), QStringLiteral("read-only"))
                                                     + mount(QStringLiteral("Inbox/New"), QStringLiteral("/root/Inbox"), QStringLiteral("read-write")));
        LaunchJob job;
        job.spec = EnforcementPlan::compile(contract, context(root), baseSpec()).spec();
        job.storeRoot = root;
        // Fine: both folders are created in the store.
        QVERIFY2(!job.prepareSharedFolders().isError(), qPrintable(job.prepareSharedFolders().toString()));
        QVERIFY(QFileInfo(root + QStringLiteral("/Documents")).isDir());
        QVERIFY(QFileInfo(root + QStringLiteral("/Inbox/New")).isDir());

        // A link planted since: the launch stops with a message naming it, and creates nothing outside.
        QVERIFY(QDir(root + QStringLiteral("/Inbox")).removeRecursively());
        QVERIFY(::symlink(QFile::encodeName(outside).constData(), QFile::encodeName(root + QStringLiteral("/Inbox")).constData()) == 0);
        const VmError error = job.prepareSharedFolders();
        QCOMPARE(error.kind(), VmError::StartFailed);
        QVERIFY2(error.message().contains(QStringLiteral("Inbox")), qPrintable(error.message()));
        QVERIFY(!QFileInfo::exists(outside + QStringLiteral("/New")));

        // A spec whose folder is not under the store root at all.
        LaunchJob moved = job;
        moved.storeRoot = dir.path() + QStringLiteral("/elsewhere");
        QCOMPARE(moved.prepareSharedFolders().kind(), VmError::StartFailed);
        QVERIFY(!QFileInfo::exists(dir.path() + QStringLiteral("/elsewhere")));
    }
};

QTEST_GUILESS_MAIN(TestMountEnforcement)
#include "tst_mountenforcement.moc"
