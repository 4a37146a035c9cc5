// tessera-ctl: the command-line face of Tessera. Thin: parsing and dispatch only.
#include "connectionlist.h"
#include "connectionsettings.h"
#include "contractcommand.h"
#include "ctlcommands.h"
#include "applianceimporter.h"
#include "eventscommand.h"
#include "importcommand.h"
#include "incidentcommand.h"
#include "storecommand.h"
#include "libvirtconnection.h"
#include "tesserapaths.h"
#include "translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QTranslator>
#include <QTimer>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tessera"));
    QCoreApplication::setApplicationName(QStringLiteral("tessera"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
    QTranslator translator;
    installTesseraTranslation(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main",
        "Manage Tessera appliances.\n\nCommands:\n"
        "  list                 list the appliances, their state and, while one\n"
        "                       runs, its ports here (GUEST=127.0.0.1:HOST)\n"
        "  start APPLIANCE      boot an appliance\n"
        "  stop APPLIANCE       shut an appliance down\n"
        "  rollback APPLIANCE [POINT]  discard the changes to an appliance's system\n"
        "                       disk, or go back to a restore point (id, name or base)\n"
        "  points APPLIANCE     list the restore points (keep-changes mode)\n"
        "  point APPLIANCE [NAME]  take a restore point (appliance off)\n"
        "  pin|unpin APPLIANCE POINT  keep a point from being merged away, or not\n"
        "  mode APPLIANCE [fresh|keep]  show or set the launch mode: start clean\n"
        "                       every time (fresh, the default) or keep changes\n"
        "  events [--follow] [--json] [APPLIANCE]  contract breaches seen by\n"
        "                       the shell, with their evidence\n"
        "  history [APPLIANCE] [--since WHEN]  who changed what in your store\n"
        "  undo APPLIANCE --since WHEN [--dry-run] [--take-earlier PATH]...\n"
        "       [--keep-current PATH]... [--overwrite-conflicts]\n"
        "                       undo what an appliance changed in your store\n"
        "  recover APPLIANCE [REASON]  switch off at once, quarantine its system\n"
        "                       changes, restore a clean system\n"
        "  quarantine APPLIANCE [ID [--inspect]]  list quarantines, or what one\n"
        "                       changed (read inside a helper VM)\n"
        "  salvage APPLIANCE ID PATH...  copy files of a quarantined system into\n"
        "                       the personal store (Salvaged/)\n"
        "  purge APPLIANCE ID   delete a quarantine\n"
        "  import PATH [--name NAME]  import an appliance from an .ova archive or\n"
        "                       an .ovf descriptor (refused when its contract is)\n"
        "  contract check FILE...            validate OVF descriptors\n"
        "  contract show [--json] FILE       what an appliance may do\n"
        "  contract compare [--json] A B     which contract is tighter"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption uriOption(QStringLiteral("uri"), QCoreApplication::translate("main", "libvirt connection URI."),
                                       QStringLiteral("uri"));
    parser.addOption(uriOption);
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        QCoreApplication::translate("main", "Run on the other host NAME (added in the shell's Settings → Connections) instead of this computer."),
                                        QStringLiteral("name"));
    parser.addOption(hostOption);
    const QCommandLineOption verboseOption(QStringList{QStringLiteral("verbose")},
                                           QCoreApplication::translate("main", "Also print what Tessera does on the way (its log)."));
    parser.addOption(verboseOption);
    parser.addPositionalArgument(QStringLiteral("command"), QCoreApplication::translate("main", "What to do."));
    // Sub-commands have options of their own (contract show --json).
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.process(app);
    // A command prints its result; Tessera's own log (state changes, libvirt's progress) only
    // when asked. Warnings always show. QT_LOGGING_RULES still overrides both.
    if (!parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("tessera.*.debug=false\ntessera.*.info=false"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        parser.showHelp(2);
    // An import killed half-way leaves DATA/appliances/NAME.importing: gone at the next start.
    ApplianceImporter::removeInterrupted(TesseraPaths::importedAppliancesDir());
    if (positional.constFirst() == QLatin1String("import"))
        return ImportCommand::run(positional.mid(1), out, err);
    // Contracts are files: no hypervisor needed.
    if (positional.constFirst() == QLatin1String("contract"))
        return ContractCommand::run(positional.mid(1), out, err);
    // The store's history is files: no hypervisor needed.
    if (positional.constFirst() == QLatin1String("history"))
        return StoreCommand::history(positional.mid(1), out, err);
    if (positional.constFirst() == QLatin1String("undo"))
        return StoreCommand::undo(positional.mid(1), out, err);
    // Breaches are read from the logs: no hypervisor needed either.
    if (positional.constFirst() == QLatin1String("events")) {
        EventsCommand events(TesseraPaths::logsDir(), out, err);
        const int code = events.run(positional.mid(1));
        return code >= 0 ? code : app.exec();
    }

    QString uri = parser.value(uriOption);
    if (parser.isSet(hostOption)) {
        QSettings stored;
        const QList<ConnectionEntry> hosts = ConnectionList::loadRemote(stored);
        const auto host = std::find_if(hosts.cbegin(), hosts.cend(), [&](const ConnectionEntry &entry) {
            return entry.name.compare(parser.value(hostOption), Qt::CaseInsensitive) == 0;
        });
        if (host == hosts.cend()) {
            err << QCoreApplication::translate("main", "There is no host called “%1”. Add it in the shell's Settings → Connections, or give its URI with --uri.")
                       .arg(parser.value(hostOption)) << Qt::endl;
            return 2;
        }
        uri = host->uri;
    }
    ConnectionSettings settings = ConnectionSettings::resolve(uri);
    // Another host over ssh: batch mode, as in the shell (never a password prompt).
    if (ConnectionList::isRemote(settings.uri))
        settings.uri = ConnectionList::uriForOpening(settings.uri);
    LibvirtConnection connection(settings.uri);
    CtlCommands commands(&connection, out, err);
    IncidentCommand incident(&connection, out, err);
    int exitCode = 0;
    QObject::connect(&commands, &CtlCommands::finished, &app, [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::quit();
    });
    QObject::connect(&incident, &IncidentCommand::finished, &app, [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::quit();
    });
    QObject::connect(&connection, &LibvirtConnection::openFailed, &app, [&](const VmError &error) {
        err << error.message() << Qt::endl << QCoreApplication::translate("main", "Details: %1").arg(error.details()) << Qt::endl;
        exitCode = 1;
        QCoreApplication::quit();
    });
    QObject::connect(&connection, &LibvirtConnection::opened, &commands, [&] {
        if (IncidentCommand::handles(positional.constFirst()))
            incident.run(positional.constFirst(), positional.mid(1));
        else
            commands.run(positional.constFirst(), positional.mid(1));
    });
    connection.open();
    app.exec();
    return exitCode;
}
