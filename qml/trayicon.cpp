#include "trayicon.h"

#include "appliancesession.h"
#include "breachlistmodel.h"
#include "uilogging.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QTextDocument>

namespace {

int roleOf(const QAbstractItemModel *model, const QByteArray &name)
{
    return model->roleNames().key(name, -1);
}

// Tessera's mark, drawn rather than loaded so that no image plugin is needed: four tiles,
// and a red dot while a breach is on record.
QIcon markIcon(bool breached)
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal gap = size / 16.0;
        const qreal tile = (size - 3 * gap) / 2;
        const QColor colours[] = {QColor(0x2e, 0x86, 0xde), QColor(0x10, 0xac, 0x84), QColor(0x8e, 0x44, 0xad), QColor(0xe6, 0x7e, 0x22)};
        for (int i = 0; i < 4; ++i)
            painter.fillRect(QRectF(gap + (i % 2) * (tile + gap), gap + (i / 2) * (tile + gap), tile, tile), colours[i]);
        if (breached) {
            painter.setPen(QPen(Qt::white, size / 16.0));
            painter.setBrush(QColor(0xc0, 0x39, 0x2b));
            painter.drawEllipse(QRectF(size * 0.45, size * 0.45, size * 0.53, size * 0.53));
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

TrayIcon::TrayIcon(QObject *parent) : QObject(parent)
{
    // QSystemTrayIcon's menu is a widget: without a QApplication (tools, some tests) there is no tray.
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        qCInfo(lcUi) << "no tray icon: the application has no widget support";
        return;
    }
    m_menu = std::make_unique<QMenu>();
    m_icon = std::make_unique<QSystemTrayIcon>(markIcon(false));
    m_icon->setContextMenu(m_menu.get());
    connect(m_icon.get(), &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showWindowRequested();
    });
    BreachListModel *breaches = BreachListModel::instance();
    connect(breaches, &BreachListModel::countChanged, this, &TrayIcon::scheduleRebuild);
    connect(breaches, &BreachListModel::alertChanged, this, &TrayIcon::scheduleRebuild);
    rebuild();
    m_icon->show();
    m_available = QSystemTrayIcon::isSystemTrayAvailable();
}

TrayIcon::~TrayIcon() = default;

void TrayIcon::setAppliances(QAbstractItemModel *model)
{
    if (m_appliances == model)
        return;
    if (m_appliances)
        disconnect(m_appliances, nullptr, this, nullptr);
    m_appliances = model;
    if (model) {
        connect(model, &QAbstractItemModel::dataChanged, this, &TrayIcon::scheduleRebuild);
        connect(model, &QAbstractItemModel::rowsInserted, this, &TrayIcon::scheduleRebuild);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &TrayIcon::scheduleRebuild);
        connect(model, &QAbstractItemModel::modelReset, this, &TrayIcon::scheduleRebuild);
    }
    Q_EMIT appliancesChanged();
    scheduleRebuild();
}

bool TrayIcon::isAvailable() const
{
    return m_available;
}

QStringList TrayIcon::menuEntries() const
{
    QStringList entries;
    if (!m_menu)
        return entries;
    const QList<QAction *> actions = m_menu->actions();
    for (QAction *action : actions) {
        if (action->isSeparator()) {
            entries << QStringLiteral("-");
            continue;
        }
        entries << action->text();
        if (QMenu *sub = action->menu()) {
            for (QAction *subAction : sub->actions())
                entries << QStringLiteral("  ") + subAction->text();
        }
    }
    return entries;
}

void TrayIcon::scheduleRebuild()
{
    if (m_rebuildQueued)
        return;
    m_rebuildQueued = true;
    QMetaObject::invokeMethod(this, &TrayIcon::rebuild, Qt::QueuedConnection);
}

void TrayIcon::rebuild()
{
    m_rebuildQueued = false;
    BreachListModel *breaches = BreachListModel::instance();
    QStringList running;
    if (m_menu) {
        m_menu->clear();
        QAction *header = m_menu->addAction(tr("Tessera"));
        header->setEnabled(false);
    }
    if (m_appliances) {
        const int name = roleOf(m_appliances, "name");
        const int title = roleOf(m_appliances, "title");
        const int state = roleOf(m_appliances, "state");
        const int stateText = roleOf(m_appliances, "stateText");
        const int sessionRole = roleOf(m_appliances, "session");
        for (int row = 0; row < m_appliances->rowCount(); ++row) {
            const QModelIndex index = m_appliances->index(row, 0);
            const auto vmState = ApplianceSession::State(index.data(state).toInt());
            if (vmState == ApplianceSession::Off || vmState == ApplianceSession::Unknown)
                continue;
            const QString applianceName = index.data(name).toString();
            const int breachCount = breaches->countFor(applianceName);
            QString label = tr("%1 — %2").arg(index.data(title).toString(), index.data(stateText).toString());
            if (breachCount > 0)
                label += QLatin1Char(' ') + tr("(%n breach(es))", nullptr, breachCount);
            running << label;
            if (!m_menu)
                continue;
            QMenu *sub = m_menu->addMenu(label);
            QPointer<ApplianceSession> session = index.data(sessionRole).value<ApplianceSession *>();
            connect(sub->addAction(tr("Show")), &QAction::triggered, this, [this, applianceName] { Q_EMIT showApplianceRequested(applianceName); });
            if (vmState == ApplianceSession::Paused) {
                connect(sub->addAction(tr("Resume")), &QAction::triggered, this, [session] { if (session) session->resume(); });
            } else if (vmState == ApplianceSession::Running) {
                connect(sub->addAction(tr("Pause")), &QAction::triggered, this, [session] { if (session) session->pause(); });
            }
            connect(sub->addAction(tr("Stop")), &QAction::triggered, this, [session] { if (session) session->stop(); });
        }
    }
    const int breachTotal = breaches->rowCount();
    QString summary = running.isEmpty() ? tr("No appliance is running.") : running.join(QLatin1Char('\n'));
    if (breachTotal > 0)
        summary += QLatin1Char('\n') + tr("%n contract breach(es) on record.", nullptr, breachTotal);
    if (m_menu) {
        if (running.isEmpty())
            m_menu->addAction(tr("No appliance is running."))->setEnabled(false);
        m_menu->addSeparator();
        if (breachTotal > 0)
            connect(m_menu->addAction(tr("Show %n breach(es)…", nullptr, breachTotal)), &QAction::triggered, this, &TrayIcon::showBreachesRequested);
        connect(m_menu->addAction(tr("Show Tessera")), &QAction::triggered, this, &TrayIcon::showWindowRequested);
        connect(m_menu->addAction(tr("Quit Tessera")), &QAction::triggered, this, &TrayIcon::quitRequested);
    }
    if (m_icon) {
        // Tool tips read markup (QToolTip, and the panels that draw a StatusNotifierItem's), and
        // the summary holds the appliances' names from their packages: give it as escaped text.
        m_icon->setToolTip(Qt::convertFromPlainText(summary, Qt::WhiteSpaceNormal));
        m_icon->setIcon(markIcon(!breaches->alertAppliance().isEmpty()));
    }
    if (summary != m_summary) {
        m_summary = summary;
        Q_EMIT summaryChanged();
    }
}
