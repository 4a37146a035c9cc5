// ApplianceImporter on real packages: OVAs made with tar, disks made and compared with qemu-img,
// manifests with real digests; hostile archives refused with nothing left behind.
#include "appliancecatalog.h"
#include "applianceimage.h"
#include "applianceimporter.h"
#include "ovatestpackage.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace pkg = OvaTestPackage;

class TestApplianceImporter : public QObject
{
    Q_OBJECT
    QTemporaryDir m_work;
    QString m_pkg;     // where package files are made
    QString m_imports; // the importer's DATA/appliances

    /// disk.raw + sample.ovf (+ sample.mf) in m_pkg, packed into sample.ova. Returns the .ova path.
    QString makeSampleOva(const QString &dstPort = QStringLiteral("443"), bool withManifest = true)
    {
        const QString ova = m_work.filePath(QStringLiteral("sample.ova"));
        QFile::remove(ova);
        if (!pkg::makeRawDisk(m_pkg + QStringLiteral("/disk.raw"), 8)
            || !pkg::write(m_pkg + QStringLiteral("/sample.ovf"), pkg::descriptor(QStringLiteral("sample"), QStringLiteral("disk.raw"),
                                                                         QStringLiteral("raw"), {}, dstPort)))
            return {};
        QStringList members{QStringLiteral("sample.ovf"), QStringLiteral("disk.raw")};
        if (withManifest) {
            if (!pkg::write(m_pkg + QStringLiteral("/sample.mf"), pkg::manifest(m_pkg, members)))
                return {};
            members.insert(1, QStringLiteral("sample.mf"));
        }
        return pkg::makeOva(ova, m_pkg, members) ? ova : QString();
    }

    QStringList importsEntries() const
    {
        return QDir(m_imports).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    }

