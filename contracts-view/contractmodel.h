#pragma once

#include "contractgrant.h"
#include "contractparseresult.h"
#include "enforcementoracle.h"

#include <QAbstractListModel>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <memory>

/**
 * The contract of an appliance, as a list of plain-language grants for the
 * launch dialog: one row per grant, grouped by kind (Network, Your files,
 * Activity, Resources, Display) and riskiest first within each group.
 *
 * Set `source` (a path or file: URL) to load a descriptor off the GUI
 * thread; `loading` is true meanwhile, then `valid` or `errorString` tell
 * how it went. `systemId` restricts the rows to one VirtualSystem.
 */
class ContractModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    /// Path or file: URL of the OVF descriptor; setting it starts a load.
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY sourceChanged)
    /// True while a descriptor is being read.
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// True when the last load parsed; false while loading, when it failed, or
    /// when nothing is loaded.
    Q_PROPERTY(bool valid READ valid NOTIFY resultChanged)
    /// `FILE:LINE:COLUMN: message` when the descriptor was rejected.
    Q_PROPERTY(QString errorString READ errorString NOTIFY resultChanged)
    /// One sentence summing up the contract (the worst warning or grant).
    Q_PROPERTY(QString headline READ headline NOTIFY contentChanged)
    /// Dangerous combinations and missing contracts, worst first.
    Q_PROPERTY(QStringList warnings READ warnings NOTIFY contentChanged)
    /// False when the descriptor was rejected or a shown system cannot launch.
    Q_PROPERTY(bool launchable READ launchable NOTIFY contentChanged)
    /// Why the shown systems cannot be launched.
    Q_PROPERTY(QStringList unlaunchableReasons READ unlaunchableReasons NOTIFY contentChanged)
    /// Kinds of contract sections that were ignored.
    Q_PROPERTY(QStringList notUnderstood READ notUnderstood NOTIFY contentChanged)
    /// False when a shown system has no contract at all (it then gets what an empty one grants).
    Q_PROPERTY(bool hasContract READ hasContract NOTIFY contentChanged)
    /// ContractDigest of the whole descriptor, for storing consent.
    Q_PROPERTY(QString digest READ digest NOTIFY resultChanged)
    /// The ovf:ids of the VirtualSystems in the descriptor.
    Q_PROPERTY(QStringList systemIds READ systemIds NOTIFY resultChanged)
    /// Show only this system; empty shows all. May be set before `source`; a
    /// parsed descriptor without such a system clears it.
    Q_PROPERTY(QString systemId READ systemId WRITE setSystemId NOTIFY systemIdChanged)
    /// Number of rows.
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        TextRole = Qt::UserRole + 1, ///< the grant sentence (translated)
        GroupRole, ///< translated group title, for section headings
        GroupKeyRole, ///< `network`, `files`, `activity`, `resources`, `display`
        RiskRole, ///< 0 (a limit) .. 4 (critical)
        RiskKeyRole, ///< `none`, `low`, `medium`, `high`, `critical`
        EnforcementRole, ///< `enforced`, `monitored`, `not-enforced`, `withheld`
        EnforcementTextRole, ///< translated enforcement status
        SystemRole, ///< ovf:id of the system the row belongs to
    };
    Q_ENUM(Role)

    explicit ContractModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString source() const { return m_source; }
    void setSource(const QString &source);
    bool loading() const { return m_loading; }
    bool valid() const { return m_result.ok; }
    QString errorString() const { return m_result.error; }
    QString headline() const { return m_headline; }
    QStringList warnings() const { return m_warnings; }
    bool launchable() const;
    QStringList unlaunchableReasons() const;
    QStringList notUnderstood() const;
    bool hasContract() const;
    QString digest() const { return m_digest; }
    QStringList systemIds() const;
    QString systemId() const { return m_systemId; }
    void setSystemId(const QString &systemId);
    int count() const { return int(m_rows.size()); }

    /// Loads a descriptor (path or file: URL) on a worker thread. The previous
    /// result is cleared at once; a later load supersedes an earlier one.
    Q_INVOKABLE void load(const QString &source);
    /// Shows an already parsed descriptor, synchronously.
    void setResult(const ContractParseResult &result);
    /// The parse result shown (all systems, whatever the filter).
    const ContractParseResult &result() const { return m_result; }
    /// Uses @p oracle for the enforcement roles; null restores "not enforced yet".
    void setEnforcementOracle(std::shared_ptr<const EnforcementOracle> oracle);

signals:
    void sourceChanged();
    void loadingChanged();
    /// The parse result (valid, errorString, digest, systemIds) changed.
    void resultChanged();
    /// The rows and the properties derived from them changed.
    void contentChanged();
    void systemIdChanged();
    void countChanged();
    /// A load finished, whether or not the descriptor was valid.
    void loaded();

private:
    QList<const SystemContract *> shownSystems() const;
    void rebuild();
    void setLoading(bool loading);

    QString m_source;
    QString m_systemId;
    bool m_loading = false;
    quint64 m_generation = 0;
    ContractParseResult m_result;
    QString m_digest;
    std::shared_ptr<const EnforcementOracle> m_oracle;
    QList<ContractGrant> m_rows;
    QString m_headline;
    QStringList m_warnings;
};
