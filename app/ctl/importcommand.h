#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

/// `tessera-ctl import PATH [--name NAME]`: imports an appliance from an .ovf or .ova
/// (ApplianceImporter), printing progress, then the result. Exit 0 when imported,
/// 2 when the contract is rejected (the parser's FILE:LINE:COLUMN message on stderr), 1 otherwise.
class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
};
