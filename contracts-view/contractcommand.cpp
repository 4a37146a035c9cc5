#include "contractcommand.h"

#include "contractcomparison.h"
#include "contractjson.h"
#include "contractparser.h"
#include "contractsummary.h"

#include <QJsonDocument>

QString ContractCommand::usage()
{
    return tr("Usage: tessera-ctl contract check FILE...\n"
              "       tessera-ctl contract show [--json] FILE\n"
              "       tessera-ctl contract compare [--json] A B\n");
}

int ContractCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QStringList words = args;
    if (!words.isEmpty() && words.first() == QLatin1String("contract"))
        words.removeFirst();
    if (words.isEmpty()) {
        err << usage();
        return UsageError;
    }
    const QString command = words.takeFirst();
    const bool json = words.removeAll(QStringLiteral("--json")) > 0;
    for (const QString &word : std::as_const(words)) {
        if (word.startsWith(QLatin1String("--"))) {
            err << tr("unknown option %1").arg(word) << '\n' << usage();
            return UsageError;
        }
    }
    int code = UsageError;
    if (command == QLatin1String("check") && !json && !words.isEmpty())
        code = check(words, out, err);
    else if (command == QLatin1String("show") && words.size() == 1)
        code = show(words.first(), json, out, err);
    else if (command == QLatin1String("compare") && words.size() == 2)
        code = compare(words.at(0), words.at(1), json, out, err);
    else
        err << usage();
    out.flush();
    err.flush();
    return code;
}

int ContractCommand::check(const QStringList &files, QTextStream &out, QTextStream &err)
{
    bool failed = false;
    for (const QString &file : files) {
        const ContractParseResult result = ContractParser::parseFile(file);
        if (!result.ok) {
            err << result.error << '\n';
            failed = true;
            continue;
        }
        for (const QString &note : result.notes)
            err << note << '\n';
        if (!result.allLaunchable()) {
            failed = true;
            continue;
        }
        out << tr("%1: ok (%n system(s))", nullptr, int(result.systems.size())).arg(file) << '\n';
    }
    return failed ? ContractError : Success;
}

int ContractCommand::show(const QString &file, bool json, QTextStream &out, QTextStream &err)
{
    const ContractParseResult result = ContractParser::parseFile(file);
    if (!result.ok) {
        err << result.error << '\n';
        return ContractError;
    }
    if (json) {
        out << QJsonDocument(ContractJson::fromSystems(result.systems)).toJson(QJsonDocument::Indented);
        return Success;
    }
    for (const SystemContract &system : result.systems) {
        const ContractSummary summary(system);
        out << (system.name == system.id ? system.id : tr("%1 (%2)", "system id (system name)").arg(system.id, system.name)) << '\n';
        if (!summary.warnings().contains(summary.headline()))
            out << "  " << summary.headline() << '\n';
        for (const QString &warning : summary.warnings())
            out << "  ! " << warning << '\n';
        for (const QString &reason : system.unlaunchableReasons)
            out << "  " << tr("Cannot be launched: %1").arg(reason) << '\n';
        for (int group = int(ContractGrant::Group::Network); group <= int(ContractGrant::Group::Display); ++group) {
            bool titled = false;
            for (const ContractGrant &grant : summary.grants()) {
                if (int(grant.group) != group)
                    continue;
                if (!titled)
                    out << "  " << ContractGrant::groupTitle(grant.group) << '\n';
                titled = true;
                out << "    [" << ContractGrant::riskKey(grant.risk) << "] " << grant.text << " — " << EnforcementOracle::statusText(grant.enforcement)
                    << '\n';
            }
        }
        if (!system.notUnderstood.isEmpty())
            out << "  " << tr("Not understood (ignored): %1").arg(system.notUnderstood.join(QLatin1String(", "))) << '\n';
    }
    return Success;
}

int ContractCommand::compare(const QString &left, const QString &right, bool json, QTextStream &out, QTextStream &err)
{
    const ContractParseResult a = ContractParser::parseFile(left);
    const ContractParseResult b = ContractParser::parseFile(right);
    for (const ContractParseResult *result : {&a, &b}) {
        if (!result->ok)
            err << result->error << '\n';
    }
    if (!a.ok || !b.ok)
        return ContractError;
    const ContractComparison::Result declared = ContractComparison::compare(a.systems, b.systems);
    const ContractComparison::Result enforced = ContractComparison::compare(a.systems, b.systems, &EnforcementOracle::notEnforcedYet());
    if (json) {
        out << QJsonDocument(ContractJson::fromComparison(declared, enforced)).toJson(QJsonDocument::Indented);
        return Success;
    }
    const auto print = [&out](const ContractComparison::Result &result, const QString &indent) {
        for (const ContractComparison::Dimension &dimension : result.dimensions) {
            QString side;
            switch (dimension.tighter) {
            case ContractComparison::Side::Left:
                side = tr("left allows less");
                break;
            case ContractComparison::Side::Right:
                side = tr("right allows less");
                break;
            case ContractComparison::Side::Neither:
                side = tr("each allows something the other does not");
                break;
            }
            out << indent << dimension.key << ": " << side << " (" << ContractComparison::dimensionTitle(dimension.key) << ")\n";
        }
    };
    out << ContractComparison::verdictKey(declared.verdict) << '\n';
    print(declared, QString());
    out << tr("enforced here: %1").arg(ContractComparison::verdictKey(enforced.verdict)) << '\n';
    print(enforced, QStringLiteral("  "));
    return Success;
}
