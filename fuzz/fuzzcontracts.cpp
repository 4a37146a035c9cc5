// libFuzzer target: any bytes through ContractParser, and everything that
// reads its result, with the invariants that must hold for any input.

#include "contractcomparison.h"
#include "contractdiff.h"
#include "contractdigest.h"
#include "contractjson.h"
#include "contractparser.h"
#include "contractsummary.h"

#include <QtGlobal>

#include <cstdint>
#include <cstdlib>

namespace {

void quiet(QtMsgType, const QMessageLogContext &, const QString &)
{
}

void check(bool condition, const char *what)
{
    if (!condition) {
        fprintf(stderr, "invariant broken: %s\n", what);
        abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    qInstallMessageHandler(quiet);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const ContractParseResult result = ContractParser::parse(bytes, QStringLiteral("fuzz.ovf"));
    if (!result.ok) {
        check(result.systems.isEmpty(), "a rejected descriptor has no systems");
        check(result.error.startsWith(QLatin1String("fuzz.ovf:")), "errors are FILE:LINE:COLUMN");
        check(result.errorLine >= 1 && result.errorColumn >= 1, "error positions are 1-based");
        return 0;
    }
    for (const SystemContract &system : result.systems) {
        const ContractSummary summary(system);
        check(!summary.headline().isEmpty(), "every system has a headline");
        check(ContractComparison::compare(system, system).verdict == ContractComparison::Verdict::Equal, "a contract equals itself");
        check(ContractDiff::widenings(system, system).isEmpty(), "nothing widens against itself");
    }
    check(ContractDigest::compute(result).size() == 64, "digests are SHA-256");
    ContractJson::fromSystems(result.systems);
    return 0;
}
