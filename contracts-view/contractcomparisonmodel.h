#pragma once

#include "contractcomparison.h"
#include "contractgrant.h"

#include <QAbstractListModel>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

/**
 * Two appliances' contracts side by side, for "Compare with …" in the pre-run inspection:
 * one row per group (Network, Your files, Activity, Resources, Display) with each side's
 * grants in plain language and which side is tighter on that group, from ContractComparison.
 *
 * compare() parses both descriptors synchronously (they are at most ContractParser::maximumSize,
 * and an appliance's descriptor is a few KiB); names are only used in the sentences.
 */
class ContractComparisonModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    /// The left appliance's name as shown, e.g. "Terminal".
    Q_PROPERTY(QString leftName READ leftName NOTIFY compared)
    Q_PROPERTY(QString rightName READ rightName NOTIFY compared)
    /// `equal`, `left-tighter`, `right-tighter`, `incomparable`; empty before compare() or on error.
    Q_PROPERTY(QString verdict READ verdict NOTIFY compared)
    /// The verdict in a sentence, with the dimensions that decide it.
    Q_PROPERTY(QString verdictText READ verdictText NOTIFY compared)
    /// Why the comparison could not be made (a descriptor rejected), else empty.
    Q_PROPERTY(QString errorString READ errorString NOTIFY compared)

public:
    enum Role {
        GroupRole = Qt::UserRole + 1, ///< translated group title
        GroupKeyRole,                 ///< `network`, `files`, `activity`, `resources`, `display`
        LeftTextRole,                 ///< the left side's grants in this group, one a line ("" when none)
        RightTextRole,
        TighterRole,                  ///< `left`, `right`, `equal` or `neither` (each allows something the other does not)
        TighterTextRole,              ///< translated: which is tighter here and on what
    };
    Q_ENUM(Role)

    explicit ContractComparisonModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString leftName() const { return m_leftName; }
    QString rightName() const { return m_rightName; }
    QString verdict() const { return m_verdict; }
    QString verdictText() const { return m_verdictText; }
    QString errorString() const { return m_error; }

    /// Compares the descriptors at @p leftPath and @p rightPath (paths or file: URLs); the
    /// system whose ovf:id is @p leftId / @p rightId, else the first one.
    Q_INVOKABLE void compare(const QString &leftPath, const QString &leftName, const QString &leftId,
                             const QString &rightPath, const QString &rightName, const QString &rightId);

Q_SIGNALS:
    void compared();

private:
    struct Row
    {
        ContractGrant::Group group;
        QStringList left;
        QStringList right;
        QString tighter;
        QStringList leftTighterOn;
        QStringList rightTighterOn;
        QStringList neitherOn;
    };
    QString tighterText(const Row &row) const;

    QList<Row> m_rows;
    QString m_leftName;
    QString m_rightName;
    QString m_verdict;
    QString m_verdictText;
    QString m_error;
};
