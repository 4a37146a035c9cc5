#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/// The places in a Linux system where malware makes itself start again: autostart entries,
/// shell start-up files, cron, systemd units, rc.local, the dynamic loader's preload list.
/// A quarantine report lists changes there first.
class PersistenceSpots
{
    Q_DECLARE_TR_FUNCTIONS(PersistenceSpots)
public:
    /// A short stable key for the spot @p guestPath is in ("autostart", "shell-rc", "cron",
    /// "systemd", "rc-local", "preload"), or empty when it is in none.
    static QString categoryOf(const QString &guestPath);
    /// A translated name for @p category, for people.
    static QString describe(const QString &category);
    /// The anchored regular expressions (Perl-compatible) of every spot, for the inspector VM's
    /// comparison, which hashes every file in a spot (InspectorScripts::compareProgram()).
    static QStringList patterns();
};
