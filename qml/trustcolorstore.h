#pragma once

#include <QColor>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantMap>

/**
 * Each appliance's trust colour (the card, the guest window frame, the seamless borders):
 * the colour the user chose in Settings (QSettings appliances/NAME/color), else the default
 * given to it when it first appeared (appliances/NAME/defaultColor: a palette colour apart
 * from every other appliance's, see assignDistinctDefaults()), else one from the palette by name.
 *
 * Colours must stay tellable apart: setColor() refuses one that is too close (CIE76
 * ΔE below minimumDistance) to another appliance's colour, and says why.
 */
class TrustColorStore : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(TrustColorStore)
    QML_SINGLETON
    /// Changes whenever a colour changes, so that QML bindings calling colorFor() update.
    Q_PROPERTY(int revision READ revision NOTIFY colorsChanged)
    /// The colours offered in Settings.
    Q_PROPERTY(QStringList choices READ choices CONSTANT)

public:
    /// Colours closer than this (CIE76 ΔE in Lab) are refused as too alike.
    static constexpr double minimumDistance = 25.0;

    static TrustColorStore *instance();
    static TrustColorStore *create(QQmlEngine *, QJSEngine *);

    int revision() const { return m_revision; }
    QStringList choices() const;

    /// The colour for @p name: the chosen one, else the palette default.
    Q_INVOKABLE QColor colorFor(const QString &name) const;
    /// True when @p name has a colour chosen by the user.
    Q_INVOKABLE bool isChosen(const QString &name) const;
    /// Sets @p name's colour unless it is too close to the colour of one of @p others (appliance
    /// name -> title shown). Returns "" when set, else a translated sentence naming the appliance.
    Q_INVOKABLE QString setColor(const QString &name, const QColor &color, const QVariantMap &others);
    /// Goes back to the default colour.
    Q_INVOKABLE void reset(const QString &name);
    /// Gives each of @p names that has no colour yet (neither chosen nor given) a default at least
    /// minimumDistance from the colour of every other of @p names, and keeps it: an appliance that
    /// appears later never takes a colour already in use, and none changes colour when one appears.
    /// (With more appliances than the palette can keep apart, the farthest colour is given.)
    void assignDistinctDefaults(const QStringList &names);

    /// CIE76 colour difference (ΔE) between @p a and @p b.
    static double distance(const QColor &a, const QColor &b);

Q_SIGNALS:
    /// A colour changed (@p name's; empty when several appliances were given their defaults).
    void colorsChanged(const QString &name);

private:
    explicit TrustColorStore(QObject *parent = nullptr);
    int m_revision = 0;
};
