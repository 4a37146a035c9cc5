#pragma once

#include <QColor>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantMap>

/**
 * Each appliance's trust colour (the card, the guest window frame, the seamless borders):
 * a default from a fixed palette by name, or the colour the user chose in Settings,
 * kept with QSettings under appliances/NAME/color.
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

    /// CIE76 colour difference (ΔE) between @p a and @p b.
    static double distance(const QColor &a, const QColor &b);

Q_SIGNALS:
    /// A colour changed (@p name's).
    void colorsChanged(const QString &name);

private:
    explicit TrustColorStore(QObject *parent = nullptr);
    int m_revision = 0;
};
