#include "tesserapaths.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

/// Where sockets go: two shells with different data folders must never share
/// a runtime folder, or the second one's gateway replaces the first one's.
class TestTesseraPaths : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
    }

    void runtimeDirIsKeyedByDataDir()
    {
        qputenv("TESSERA_DATA_DIR", "/var/tmp/first-shell");
        const QString first = TesseraPaths::runtimeDir();
        QCOMPARE(TesseraPaths::runtimeDir(), first);

        qputenv("TESSERA_DATA_DIR", "/var/tmp/first-shell/");
        QCOMPARE(TesseraPaths::runtimeDir(), first);

        qputenv("TESSERA_DATA_DIR", "/var/tmp/second-shell");
        const QString second = TesseraPaths::runtimeDir();
        QVERIFY2(first != second, qPrintable(first));
        QVERIFY(first.startsWith(m_runtime.path() + QStringLiteral("/tessera/")));
        QVERIFY(second.startsWith(m_runtime.path() + QStringLiteral("/tessera/")));
    }

    void runtimeDirIsPrivate()
    {
        qputenv("TESSERA_DATA_DIR", "/var/tmp/private-shell");
        const QFileInfo dir(TesseraPaths::runtimeDir());
        const QFileInfo base(dir.absolutePath());
        const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
        const QFile::Permissions anyGroupOrOther = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                                                   | QFile::WriteOther | QFile::ExeOther;
        QVERIFY(dir.isDir());
        QCOMPARE(dir.permissions() & (ownerOnly | anyGroupOrOther), ownerOnly);
        QCOMPARE(base.permissions() & anyGroupOrOther, QFile::Permissions());
    }

    void socketPathsFitSunPath()
    {
        // sockaddr_un.sun_path holds 108 bytes; a typical appliance socket must fit.
        qputenv("TESSERA_DATA_DIR", "/root/.local/share/tessera");
        qunsetenv("XDG_RUNTIME_DIR");
        const QString socket = TesseraPaths::runtimeDir() + QStringLiteral("/a-long-appliance-name.gateway");
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        QVERIFY2(socket.toUtf8().size() < 108, qPrintable(socket));
    }

private:
    QTemporaryDir m_runtime;
};

QTEST_GUILESS_MAIN(TestTesseraPaths)
#include "tst_tesserapaths.moc"
