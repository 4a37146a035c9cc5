#pragma once

#include <QString>

/// Where Tessera keeps its files. Follows the XDG base directories; each
/// location can be moved with an environment variable (used by the tests).
class TesseraPaths
{
public:
    /// Built appliance images and the tools disk: $TESSERA_CACHE_DIR or $XDG_CACHE_HOME/tessera.
    static QString cacheDir();
    /// Per-appliance instance state (system overlays, logs): $TESSERA_DATA_DIR or $XDG_DATA_HOME/tessera.
    static QString dataDir();
    /// Sockets and the gateways' files, in a folder only this user can have made (see
    /// RuntimeDirectory): $XDG_RUNTIME_DIR/tessera/KEY when that is private (KEY: a short hash
    /// of dataDir()), else DATA/run (or the short /tmp folder DATA/run/sockets names). Checked
    /// (owner, mode 0700, not a link) at every call: empty, with @p error for people, when no
    /// safe folder can be had.
    static QString runtimeDir(QString *error = nullptr);
    /// True when @p path is an entry of the runtime folder, as checked now; @p error otherwise.
    static bool isInRuntimeDir(const QString &path, QString *error);

    /// The personal data store, kept apart from every appliance's system disk:
    /// $TESSERA_STORE_DIR, else the setting store/location, else DATA/store.
    static QString personalStoreDir();
    /// The personal store's history (StoreJournal): DATA/journal.
    static QString storeJournalDir() { return dataDir() + QStringLiteral("/journal"); }
    /// Per-appliance logs (network connections, breaches): DATA/logs.
    static QString logsDir() { return dataDir() + QStringLiteral("/logs"); }

    static QString applianceImagesDir() { return cacheDir() + QStringLiteral("/appliances"); }
    /// Appliances imported from OVF/OVA (ApplianceImporter): DATA/appliances.
    static QString importedAppliancesDir() { return dataDir() + QStringLiteral("/appliances"); }
    static QString toolsDiskPath() { return cacheDir() + QStringLiteral("/tools/current/tools.img"); }
    static QString instanceDir(const QString &applianceName);
    /// Root of the private embedded libvirt driver used when running as root.
    static QString embeddedLibvirtRoot() { return dataDir() + QStringLiteral("/libvirt"); }
};
