#include "domainxmlbuilder.h"
#include "remotedisks.h"
#include "remotelaunchjob.h"
#include "sshtunnel.h"

#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <libvirt/libvirt.h>

#include <cstdlib>

/// The logic of launching on another host that needs no host: ssh's arguments from the libvirt
/// URI, the domain spec for the host, the SPICE socket from live XML, copy names, the clean-up of
/// outdated copies (on libvirt's test driver). The launch
/// itself is proven on a real VM by tests/e2e/tst_connections_e2e launchesOnTheOtherHost.
class TestRemoteLaunch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tunnelLogsInAsLibvirtDoes()
    {
        const SshTunnel tunnel(QStringLiteral("qemu+ssh://alice@lab.example:2222/system?keyfile=/home/a/.ssh/lab&no_tty=1&command=/opt/ssh"),
                               QStringLiteral("/run/t/terminal.ssh"));
        QVERIFY(tunnel.isValid());
        QVERIFY(tunnel.problem().isEmpty());
        QCOMPARE(tunnel.program(), QStringLiteral("/opt/ssh"));
        const QStringList arguments = tunnel.loginArguments();
        const auto follows = [&arguments](const QString &option, const QString &value) {
            const qsizetype at = arguments.indexOf(option);
            return at >= 0 && arguments.value(at + 1) == value;
        };
        QVERIFY(follows(QStringLiteral("-p"), QStringLiteral("2222")));
        QVERIFY(follows(QStringLiteral("-l"), QStringLiteral("alice")));
        QVERIFY(follows(QStringLiteral("-i"), QStringLiteral("/home/a/.ssh/lab")));
        QVERIFY(arguments.contains(QStringLiteral("BatchMode=yes")));
        QVERIFY(arguments.contains(QStringLiteral("ControlPath=/run/t/terminal.ssh")));
        // Host-key checking is the user's ssh configuration's business: never switched off here.
        QVERIFY(!arguments.join(QLatin1Char(' ')).contains(QLatin1String("StrictHostKeyChecking")));

        const SshTunnel plain(QStringLiteral("qemu+ssh://lab/system"), QStringLiteral("/run/t/x.ssh"));
        QVERIFY(plain.isValid());
        QCOMPARE(plain.program(), QStringLiteral("ssh"));
        QVERIFY(!plain.loginArguments().contains(QStringLiteral("-p")));
        QVERIFY(!plain.loginArguments().contains(QStringLiteral("-l")));
        const SshTunnel libssh(QStringLiteral("qemu+libssh://bob@lab/system?known_hosts=/k"), QStringLiteral("/run/t/x.ssh"));
        QVERIFY(libssh.loginArguments().contains(QStringLiteral("UserKnownHostsFile=/k")));
    }

    void tunnelNeedsSsh_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::newRow("tls") << QStringLiteral("qemu+tls://lab/system");
        QTest::newRow("local") << QStringLiteral("qemu:///system");
        QTest::newRow("embedded") << QStringLiteral("qemu:///embed?root=/x");
        QTest::newRow("no host") << QStringLiteral("qemu+ssh:///system");
    }
    void tunnelNeedsSsh()
    {
        QFETCH(QString, uri);
        const SshTunnel tunnel(uri, QStringLiteral("/run/t/x.ssh"));
        QVERIFY(!tunnel.isValid());
        QVERIFY(tunnel.problem().contains(QLatin1String("qemu+ssh")));
        QVERIFY(tunnel.open({}).isError());
        QVERIFY(!tunnel.isOpen());
    }

    void forwardsAreSpelledForSsh()
    {
        const SshTunnel::Forward display{SshTunnel::Forward::LocalToRemote, QStringLiteral("/run/t/terminal.spice"),
                                         QStringLiteral("/var/lib/libvirt/qemu/domain-3-tessera-terminal/spice.sock")};
        QCOMPARE(display.argument(), QStringLiteral("/run/t/terminal.spice:/var/lib/libvirt/qemu/domain-3-tessera-terminal/spice.sock"));
        const SshTunnel::Forward port{SshTunnel::Forward::LocalToRemote, QStringLiteral("127.0.0.1:8080"), QStringLiteral("127.0.0.1:8080")};
        QCOMPARE(port.argument(), QStringLiteral("127.0.0.1:8080:127.0.0.1:8080"));
    }

    void specOnHostHasHostPathsOnly()
    {
        DomainSpec local;
        local.name = QStringLiteral("tessera-terminal");
        local.kernel = QStringLiteral("/home/me/.cache/tessera/appliances/terminal/x/vmlinuz");
        local.systemDisk = QStringLiteral("/home/me/.local/share/tessera/instances/terminal/system.qcow2");
        local.spiceSocket = QStringLiteral("/run/user/1000/tessera/x/terminal.spice");
        local.consoleLog = QStringLiteral("/home/me/.local/share/tessera/instances/terminal/console.log");
        local.network.enabled = true;
        local.network.gatewaySocket = QStringLiteral("/run/user/1000/tessera/x/terminal.gateway");
        local.sharedFolders.append({QStringLiteral("tstore0"), QStringLiteral("/home/me/Tessera/Documents"), QStringLiteral("/home/user/Documents")});
        RemoteDisks::Placed placed;
        placed.systemDisk = QStringLiteral("/var/lib/libvirt/images/tessera/terminal-system.qcow2");
        placed.kernel = QStringLiteral("/var/lib/libvirt/images/tessera/terminal-abc-vmlinuz");
        placed.toolsDisk = QStringLiteral("/var/lib/libvirt/images/tessera/tools-abc-tools.img");
        const DomainSpec host = RemoteLaunchJob::specOnHost(local, placed, QStringLiteral("/tmp/tessera-1234.gateway"));
        const QString xml = DomainXmlBuilder::build(host);
        QVERIFY(!xml.contains(QLatin1String("/home/me")));
        QVERIFY(!xml.contains(QLatin1String("/run/user")));
        QVERIFY(!xml.contains(QLatin1String("<filesystem")));
        QVERIFY(!xml.contains(QLatin1String("<serial")));
        // QEMU reconnects to the forward there, which a new ssh master can bring back.
        QVERIFY2(xml.contains(QLatin1String("unix:/tmp/tessera-1234.gateway,,reconnect=2")), qPrintable(xml));
        QVERIFY(!DomainXmlBuilder::build(local).contains(QLatin1String("reconnect")));
        QVERIFY(xml.contains(placed.systemDisk));
        QVERIFY(xml.contains(placed.toolsDisk));
        QVERIFY(xml.contains(QLatin1String("<listen type=\"socket\"/>")));

        DomainSpec offline = local;
        offline.network = {};
        QVERIFY(!DomainXmlBuilder::build(RemoteLaunchJob::specOnHost(offline, placed, QStringLiteral("/tmp/g"))).contains(QLatin1String("/tmp/g")));
    }

    void gatewaySocketFromLiveXml()
    {
        DomainSpec local;
        local.name = QStringLiteral("tessera-terminal");
        local.network.enabled = true;
        local.network.gatewaySocket = QStringLiteral("/run/user/1000/tessera/x/terminal.gateway");
        const QString made = QStringLiteral("/tmp/tessera-0123456789abcdef0123456789abcdef.gateway");
        const QString xml = DomainXmlBuilder::build(RemoteLaunchJob::specOnHost(local, {}, made));
        QCOMPARE(RemoteLaunchJob::gatewaySocketOf(xml), made);
        // Only names launch() makes: the path goes into a command on the host.
        for (const QString &other : {QStringLiteral("/tmp/tessera-1234.gateway"), QStringLiteral("/tmp/tessera-0123456789abcdef0123456789abcdef.gateway;reboot"),
                                     QStringLiteral("/etc/passwd")}) {
            QVERIFY2(RemoteLaunchJob::gatewaySocketOf(DomainXmlBuilder::build(RemoteLaunchJob::specOnHost(local, {}, other))).isEmpty(), qPrintable(other));
        }
        QCOMPARE(RemoteLaunchJob::gatewaySocketOf(DomainXmlBuilder::build(local)), QString()); // a local launch
        QCOMPARE(RemoteLaunchJob::gatewaySocketOf(QStringLiteral("<not xml")), QString());
    }

    void removingAFileThereTakesPlainPathsOnly()
    {
        const SshTunnel tunnel(QStringLiteral("qemu+ssh://root@127.0.0.1:1/system?keyfile=/nonexistent"), QStringLiteral("/tmp/x.ssh"));
        QVERIFY(tunnel.isValid());
        for (const QString &path : {QStringLiteral("relative"), QStringLiteral("/tmp/a b"), QStringLiteral("/tmp/$(reboot)"),
                                    QStringLiteral("/tmp/../etc/passwd"), QStringLiteral("/tmp/a;b"), QString()}) {
            const VmError error = tunnel.removeRemoteFile(path, 1000);
            QVERIFY2(error.isError() && error.message().startsWith(QLatin1String("not a plain path")), qPrintable(path));
        }
    }

    void spiceSocketFromLiveXml()
    {
        const QString live = QStringLiteral(
            "<domain><devices><graphics type='vnc'><listen type='socket' socket='/wrong'/></graphics>"
            "<graphics type='spice'><listen type='socket' socket='/var/lib/libvirt/qemu/domain-1-t/spice.sock'/></graphics>"
            "</devices></domain>");
        QCOMPARE(RemoteLaunchJob::spiceSocketOf(live), QStringLiteral("/var/lib/libvirt/qemu/domain-1-t/spice.sock"));
        QCOMPARE(RemoteLaunchJob::spiceSocketOf(QStringLiteral("<domain><devices/></domain>")), QString());
        QCOMPARE(RemoteLaunchJob::spiceSocketOf(QStringLiteral("<not xml")), QString());
    }

    void copiesAreNamedAfterWhatTheyHold()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("base.qcow2"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("one");
        file.close();
        const QString first = RemoteDisks::volumeNameFor(QStringLiteral("terminal"), path);
        QVERIFY(first.startsWith(QLatin1String("terminal-")));
        QVERIFY(first.endsWith(QLatin1String("-base.qcow2")));
        QCOMPARE(RemoteDisks::volumeNameFor(QStringLiteral("terminal"), path), first);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("rebuilt");
        file.close();
        QVERIFY(RemoteDisks::volumeNameFor(QStringLiteral("terminal"), path) != first);
        QCOMPARE(RemoteDisks::overlayName(QStringLiteral("terminal")), QStringLiteral("terminal-system.qcow2"));
    }

    void outdatedCopiesAreDeletedUnlessSomethingStandsOnThem()
    {
        // libvirt's test driver keeps volumes in memory: a pool "tessera" as on a real host.
        virConnectPtr connection = virConnectOpen("test:///default");
        QVERIFY(connection);
        const auto closeConnection = qScopeGuard([connection] { virConnectClose(connection); });
        const QByteArray poolXml = QStringLiteral("<pool type='dir'><name>%1</name><target><path>%2</path></target></pool>")
                                       .arg(QLatin1String(RemoteDisks::PoolName), QLatin1String(RemoteDisks::PoolPath)).toUtf8();
        virStoragePoolPtr pool = virStoragePoolCreateXML(connection, poolXml.constData(), 0);
        QVERIFY(pool);
        const auto freePool = qScopeGuard([pool] { virStoragePoolDestroy(pool); virStoragePoolFree(pool); });
        const auto make = [pool](const QString &name, const QString &backing = {}) {
            const QString backingXml = backing.isEmpty() ? QString()
                : QStringLiteral("<backingStore><path>%1</path><format type='qcow2'/></backingStore>").arg(backing);
            const QByteArray xml = QStringLiteral("<volume><name>%1</name><capacity>1048576</capacity>%2</volume>").arg(name, backingXml).toUtf8();
            virStorageVolPtr volume = virStorageVolCreateXML(pool, xml.constData(), 0);
            if (!volume)
                return QString();
            char *path = virStorageVolGetPath(volume);
            const QString result = QString::fromUtf8(path);
            std::free(path);
            virStorageVolFree(volume);
            return result;
        };
        const auto names = [pool] {
            QStringList result;
            virStorageVolPtr *list = nullptr;
            const int count = virStoragePoolListAllVolumes(pool, &list, 0);
            for (int i = 0; i < count; ++i) {
                result.append(QString::fromUtf8(virStorageVolGetName(list[i])));
                virStorageVolFree(list[i]);
            }
            std::free(list);
            result.sort();
            return result;
        };
        RemoteDisks::Placed placed;
        placed.baseDisk = make(QStringLiteral("terminal-bbbbbbbbbbbb-base.qcow2"));
        placed.kernel = make(QStringLiteral("terminal-bbbbbbbbbbbb-vmlinuz"));
        placed.toolsDisk = make(QStringLiteral("tools-bbbbbbbbbbbb-tools.img"));
        QVERIFY(!placed.baseDisk.isEmpty() && !placed.kernel.isEmpty());
        const QString oldBase = make(QStringLiteral("terminal-aaaaaaaaaaaa-base.qcow2"));
        make(QStringLiteral("terminal-aaaaaaaaaaaa-vmlinuz"));
        make(QStringLiteral("tools-aaaaaaaaaaaa-tools.img"));                 // shared: left alone
        make(QStringLiteral("editor-aaaaaaaaaaaa-base.qcow2"));               // another appliance
        make(QStringLiteral("terminal-extra-aaaaaaaaaaaa-base.qcow2"));      // another appliance
        make(QStringLiteral("terminal-system.qcow2"), oldBase);                // a kept overlay on the old base
        placed.systemDisk = make(QStringLiteral("other-system.qcow2"), placed.baseDisk);

        QStringList removed = RemoteDisks::removeOutdatedCopies(connection, QStringLiteral("terminal"), placed);
        QCOMPARE(removed, QStringList{QStringLiteral("terminal-aaaaaaaaaaaa-vmlinuz")});
        QVERIFY(names().contains(QStringLiteral("terminal-aaaaaaaaaaaa-base.qcow2")));

        // Once the kept overlay is gone (a fresh launch), its base goes too.
        virStorageVolPtr kept = virStorageVolLookupByName(pool, "terminal-system.qcow2");
        QVERIFY(kept);
        QCOMPARE(virStorageVolDelete(kept, 0), 0);
        virStorageVolFree(kept);
        removed = RemoteDisks::removeOutdatedCopies(connection, QStringLiteral("terminal"), placed);
        QCOMPARE(removed, QStringList{QStringLiteral("terminal-aaaaaaaaaaaa-base.qcow2")});
        QCOMPARE(names(), (QStringList{QStringLiteral("editor-aaaaaaaaaaaa-base.qcow2"), QStringLiteral("other-system.qcow2"),
                                       QStringLiteral("terminal-bbbbbbbbbbbb-base.qcow2"), QStringLiteral("terminal-bbbbbbbbbbbb-vmlinuz"),
                                       QStringLiteral("terminal-extra-aaaaaaaaaaaa-base.qcow2"), QStringLiteral("tools-aaaaaaaaaaaa-tools.img"),
                                       QStringLiteral("tools-bbbbbbbbbbbb-tools.img")}));
        // Nothing more to do the second time.
        QVERIFY(RemoteDisks::removeOutdatedCopies(connection, QStringLiteral("terminal"), placed).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRemoteLaunch)
#include "tst_remotelaunch.moc"
