#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class WindowTracker;

/// A guest's top-level windows as a list for QML, one row per window (rows
/// keep their place; stackIndex gives the stacking order).
/// Follows a WindowTracker; rows change as the tracker's signals arrive.
class GuestWindowModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    /// The tracker shown; null shows nothing.
    Q_PROPERTY(WindowTracker *tracker READ tracker WRITE setTracker NOTIFY trackerChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        AppClassRole,
        GeometryRole,
        OverrideRedirectRole,
        TransientForRole,
        StackIndexRole,
        MappedRole,
    };
    Q_ENUM(Role)

    explicit GuestWindowModel(QObject *parent = nullptr);

    WindowTracker *tracker() const { return m_tracker; }
    void setTracker(WindowTracker *tracker);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    /// tracker() changed.
    void trackerChanged();

private:
    void reload();
    void onAdded(quint32 id);
    void onChanged(quint32 id);
    void onRemoved(quint32 id);
    void onStackChanged();

    QPointer<WindowTracker> m_tracker;
    QList<quint32> m_ids;
};
