#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

#include <memory>

class QAbstractItemModel;
class QMenu;
class QSystemTrayIcon;

/// Tessera in the desktop's tray (StatusNotifierItem over D-Bus where the desktop has a
/// watcher, an XEmbed icon otherwise, through QSystemTrayIcon): the running appliances with
/// their state and actions, and the breaches recorded, at a glance.
///
/// It follows any model with the roles of ApplianceListModel ("name", "title", "state",
/// "stateText", "session") and the Breaches model.
class TrayIcon : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    /// The appliances to list (an ApplianceListModel).
    Q_PROPERTY(QAbstractItemModel *appliances READ appliances WRITE setAppliances NOTIFY appliancesChanged)
    /// Whether the desktop showed a tray when Tessera started; without one Tessera keeps its window.
    Q_PROPERTY(bool available READ isAvailable CONSTANT)
    /// The tooltip: what runs and how many breaches there are, in plain words.
    Q_PROPERTY(QString summary READ summary NOTIFY summaryChanged)

public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    QAbstractItemModel *appliances() const { return m_appliances; }
    void setAppliances(QAbstractItemModel *model);
    bool isAvailable() const;
    QString summary() const { return m_summary; }

    /// The menu's entries as shown, one string per action ("-" for a separator,
    /// submenu entries indented by two spaces), for tests and accessibility checks.
    QStringList menuEntries() const;

Q_SIGNALS:
    void appliancesChanged();
    void summaryChanged();
    /// The person asked to see Tessera's window (the icon was activated, or "Show Tessera").
    void showWindowRequested();
    /// The person chose an appliance in the menu: show its window.
    void showApplianceRequested(const QString &name);
    /// The person asked to see the breaches.
    void showBreachesRequested();
    /// "Quit Tessera" was chosen.
    void quitRequested();

private:
    void scheduleRebuild();
    void rebuild();

    QPointer<QAbstractItemModel> m_appliances;
    std::unique_ptr<QMenu> m_menu;
    std::unique_ptr<QSystemTrayIcon> m_icon;
    QString m_summary;
    bool m_rebuildQueued = false;
    bool m_available = false;
};