    QString qemuImgInfo(const QString &path, const QString &key)
    {
        QProcess info;
        info.start(QStringLiteral("qemu-img"), {QStringLiteral("info"), QStringLiteral("--output=json"), path});
        info.waitForFinished(30000);
        return QJsonDocument::fromJson(info.readAllStandardOutput()).object().value(key).toVariant().toString();
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_work.path()).removeRecursively();
        QVERIFY(QDir().mkpath(m_work.path()));
        m_pkg = m_work.filePath(QStringLiteral("pkg"));
        m_imports = m_work.filePath(QStringLiteral("data/appliances"));
        QVERIFY(QDir().mkpath(m_pkg));
    }

    void importsAnOvaIntoTheCatalogLayout()
    {
        const QString ova = makeSampleOva();
        QVERIFY(!ova.isEmpty());
        ApplianceImporter importer(m_imports);
        QSignalSpy progress(&importer, &ApplianceImporter::progress);
        const ApplianceImporter::Result result = importer.import(ova);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.name, QStringLiteral("sample"));
        QCOMPARE(importsEntries(), QStringList{QStringLiteral("sample")});

        const QString base = m_imports + QStringLiteral("/sample/current/base.qcow2");
        QCOMPARE(qemuImgInfo(base, QStringLiteral("format")), QStringLiteral("qcow2"));
        QCOMPARE(QFileInfo(base).permissions() & (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
        // Same content as the disk that went in.
        QVERIFY(pkg::run(QStringLiteral("qemu-img"), {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("raw"),
                                                 QStringLiteral("-F"), QStringLiteral("qcow2"), m_pkg + QStringLiteral("/disk.raw"), base}));
        // No unpacked copy is left beside it.
        QVERIFY(!QFileInfo::exists(m_imports + QStringLiteral("/sample/package")));

        const QList<ApplianceImage> images = ApplianceCatalog::scan(m_imports);
        QCOMPARE(images.size(), 1);
        QVERIFY(images.constFirst().isComplete());
        QVERIFY(images.constFirst().imported);
        QVERIFY(images.constFirst().bootFromDisk);
        QCOMPARE(images.constFirst().job, QStringLiteral("Terminal"));

        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.constLast().at(0).toInt(), 100);
        int previous = -1;
        for (const QList<QVariant> &step : std::as_const(progress)) {
            QVERIFY(step.at(0).toInt() >= previous);
            previous = step.at(0).toInt();
        }
    }

    void importsAnOvfWithAVmdkBesideIt()
    {
        QVERIFY(pkg::makeRawDisk(m_pkg + QStringLiteral("/disk.raw"), 8));
        QVERIFY(pkg::run(QStringLiteral("qemu-img"), {QStringLiteral("convert"), QStringLiteral("-f"), QStringLiteral("raw"),
                                                 QStringLiteral("-O"), QStringLiteral("vmdk"), QStringLiteral("-o"),
                                                 QStringLiteral("subformat=streamOptimized"), m_pkg + QStringLiteral("/disk.raw"),
                                                 m_pkg + QStringLiteral("/disk1.vmdk")}));
        QVERIFY(pkg::write(m_pkg + QStringLiteral("/app.ovf"), pkg::descriptor(QStringLiteral("vmdkapp"), QStringLiteral("disk1.vmdk"), pkg::vmdkFormat())));
        ApplianceImporter importer(m_imports);
        const ApplianceImporter::Result result = importer.import(m_pkg + QStringLiteral("/app.ovf"), QStringLiteral("renamed"));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.name, QStringLiteral("renamed"));
        QVERIFY(pkg::run(QStringLiteral("qemu-img"), {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("raw"),
                                                 QStringLiteral("-F"), QStringLiteral("qcow2"), m_pkg + QStringLiteral("/disk.raw"),
                                                 m_imports + QStringLiteral("/renamed/current/base.qcow2")}));
    }

    void refusesARejectedContractWithTheParsersMessage()
    {
        const QString ova = makeSampleOva(QStringLiteral("70000"));
        QVERIFY(!ova.isEmpty());
        ApplianceImporter importer(m_imports);
        const ApplianceImporter::Result result = importer.import(ova);
        QVERIFY(!result.ok);
        QVERIFY(result.contractRejected);
        QVERIFY2(QRegularExpression(QStringLiteral("^sample\\.ova/sample\\.ovf:\\d+:\\d+: ")).match(result.error).hasMatch(),
                 qPrintable(result.error));
        QVERIFY2(result.error.contains(QLatin1String("70000")), qPrintable(result.error));
        QVERIFY(importsEntries().isEmpty());
    }

    void refusesHostileArchives_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dot-dot member") << "dotdot" << "“..";
        QTest::newRow("absolute member") << "absolute" << "absolute path";
        QTest::newRow("symlink as the disk") << "symlink" << "link or special file";
        QTest::newRow("hard link") << "hardlink" << "link or special file";
        QTest::newRow("FIFO") << "fifo" << "link or special file";
        QTest::newRow("device") << "device" << "link or special file";
        QTest::newRow("unreferenced member") << "extra" << "does not reference";
        QTest::newRow("disk changed after the manifest") << "manifest" << "does not match the package's manifest";
        QTest::newRow("descriptor changed after the manifest") << "manifest-ovf" << "does not match the package's manifest";
        QTest::newRow("missing disk") << "missing" << "does not hold “disk.raw”";
        QTest::newRow("too big") << "big" << "more than";
        QTest::newRow("backing file") << "backing" << "backing file";
        QTest::newRow("qcow2 external data file") << "datafile" << "data file";
        QTest::newRow("vmdk extent elsewhere") << "extent" << "extents";
        QTest::newRow("not a tar") << "garbage" << "not a readable OVA";
    }

    void refusesHostileArchives()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        const QString ova = m_work.filePath(QStringLiteral("hostile.ova"));
        QVERIFY(pkg::makeRawDisk(m_pkg + QStringLiteral("/disk.raw"), 4));
        QVERIFY(pkg::write(m_pkg + QStringLiteral("/hostile.ovf"), pkg::descriptor(QStringLiteral("hostile"), QStringLiteral("disk.raw"), QStringLiteral("raw"))));
        QStringList members{QStringLiteral("hostile.ovf"), QStringLiteral("disk.raw")};
        qint64 maximum = 0;
        if (kind == QLatin1String("dotdot")) {
            QVERIFY(pkg::write(m_work.filePath(QStringLiteral("x")), "outside"));
            members << QStringLiteral("../x");
        } else if (kind == QLatin1String("absolute")) {
            QVERIFY(pkg::write(m_work.filePath(QStringLiteral("abs")), "outside"));
            members << m_work.filePath(QStringLiteral("abs"));
        } else if (kind == QLatin1String("symlink")) {
            QVERIFY(QFile::remove(m_pkg + QStringLiteral("/disk.raw")));
            QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), m_pkg + QStringLiteral("/disk.raw")));
        } else if (kind == QLatin1String("hardlink")) {
            // tar stores the second name of one inode as a hard link to the first.
            QVERIFY(pkg::write(m_pkg + QStringLiteral("/hostile.ovf"),
                          pkg::descriptor(QStringLiteral("hostile"), QStringLiteral("disk.raw"), QStringLiteral("raw"), {QStringLiteral("second.raw")})));
            QVERIFY(pkg::run(QStringLiteral("ln"), {m_pkg + QStringLiteral("/disk.raw"), m_pkg + QStringLiteral("/second.raw")}));
            members << QStringLiteral("second.raw");
        } else if (kind == QLatin1String("fifo") || kind == QLatin1String("device")) {
            // Referenced by the descriptor, so only its type can refuse it.
            QVERIFY(pkg::write(m_pkg + QStringLiteral("/hostile.ovf"),
                               pkg::descriptor(QStringLiteral("hostile"), QStringLiteral("disk.raw"), QStringLiteral("raw"), {QStringLiteral("special")})));
            const QByteArray special = QFile::encodeName(m_pkg + QStringLiteral("/special"));
            if (kind == QLatin1String("fifo")) {
                QVERIFY(::mkfifo(special.constData(), 0600) == 0);
            } else {
                if (::geteuid() != 0)
                    QSKIP("making a device node needs root");
                QVERIFY(::mknod(special.constData(), S_IFCHR | 0600, makedev(1, 3)) == 0); // like /dev/null
            }
            members << QStringLiteral("special");
        } else if (kind == QLatin1String("extra")) {
            QVERIFY(pkg::write(m_pkg + QStringLiteral("/notes.txt"), "hello"));
            members << QStringLiteral("notes.txt");
        } else if (kind == QLatin1String("manifest") || kind == QLatin1String("manifest-ovf")) {
            QVERIFY(pkg::write(m_pkg + QStringLiteral("/hostile.mf"), pkg::manifest(m_pkg, members)));
            if (kind == QLatin1String("manifest")) {
                QFile disk(m_pkg + QStringLiteral("/disk.raw"));
                QVERIFY(disk.open(QIODevice::ReadWrite));
                disk.seek(1024);
                disk.write("changed");
            } else {
                QFile ovf(m_pkg + QStringLiteral("/hostile.ovf"));
                QVERIFY(ovf.open(QIODevice::Append));
                ovf.write("<!-- changed -->\n");
            }
            members << QStringLiteral("hostile.mf");
        } else if (kind == QLatin1String("missing")) {
            members.removeLast();
        } else if (kind == QLatin1String("big")) {
            maximum = 1024 * 1024;
        } else if (kind == QLatin1String("backing")) {
            // A qcow2 whose backing file is a host file: converting it would copy that file in.
            QVERIFY(pkg::write(m_pkg + QStringLiteral("/hostile.ovf"), pkg::descriptor(QStringLiteral("hostile"), QStringLiteral("disk.qcow2"), QStringLiteral("qcow2"))));
            QVERIFY(pkg::run(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                                                     QStringLiteral("-F"), QStringLiteral("raw"), QStringLiteral("-b"),
                                                     m_pkg + QStringLiteral("/disk.raw"), m_pkg + QStringLiteral("/disk.qcow2")}));
            members = QStringList{QStringLiteral("hostile.ovf"), QStringLiteral("disk.qcow2")};
        } else if (kind == QLatin1String("datafile")) {
            // A qcow2 whose data lives in a host file.
            QVERIFY(pkg::write(m_pkg + QStringLiteral("/hostile.ovf"), pkg::descriptor(QStringLiteral("hostile"), QStringLiteral("disk.qcow2"), QStringLiteral("qcow2"))));
            QVERIFY(pkg::run(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                                                          QStringLiteral("-o"), QStringLiteral("data_file=%1,data_file_raw=on").arg(m_work.filePath(QStringLiteral("host.raw"))),
                                                          m_pkg + QStringLiteral("/disk.qcow2"), QStringLiteral("4M")}));
            members = QStringList{QStringLiteral("hostile.ovf"), QStringLiteral("disk.qcow2")};
        } else if (kind == QLatin1String("extent")) {
            // A vmdk descriptor whose extent is a host file.
            QVERIFY(pkg::write(m_pkg + QStringLiteral("/hostile.ovf"), pkg::descriptor(QStringLiteral("hostile"), QStringLiteral("disk.vmdk"), QStringLiteral("vmdk"))));
            QVERIFY(pkg::write(m_work.filePath(QStringLiteral("host.raw")), QByteArray(1024 * 1024, 's')));
            QVERIFY(pkg::write(m_pkg + QStringLiteral("/disk.vmdk"),
                               "# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\ncreateType=\"monolithicFlat\"\n\n"
                               "RW 2048 FLAT \"" + m_work.filePath(QStringLiteral("host.raw")).toUtf8() + "\" 0\n\n"
                               "ddb.virtualHWVersion = \"4\"\nddb.geometry.cylinders = \"2\"\nddb.geometry.heads = \"16\"\n"
                               "ddb.geometry.sectors = \"63\"\nddb.adapterType = \"ide\"\n"));
            members = QStringList{QStringLiteral("hostile.ovf"), QStringLiteral("disk.vmdk")};
        }
        if (kind == QLatin1String("garbage"))
            QVERIFY(pkg::write(ova, QByteArray(4096, 'z')));
        else
            QVERIFY(pkg::makeOva(ova, m_pkg, members));

        ApplianceImporter importer(m_imports);
        if (maximum)
            importer.setMaximumBytes(maximum);
        const ApplianceImporter::Result result = importer.import(ova);
        QVERIFY(!result.ok);
        QVERIFY(!result.contractRejected);
        QVERIFY2(result.error.contains(expected), qPrintable(result.error));
        // Nothing half-imported, nothing written outside.
        QVERIFY2(importsEntries().isEmpty() || importsEntries() == QStringList{QStringLiteral("hostile.importing.lock")},
                 qPrintable(importsEntries().join(QLatin1Char(','))));
        QVERIFY(!QFileInfo::exists(m_imports + QStringLiteral("/x")));
    }

    // A folder import checks each file once and then must use that very file: a file swapped
    // for a link to a host file after the check must never be what is converted (issue 14, item 6).
    // The swap happens in the importer's own progress signal, emitted synchronously on this
    // thread: deterministic, no timing.
    void folderImportReadsOnlyWhatWasChecked_data()
    {
        QTest::addColumn<bool>("withManifest");
        QTest::addColumn<QString>("swapAt"); // the first progress stage that starts with this
        QTest::newRow("no manifest, swapped right after the check") << false << QString();
        QTest::newRow("manifest, swapped just before converting") << true << QStringLiteral("Converting");
    }

    void folderImportReadsOnlyWhatWasChecked()
    {
        QFETCH(bool, withManifest);
        QFETCH(QString, swapAt);
        const QString disk = m_pkg + QStringLiteral("/disk.raw");
        const QString original = m_work.filePath(QStringLiteral("original.raw"));
        const QString secret = m_work.filePath(QStringLiteral("secret.raw"));
        QVERIFY(pkg::makeRawDisk(disk, 8, true));
        QVERIFY(QFile::copy(disk, original));
        QVERIFY(pkg::write(secret, QByteArray("SECRET-HOST-FILE") + QByteArray(8 * 1024 * 1024 - 16, 's')));
        QVERIFY(pkg::write(m_pkg + QStringLiteral("/app.ovf"), pkg::descriptor(QStringLiteral("raced"), QStringLiteral("disk.raw"), QStringLiteral("raw"))));
        if (withManifest)
            QVERIFY(pkg::write(m_pkg + QStringLiteral("/app.mf"), pkg::manifest(m_pkg, {QStringLiteral("app.ovf"), QStringLiteral("disk.raw")})));

        ApplianceImporter importer(m_imports);
        bool swapped = false;
        connect(&importer, &ApplianceImporter::progress, this, [&](int percent, const QString &stage) {
            if (swapped || percent == 0 || !stage.startsWith(swapAt))
                return;
            swapped = QFile::remove(disk) && QFile::link(secret, disk);
        });
        const ApplianceImporter::Result result = importer.import(m_pkg + QStringLiteral("/app.ovf"));
        QVERIFY(swapped);
        QVERIFY2(result.ok, qPrintable(result.error));
        const QString base = m_imports + QStringLiteral("/raced/current/base.qcow2");
        QVERIFY2(pkg::run(QStringLiteral("qemu-img"), {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("raw"),
                                                     QStringLiteral("-F"), QStringLiteral("qcow2"), original, base}),
                 "the imported disk is not the disk that was checked");
        QVERIFY(QFile::exists(secret));
    }

    // The OVA itself replaced after it was listed and checked: the import goes on reading the
    // archive it opened, so the size limit and member checks hold for what is converted.
    void ovaReplacedAfterTheCheckIsNotRead()
    {
        const QString ova = makeSampleOva(QStringLiteral("443"), false);
        QVERIFY(!ova.isEmpty());
        const QString original = m_work.filePath(QStringLiteral("original.raw"));
        QVERIFY(QFile::copy(m_pkg + QStringLiteral("/disk.raw"), original));
        // Another archive of the same name with another disk, twice the limit.
        QVERIFY(QFile::remove(m_pkg + QStringLiteral("/disk.raw")));
        QVERIFY(pkg::makeRawDisk(m_pkg + QStringLiteral("/disk.raw"), 32, true));
        const QString other = m_work.filePath(QStringLiteral("other.ova"));
        QVERIFY(pkg::makeOva(other, m_pkg, {QStringLiteral("sample.ovf"), QStringLiteral("disk.raw")}));

        ApplianceImporter importer(m_imports);
        importer.setMaximumBytes(16 * 1024 * 1024);
        bool swapped = false;
        connect(&importer, &ApplianceImporter::progress, this, [&](int percent) {
            if (!swapped && percent > 0)
                swapped = ::rename(QFile::encodeName(other).constData(), QFile::encodeName(ova).constData()) == 0;
        });
        const ApplianceImporter::Result result = importer.import(ova);
        QVERIFY(swapped);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY2(pkg::run(QStringLiteral("qemu-img"), {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("raw"),
                                                     QStringLiteral("-F"), QStringLiteral("qcow2"), original,
                                                     m_imports + QStringLiteral("/sample/current/base.qcow2")}),
                 "the imported disk is not the one in the archive that was checked");
        QCOMPARE(qemuImgInfo(m_imports + QStringLiteral("/sample/current/base.qcow2"), QStringLiteral("virtual-size")),
                 QString::number(8 * 1024 * 1024));
    }

    // An owner name with a space once shifted `tar -tv`'s columns, so the size read as 0 and the
    // limit was never hit. The archive's headers are now read with libarchive.
    void ownerNameWithASpaceStillHitsTheSizeLimit()
    {
        QVERIFY(pkg::makeRawDisk(m_pkg + QStringLiteral("/disk.raw"), 4));
        QVERIFY(pkg::write(m_pkg + QStringLiteral("/spaced.ovf"), pkg::descriptor(QStringLiteral("spaced"), QStringLiteral("disk.raw"), QStringLiteral("raw"))));
        const QString ova = m_work.filePath(QStringLiteral("spaced.ova"));
        QVERIFY(pkg::run(QStringLiteral("tar"), {QStringLiteral("--create"), QStringLiteral("--format=ustar"), QStringLiteral("--owner=evil user:0"),
                                                QStringLiteral("--group=evil group:0"), QStringLiteral("--file"), ova, QStringLiteral("--"),
                                                QStringLiteral("spaced.ovf"), QStringLiteral("disk.raw")},
                         m_pkg));
        ApplianceImporter importer(m_imports);
        importer.setMaximumBytes(1024 * 1024);
        const ApplianceImporter::Result result = importer.import(ova);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QLatin1String("more than")), qPrintable(result.error));
        QVERIFY2(importsEntries().isEmpty() || importsEntries() == QStringList{QStringLiteral("spaced.importing.lock")},
                 qPrintable(importsEntries().join(QLatin1Char(','))));
    }

    void refusesANameClashAndKeepsTheFirst()
    {
        const QString ova = makeSampleOva();
        ApplianceImporter importer(m_imports);
        QVERIFY(importer.import(ova).ok);
        const QByteArray before = pkg::sha256File(m_imports + QStringLiteral("/sample/current/appliance.ovf"));
        const ApplianceImporter::Result again = importer.import(ova);
        QVERIFY(!again.ok);
        QVERIFY2(again.error.contains(QStringLiteral("already an appliance called “sample”")), qPrintable(again.error));
        QCOMPARE(pkg::sha256File(m_imports + QStringLiteral("/sample/current/appliance.ovf")), before);

        // Built appliances' names are taken too.
        QVERIFY(QDir().mkpath(m_work.filePath(QStringLiteral("cache/appliances/terminal"))));
        ApplianceImporter second(m_imports);
        second.setBuiltAppliancesDir(m_work.filePath(QStringLiteral("cache/appliances")));
        const ApplianceImporter::Result clash = second.import(ova, QStringLiteral("terminal"));
        QVERIFY(!clash.ok);
        QVERIFY(clash.error.contains(QLatin1String("terminal")));
        QVERIFY(!QFileInfo::exists(m_imports + QStringLiteral("/terminal")));
    }

    void refusesBadNames()
    {
        const QString ova = makeSampleOva();
        ApplianceImporter importer(m_imports);
        for (const QString &name : {QStringLiteral("../evil"), QStringLiteral("Upper"), QStringLiteral("a/b"), QString(40, QLatin1Char('a'))}) {
            const ApplianceImporter::Result result = importer.import(ova, name);
            QVERIFY(!result.ok);
            QVERIFY2(result.error.contains(QLatin1String("cannot name an appliance")), qPrintable(result.error));
        }
        QVERIFY(importsEntries().isEmpty());
    }

    void removesOnlyInterruptedImports()
    {
        QVERIFY(QDir().mkpath(m_imports + QStringLiteral("/dead.importing/current")));
        QVERIFY(QDir().mkpath(m_imports + QStringLiteral("/alive.importing/current")));
        QVERIFY(pkg::write(m_imports + QStringLiteral("/dead.importing/current/base.qcow2"), "half"));
        QVERIFY(pkg::write(m_imports + QStringLiteral("/alive.importing/current/appliance.ovf"), "x"));
        QVERIFY(pkg::write(m_imports + QStringLiteral("/alive.importing/current/base.qcow2"), "x"));
        // An import in progress holds its lock.
        QLockFile alive(m_imports + QStringLiteral("/alive.importing.lock"));
        QVERIFY(alive.tryLock(0));
        // The catalog never lists an import in progress.
        QVERIFY(ApplianceCatalog::scan(m_imports).isEmpty());
        QCOMPARE(ApplianceImporter::removeInterrupted(m_imports), 1);
        QVERIFY(!QFileInfo::exists(m_imports + QStringLiteral("/dead.importing")));
        QVERIFY(QFileInfo::exists(m_imports + QStringLiteral("/alive.importing/current/base.qcow2")));
    }

    void cancelLeavesNothing()
    {
        const QString ova = makeSampleOva();
        ApplianceImporter importer(m_imports);
        connect(&importer, &ApplianceImporter::progress, &importer, [&](int percent) {
            if (percent >= 5)
                importer.cancel();
        });
        const ApplianceImporter::Result result = importer.import(ova);
        QVERIFY(!result.ok);
        QVERIFY(!QFileInfo::exists(m_imports + QStringLiteral("/sample")));
        QVERIFY(!QFileInfo::exists(m_imports + QStringLiteral("/sample.importing")));
    }
};

QTEST_GUILESS_MAIN(TestApplianceImporter)
#include "tst_applianceimporter.moc"
