#pragma once

#include "contractcomparison.h"
#include "systemcontract.h"

#include <QJsonObject>
#include <QList>

/**
 * The JSON forms of contracts and comparisons, as `tessera-ctl contract
 * show --json` and `compare --json` print them. The schema is documented in
 * docs/contract-json.md; keys are never translated.
 */
class ContractJson
{
public:
    enum class Form {
        Full, ///< everything, in document order
        Canonical, ///< no names or info texts, lists sorted: the input of ContractDigest
    };

    /// `{"systems": [...]}`.
    static QJsonObject fromSystems(const QList<SystemContract> &systems, Form form = Form::Full);
    /// One entry of the `systems` array.
    static QJsonObject fromSystem(const SystemContract &system, Form form = Form::Full);
    /// `{"verdict": ..., "dimensions": [...], "enforcedHere": {...}}`.
    static QJsonObject fromComparison(const ContractComparison::Result &declared, const ContractComparison::Result &enforcedHere);

private:
    static QJsonValue rate(const Rate &rate);
    template<typename T>
    static QJsonValue optional(const std::optional<T> &value)
    {
        return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
    }
    static QJsonObject endpoint(const NetworkAddress &address, const PortRange &port);
    static QJsonObject comparison(const ContractComparison::Result &result);
};
