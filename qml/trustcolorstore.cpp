#include "trustcolorstore.h"

#include <QSettings>

#include <cmath>

namespace {

// TrustColors.qml has no palette of its own any more: this one is the single source. Its colours
// are at least minimumDistance apart (two near-identical greens and oranges were replaced).
const char *const Palette[] = {"#2e86de", "#10ac84", "#8e44ad", "#e67e22", "#c0392b", "#e84393", "#f1c40f", "#2c3e50"};
// What Settings offers: the palette plus a few more, all clearly apart from each other.
const char *const Choices[] = {"#2e86de", "#10ac84", "#8e44ad", "#e67e22", "#c0392b", "#2c3e50",
                               "#f1c40f", "#e84393", "#48dbfb", "#6c5ce7", "#7f8c8d", "#8b5a2b"};

QString key(const QString &name)
{
    return QStringLiteral("appliances/%1/color").arg(name);
}

QString defaultKey(const QString &name)
{
    return QStringLiteral("appliances/%1/defaultColor").arg(name);
}

int paletteIndexFor(const QString &name)
{
    int hash = 0;
    for (const QChar c : name)
        hash = (hash * 31 + c.unicode()) % 9973;
    return hash;
}

struct Lab
{
    double l, a, b;
};

Lab toLab(const QColor &color)
{
    auto linear = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const double r = linear(color.redF()), g = linear(color.greenF()), b = linear(color.blueF());
    // sRGB D65 -> XYZ, normalised by the white point.
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = (0.2126 * r + 0.7152 * g + 0.0722 * b);
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

} // namespace

TrustColorStore::TrustColorStore(QObject *parent) : QObject(parent) {}

TrustColorStore *TrustColorStore::instance()
{
    static TrustColorStore *store = new TrustColorStore;
    return store;
}

TrustColorStore *TrustColorStore::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(instance(), QJSEngine::CppOwnership);
    return instance();
}

QStringList TrustColorStore::choices() const
{
    QStringList list;
    for (const char *choice : Choices)
        list.append(QLatin1String(choice));
    return list;
}

QColor TrustColorStore::colorFor(const QString &name) const
{
    const QSettings settings;
    const QColor chosen(settings.value(key(name)).toString());
    if (chosen.isValid())
        return chosen;
    const QColor given(settings.value(defaultKey(name)).toString());
    if (given.isValid())
        return given;
    return QColor(QLatin1String(Palette[paletteIndexFor(name) % std::size(Palette)]));
}

void TrustColorStore::assignDistinctDefaults(const QStringList &names)
{
    QSettings settings;
    const auto hasColour = [&](const QString &name) {
        return QColor(settings.value(key(name)).toString()).isValid() || QColor(settings.value(defaultKey(name)).toString()).isValid();
    };
    QList<QColor> taken;
    for (const QString &name : names) {
        if (hasColour(name))
            taken.append(colorFor(name));
    }
    const QStringList candidates = choices();
    bool changed = false;
    for (const QString &name : names) {
        if (hasColour(name))
            continue;
        // From the name's own place in the list on: the first colour apart from all in use, else
        // the one farthest from its nearest.
        QColor best;
        double bestNearest = -1;
        for (qsizetype i = 0; i < candidates.size(); ++i) {
            const QColor candidate(candidates.at((paletteIndexFor(name) + i) % candidates.size()));
            double nearest = 1e9;
            for (const QColor &other : std::as_const(taken))
                nearest = std::min(nearest, distance(candidate, other));
            if (nearest >= minimumDistance) {
                best = candidate;
                break;
            }
            if (nearest > bestNearest) {
                bestNearest = nearest;
                best = candidate;
            }
        }
        settings.setValue(defaultKey(name), best.name());
        taken.append(best);
        changed = true;
    }
    if (changed) {
        ++m_revision;
        Q_EMIT colorsChanged(QString());
    }
}

bool TrustColorStore::isChosen(const QString &name) const
{
    return QColor(QSettings().value(key(name)).toString()).isValid();
}

double TrustColorStore::distance(const QColor &a, const QColor &b)
{
    const Lab x = toLab(a);
    const Lab y = toLab(b);
    return std::sqrt((x.l - y.l) * (x.l - y.l) + (x.a - y.a) * (x.a - y.a) + (x.b - y.b) * (x.b - y.b));
}

QString TrustColorStore::setColor(const QString &name, const QColor &color, const QVariantMap &others)
{
    if (!color.isValid())
        return tr("That is not a colour.");
    for (auto it = others.cbegin(); it != others.cend(); ++it) {
        if (it.key() == name)
            continue;
        if (distance(color, colorFor(it.key())) < minimumDistance) {
            const QString title = it.value().toString().isEmpty() ? it.key() : it.value().toString();
            return tr("This colour is too close to %1's; appliances must be easy to tell apart. Choose another one, "
                      "or change %1's colour first.")
                .arg(title);
        }
    }
    QSettings().setValue(key(name), color.name());
    ++m_revision;
    Q_EMIT colorsChanged(name);
    return {};
}

void TrustColorStore::reset(const QString &name)
{
    QSettings().remove(key(name));
    ++m_revision;
    Q_EMIT colorsChanged(name);
}
