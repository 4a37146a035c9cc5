// tessera-gateway: the egress gateway of one appliance (docs/gateway-protocol.md). Started by
// the launch job with a listening socket and a policy file; exits when QEMU's connection ends,
// or when QEMU never connects.
#include "gatewaylog.h"
#include "gatewaypolicy.h"
#include "gatewayserver.h"
#include "privatedirectory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTimer>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace {

// A daemon lives as long as its VM: descriptors it inherited by accident (a test runner's
// lock file, a launcher's pipes) must not live that long. Only 0-2 and the listening socket
// stay. Before Qt starts, which opens descriptors of its own.
void closeInheritedDescriptors(int argc, char *argv[])
{
    int keep = -1;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--socket-fd") == 0 && i + 1 < argc)
            keep = std::atoi(argv[i + 1]);
        else if (std::strncmp(argv[i], "--socket-fd=", 12) == 0)
            keep = std::atoi(argv[i] + 12);
    }
    if (keep > 3)
        ::close_range(3, unsigned(keep - 1), 0);
    ::close_range(keep >= 3 ? unsigned(keep + 1) : 3u, ~0u, 0);
}

} // namespace

int main(int argc, char *argv[])
{
    closeInheritedDescriptors(argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tessera-gateway"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Egress gateway of one Tessera appliance"));
    parser.addHelpOption();
    const QCommandLineOption policyOption(QStringLiteral("policy"), QStringLiteral("Policy file (JSON)."), QStringLiteral("file"));
    const QCommandLineOption socketOption(QStringLiteral("socket"), QStringLiteral("Unix socket to listen on."), QStringLiteral("path"));
    const QCommandLineOption fdOption(QStringLiteral("socket-fd"), QStringLiteral("Listening unix socket to serve."), QStringLiteral("fd"));
    const QCommandLineOption pidOption(QStringLiteral("pid-file"), QStringLiteral("Where to write the process id."), QStringLiteral("file"));
    const QCommandLineOption deadlineOption(QStringLiteral("connect-deadline"), QStringLiteral("Seconds to wait for QEMU (default 300)."),
                                            QStringLiteral("seconds"), QStringLiteral("300"));
    parser.addOptions({policyOption, socketOption, fdOption, pidOption, deadlineOption});
    parser.process(app);

    GatewayPolicy policy;
    QString error;
    if (!GatewayPolicy::load(parser.value(policyOption), &policy, &error)) {
        qCCritical(lcGateway) << "cannot read the policy" << parser.value(policyOption) << error;
        return 2;
    }
    // The pid file goes only into a private folder, never through a link someone planted.
    const QFileInfo pidPath(parser.value(pidOption));
    const PrivateDirectory pidDir = parser.isSet(pidOption)
        ? PrivateDirectory::open(pidPath.absolutePath(), PrivateDirectory::Creation::OpenExisting)
        : PrivateDirectory();
    if (parser.isSet(pidOption) && !pidDir.isValid()) {
        qCCritical(lcGateway) << "cannot write the pid file" << pidPath.filePath() << pidDir.errorString();
        return 2;
    }
    GatewayServer server(policy);
    const bool listening = parser.isSet(fdOption) ? server.listen(qintptr(parser.value(fdOption).toLongLong()))
                                                  : server.listen(parser.value(socketOption));
    if (!listening) {
        qCCritical(lcGateway) << "cannot listen:" << server.errorString();
        return 2;
    }
    if (parser.isSet(pidOption)
        && !pidDir.writeFile(pidPath.fileName(), QByteArray::number(QCoreApplication::applicationPid()) + '\n', &error)) {
        qCCritical(lcGateway) << "cannot write the pid file:" << error;
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN);
    QObject::connect(&server, &GatewayServer::linkClosed, &app, [] { QCoreApplication::exit(0); });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&server, &GatewayServer::linkOpened, &deadline, &QTimer::stop);
    QObject::connect(&deadline, &QTimer::timeout, &app, [] {
        qCWarning(lcGateway) << "QEMU never connected; exiting";
        QCoreApplication::exit(1);
    });
    deadline.start(parser.value(deadlineOption).toInt() * 1000);
    // Ready: tests and people running it by hand wait for this line.
    std::fputs("ready\n", stdout);
    std::fflush(stdout);
    return app.exec();
}
