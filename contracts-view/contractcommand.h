#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

/**
 * The `contract` commands of tessera-ctl:
 *
 *     tessera-ctl contract check FILE...
 *     tessera-ctl contract show [--json] FILE
 *     tessera-ctl contract compare [--json] A B
 *
 * Exit codes: 0 success; 1 usage error; 2 a descriptor was rejected (with
 * `FILE:LINE:COLUMN: message` on stderr) or, for check, a system in it
 * cannot be launched. compare exits 0 whatever the verdict.
 */
class ContractCommand
{
    Q_DECLARE_TR_FUNCTIONS(ContractCommand)

public:
    enum ExitCode { Success = 0, UsageError = 1, ContractError = 2 };

    /// Runs a command. @p args are the words after `tessera-ctl contract`
    /// (a leading `contract` is accepted too), e.g. {"check", "a.ovf"}.
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);

    /// The usage text.
    static QString usage();

private:
    static int check(const QStringList &files, QTextStream &out, QTextStream &err);
    static int show(const QString &file, bool json, QTextStream &out, QTextStream &err);
    static int compare(const QString &left, const QString &right, bool json, QTextStream &out, QTextStream &err);
};
