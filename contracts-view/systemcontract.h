#pragma once

#include "activityexpectation.h"
#include "displaypolicy.h"
#include "mountgrant.h"
#include "networkrule.h"
#include "rate.h"
#include "resourcelimits.h"

#include <QList>
#include <QString>
#include <QStringList>

/**
 * The contract of one VirtualSystem: its own ContractSections merged with
 * those of every VirtualSystemCollection that contains it.
 *
 * Lists (rules, mounts, expectations) add up across sections; a limit given
 * more than once takes the lowest value. A system without any
 * ContractSection has hasContract == false: it declares nothing, and gets what an
 * empty contract grants (no network, none of the person's files, no limits beyond
 * Tessera's default size).
 */
struct SystemContract
{
    /// The VirtualSystem's ovf:id.
    QString id;
    /// Its Name element, or the id when it has none.
    QString name;
    /// False when no ContractSection applies: "no contract: it gets nothing it did not declare".
    bool hasContract = false;

    QList<NetworkRule> rules;
    Rate outgoingRate;
    Rate incomingRate;
    QList<MountGrant> mounts;
    QList<ActivityExpectation> activity;
    ResourceLimits resources;
    DisplayPolicy display;

    /// Kinds (xsi:type without prefix) of non-required sections that were ignored.
    QStringList notUnderstood;
    /// Translated reasons the system cannot be launched (required sections of unknown kinds).
    QStringList unlaunchableReasons;

    /// False when a required section was not understood.
    bool isLaunchable() const { return unlaunchableReasons.isEmpty(); }
};
