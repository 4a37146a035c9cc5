#pragma once

#include "contractdiff.h"
#include "systemcontract.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

/**
 * What widened between the contract a person accepted and the current one,
 * one row per change, riskiest first. The shell stores the accepted
 * descriptor and its ContractDigest per appliance: when the digests differ
 * it loads both here and asks again only if `widened` is true.
 */
class ContractDiffModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    /// True while the descriptors are being read.
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// True when both descriptors parsed (false while loading).
    Q_PROPERTY(bool valid READ valid NOTIFY resultChanged)
    /// The first rejection, `FILE:LINE:COLUMN: message`.
    Q_PROPERTY(QString errorString READ errorString NOTIFY resultChanged)
    /// True when the current contract allows something the accepted one did not.
    Q_PROPERTY(bool widened READ widened NOTIFY resultChanged)
    Q_PROPERTY(QString acceptedDigest READ acceptedDigest NOTIFY resultChanged)
    Q_PROPERTY(QString currentDigest READ currentDigest NOTIFY resultChanged)
    /// Number of rows.
    Q_PROPERTY(int count READ count NOTIFY resultChanged)

public:
    enum Role {
        TextRole = Qt::UserRole + 1, ///< what is new, translated
        GroupRole, ///< translated group title
        GroupKeyRole, ///< `network`, `files`, `activity`, `resources`, `display`
        RiskRole, ///< 0 .. 4
        RiskKeyRole, ///< `none` .. `critical`
        SystemRole, ///< ovf:id of the system
        DimensionRole, ///< comparison dimension key, e.g. `network.rules`
    };
    Q_ENUM(Role)

    explicit ContractDiffModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool loading() const { return m_loading; }
    bool valid() const { return m_valid; }
    QString errorString() const { return m_errorString; }
    bool widened() const { return !m_changes.isEmpty(); }
    QString acceptedDigest() const { return m_acceptedDigest; }
    QString currentDigest() const { return m_currentDigest; }
    int count() const { return int(m_changes.size()); }

    /// Reads both descriptors (paths or file: URLs) on a worker thread. The
    /// previous changes are cleared at once; a later load supersedes an earlier one.
    Q_INVOKABLE void load(const QString &acceptedSource, const QString &currentSource);
    /// Shows the changes between two already parsed descriptors, synchronously.
    void setContracts(const QList<SystemContract> &accepted, const QList<SystemContract> &current);
    /// Shows that a descriptor could not be read.
    void setError(const QString &errorString);

signals:
    void loadingChanged();
    /// Rows and every derived property changed.
    void resultChanged();
    /// A load finished, whether or not both descriptors were valid.
    void loaded();

private:
    void setLoading(bool loading);

    bool m_loading = false;
    bool m_valid = false;
    quint64 m_generation = 0;
    QString m_errorString;
    QString m_acceptedDigest;
    QString m_currentDigest;
    QList<ContractDiff::Change> m_changes;
};
