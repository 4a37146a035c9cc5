#pragma once

#include "deltareport.h"

#include <QAbstractListModel>
#include <QQmlEngine>

/// What a quarantined system changed against its clean state (the inspector's DeltaReport):
/// one row a file added, removed or modified, the persistence spots (autostart, shell rc
/// files, cron, systemd units, rc.local, ld.so.preload) first.
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

Q_SIGNALS:
    /// The rows were replaced.
    void countChanged();
    void loadingChanged();

private:
    DeltaReport m_report;
    bool m_loading = false;
};
