#pragma once

#include "enforcementoracle.h"

#include <QCoreApplication>
#include <QString>

/**
 * One plain-language line of what a contract lets an appliance do (or
 * promises it will not do), as ContractSummary and ContractDiff produce it.
 */
struct ContractGrant
{
    Q_DECLARE_TR_FUNCTIONS(ContractGrant)

public:
    /// The kind of thing granted, in display order.
    enum class Group { Network, Files, Activity, Resources, Display };
    /// Damage potential, lowest first. None marks a limit or a promise.
    enum class Risk { None, Low, Medium, High, Critical };

    Group group = Group::Network;
    Risk risk = Risk::None;
    /// Translated sentence, e.g. "Connects to dbservervm on TCP port 3306".
    QString text;
    ContractElement element = ContractElement::NetworkRules;
    EnforcementStatus enforcement = EnforcementStatus::NotEnforced;
    /// The VirtualSystem the grant belongs to.
    QString systemId;

    /// `network`, `files`, `activity`, `resources`, `display`.
    static QString groupKey(Group group);
    /// Translated group title ("Your files").
    static QString groupTitle(Group group);
    /// `none`, `low`, `medium`, `high`, `critical`.
    static QString riskKey(Risk risk);
    /// Translated risk word.
    static QString riskTitle(Risk risk);
};
