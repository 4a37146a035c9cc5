#include "contractgrant.h"

QString ContractGrant::groupKey(Group group)
{
    switch (group) {
    case Group::Network:
        return QStringLiteral("network");
    case Group::Files:
        return QStringLiteral("files");
    case Group::Activity:
        return QStringLiteral("activity");
    case Group::Resources:
        return QStringLiteral("resources");
    case Group::Display:
        break;
    }
    return QStringLiteral("display");
}

QString ContractGrant::groupTitle(Group group)
{
    switch (group) {
    case Group::Network:
        return tr("Network");
    case Group::Files:
        return tr("Your files");
    case Group::Activity:
        return tr("Activity", "contract group: when the appliance may touch your files, relative to your typing and clicking");
    case Group::Resources:
        return tr("Resources", "contract group: processor, memory and disk limits");
    case Group::Display:
        break;
    }
    return tr("Display", "contract group: windows, clipboard and full screen");
}

QString ContractGrant::riskKey(Risk risk)
{
    switch (risk) {
    case Risk::None:
        return QStringLiteral("none");
    case Risk::Low:
        return QStringLiteral("low");
    case Risk::Medium:
        return QStringLiteral("medium");
    case Risk::High:
        return QStringLiteral("high");
    case Risk::Critical:
        break;
    }
    return QStringLiteral("critical");
}

QString ContractGrant::riskTitle(Risk risk)
{
    switch (risk) {
    case Risk::None:
        return tr("Limit", "risk level: the line states a restriction, not a permission");
    case Risk::Low:
        return tr("Low risk");
    case Risk::Medium:
        return tr("Medium risk");
    case Risk::High:
        return tr("High risk");
    case Risk::Critical:
        break;
    }
    return tr("Critical risk");
}
