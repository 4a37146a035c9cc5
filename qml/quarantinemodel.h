#pragma once

#include "deltareport.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>

class QuarantineInspection;

/// What a quarantined system changed against its clean state (the inspector's DeltaReport):
/// one row a file added, removed or modified, the persistence spots (autostart, shell rc
/// files, cron, systemd units, rc.local, ld.so.preload) first. For the shell it also drives
/// the inspection, salvage and purge of the quarantine it shows (QuarantineInspection on the
/// Hypervisor's connection).
class QuarantineModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int persistenceCount READ persistenceCount NOTIFY countChanged)
    /// The report arrived whole (its END line); false while none is loaded or when it was cut short.
    Q_PROPERTY(bool complete READ isComplete NOTIFY countChanged)
    /// Lines of the report that were malformed and left out.
    Q_PROPERTY(int rejectedLines READ rejectedLines NOTIFY countChanged)
    /// An inspection is under way (set by whoever runs it).
    Q_PROPERTY(bool loading READ isLoading WRITE setLoading NOTIFY loadingChanged)
    /// The quarantine shown (open()); empty before.
    Q_PROPERTY(QString quarantineId READ quarantineId NOTIFY quarantineChanged)
    /// The last failure, translated; empty when none.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    /// The personal-store folder salvaged files go to.
    Q_PROPERTY(QString salvageFolder READ salvageFolder NOTIFY quarantineChanged)
public:
    enum Role {
        PathRole = Qt::UserRole + 1,
        ChangeRole,          ///< "added", "removed", "modified"
        TypeRole,            ///< "file", "directory", "link", "other"
        SizeRole,
        ModeRole,            ///< e.g. "0644"
        Sha256Role,
        LinkTargetRole,
        PersistenceRole,     ///< PersistenceSpots category, "" if none
        PersistenceTextRole, ///< translated
        SalvageableRole,     ///< a regular file still in the quarantined system
    };
    Q_ENUM(Role)

    explicit QuarantineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int persistenceCount() const { return m_report.persistenceCount(); }
    bool isComplete() const { return m_report.complete; }
    int rejectedLines() const { return m_report.rejectedLines; }
    bool isLoading() const { return m_loading; }
    void setLoading(bool loading);

    /// Shows @p report (replacing what is listed).
    void setReport(const DeltaReport &report);
    /// Shows the saved report of quarantine @p id of @p appliance; false when there is none yet.
    Q_INVOKABLE bool loadSaved(const QString &appliance, const QString &id);

    QString quarantineId() const { return m_id; }
    QString errorMessage() const { return m_error; }
    QString salvageFolder() const;
    /// Shows quarantine @p id of @p appliance: its saved report, if any (then inspect()).
    Q_INVOKABLE void open(const QString &appliance, const QString &id);
    /// Reads the quarantine in the inspector VM (loading while it runs); the rows follow.
    Q_INVOKABLE void inspect();
    /// Copies @p guestPaths into salvageFolder() (after inspect()); salvaged() follows.
    Q_INVOKABLE void salvage(const QStringList &guestPaths);
    /// The quarantines of @p appliance, newest first: maps {id, time (local), reason,
    /// deltaBytes, breaches (count)}. Reads a few small record files.
    Q_INVOKABLE static QVariantList quarantines(const QString &appliance);
    /// Switches the inspector off.
    Q_INVOKABLE void closeInspector();
    /// Deletes the quarantine shown (the UI asks first); purged() follows.
    Q_INVOKABLE void purge();

Q_SIGNALS:
    /// The rows were replaced.
    void countChanged();
    void loadingChanged();
    void quarantineChanged();
    void errorMessageChanged();
    /// salvage() finished: @p stored are the store files written, @p refused the paths not copied.
    void salvaged(const QStringList &stored, const QStringList &refused);
    /// purge() deleted the quarantine.
    void purged();

private:
    void setError(const QString &message);
    QuarantineInspection *inspection();

    DeltaReport m_report;
    bool m_loading = false;
    QString m_appliance;
    QString m_id;
    QString m_error;
    QPointer<QuarantineInspection> m_inspection;
};
