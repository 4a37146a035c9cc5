#include "overlaydisk.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

int run(const QString &program, const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000))
        return -1;
    if (output)
        *output = process.readAllStandardOutput();
    return process.exitCode();
}

// Writes a pattern into the first sector of @p image through QEMU's own I/O tool.
bool writePattern(const QString &image)
{
    return run(QStringLiteral("qemu-io"), {QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-c"),
                                           QStringLiteral("write -P 0xab 0 512"), image}) == 0;
}

bool hasPattern(const QString &image)
{
    return run(QStringLiteral("qemu-io"), {QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-r"), QStringLiteral("-c"),
                                           QStringLiteral("read -P 0xab 0 512"), image}) == 0;
}

} // namespace

class TestOverlayDisk : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_base;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_base = m_dir.filePath(QStringLiteral("base.qcow2"));
        QCOMPARE(run(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                                                  QStringLiteral("qcow2"), m_base, QStringLiteral("8M")}), 0);
        QVERIFY(QFile::setPermissions(m_base, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    }

    void ensureCreatesOverlayOnBase()
    {
        const QString overlay = m_dir.filePath(QStringLiteral("a/system.qcow2"));
        OverlayDisk disk(m_base, overlay);
        QVERIFY(!disk.exists());
        QVERIFY(!disk.ensure().isError());
        QVERIFY(disk.exists());
        QCOMPARE(disk.backingFile(), m_base);
    }

    void ensureKeepsChangesResetDiscardsThem()
    {
        const QString overlay = m_dir.filePath(QStringLiteral("b/system.qcow2"));
        OverlayDisk disk(m_base, overlay);
        QVERIFY(!disk.ensure().isError());
        QVERIFY(writePattern(overlay));
        QVERIFY(!disk.ensure().isError());
        QVERIFY(hasPattern(overlay));
        QVERIFY(!disk.reset().isError());
        QVERIFY(!hasPattern(overlay));
        QVERIFY(!hasPattern(m_base)); // the base was never written
    }

    void ensureRemovesInterruptedReset()
    {
        const QString overlay = m_dir.filePath(QStringLiteral("c/system.qcow2"));
        OverlayDisk disk(m_base, overlay);
        QVERIFY(!disk.ensure().isError());
        QVERIFY(writePattern(overlay));
        // A crash during reset leaves a staged file and the old overlay intact.
        QFile staged(overlay + QStringLiteral(".new"));
        QVERIFY(staged.open(QIODevice::WriteOnly));
        staged.write("partial");
        staged.close();
        QVERIFY(!disk.ensure().isError());
        QVERIFY(!QFileInfo::exists(overlay + QStringLiteral(".new")));
        QVERIFY(hasPattern(overlay));
    }

    void ensureReplacesOverlayOfAnotherBase()
    {
        const QString overlay = m_dir.filePath(QStringLiteral("e/system.qcow2"));
        QVERIFY(!OverlayDisk(m_base, overlay).ensure().isError());
        QVERIFY(writePattern(overlay));
        const QString rebuilt = m_dir.filePath(QStringLiteral("rebuilt.qcow2"));
        QCOMPARE(run(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
                                                  QStringLiteral("qcow2"), rebuilt, QStringLiteral("8M")}), 0);
        OverlayDisk disk(rebuilt, overlay);
        QVERIFY(!disk.ensure().isError());
        QCOMPARE(disk.backingFile(), rebuilt);
        QVERIFY(!hasPattern(overlay));
    }

    void missingBaseIsAnActionableError()
    {
        OverlayDisk disk(m_dir.filePath(QStringLiteral("nope.qcow2")), m_dir.filePath(QStringLiteral("d/system.qcow2")));
        const VmError error = disk.reset();
        QCOMPARE(error.kind(), VmError::ImageMissing);
        QVERIFY(error.message().contains(QLatin1String("scripts/setup")));
    }
};

QTEST_GUILESS_MAIN(TestOverlayDisk)
#include "tst_overlaydisk.moc"
