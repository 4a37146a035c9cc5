#include "breachevent.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace {

struct KindName
{
    BreachEvent::Kind kind;
    const char *key;
};

constexpr KindName KindNames[] = {
    {BreachEvent::Kind::WriteWithoutInput, "write-without-input"},
    {BreachEvent::Kind::ReadWithoutInput, "read-without-input"},
    {BreachEvent::Kind::MountWriteOverRate, "mount-write-over-rate"},
    {BreachEvent::Kind::ConnectionDenied, "connection-denied"},
    {BreachEvent::Kind::DeniedBurst, "denied-burst"},
    {BreachEvent::Kind::CpuOverQuota, "cpu-over-quota"},
    {BreachEvent::Kind::WindowsOverLimit, "windows-over-limit"},
    {BreachEvent::Kind::FullScreenRefused, "full-screen-refused"},
};

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

ContractElement BreachEvent::element() const
{
    switch (kind) {
    case Kind::WriteWithoutInput:
    case Kind::ReadWithoutInput:
        return ContractElement::Activity;
    case Kind::MountWriteOverRate:
        return ContractElement::MountRates;
    case Kind::ConnectionDenied:
    case Kind::DeniedBurst:
        return ContractElement::NetworkRules;
    case Kind::WindowsOverLimit:
        return ContractElement::MaxWindows;
    case Kind::FullScreenRefused:
        return ContractElement::Fullscreen;
    case Kind::CpuOverQuota:
        break;
    }
    return ContractElement::CpuQuota;
}

QString BreachEvent::kindKey(Kind kind)
{
    for (const KindName &name : KindNames) {
        if (name.kind == kind)
            return QLatin1String(name.key);
    }
    return {};
}

bool BreachEvent::kindFromKey(const QString &key, Kind *kind)
{
    for (const KindName &name : KindNames) {
        if (key == QLatin1String(name.key)) {
            *kind = name.kind;
            return true;
        }
    }
    return false;
}

void BreachEvent::addEvidence(const QString &item)
{
    if (evidence.size() < MaxEvidence)
        evidence.append(item);
    else
        ++evidenceOmitted;
}

void BreachEvent::foldIn(const BreachEvent &other, bool newSubject)
{
    if (other.windowStart.isValid() && (!windowStart.isValid() || other.windowStart < windowStart))
        windowStart = other.windowStart;
    if (other.windowEnd.isValid() && (!windowEnd.isValid() || other.windowEnd > windowEnd))
        windowEnd = other.windowEnd;
    // The worst observation: the longest time since input (negative: no input at all), the
    // highest rate, count or share.
    if (observed >= 0 && (other.observed < 0 || other.observed > observed))
        observed = other.observed;
    folded = int(qMin<qint64>(qint64(folded) + 1 + other.folded, std::numeric_limits<int>::max()));
    foldedSubjects = int(qMin<qint64>(qint64(foldedSubjects) + (newSubject ? 1 : 0) + other.foldedSubjects,
                                      std::numeric_limits<int>::max()));
    evidenceOmitted = int(qMin<qint64>(qint64(evidenceOmitted) + other.evidenceOmitted, std::numeric_limits<int>::max()));
}

QString BreachEvent::describe() const
{
    const QString what = describeOne();
    if (folded <= 0)
        return what;
    const int seconds = qMax(1, int((windowStart.msecsTo(windowEnd) + 999) / 1000));
    if (foldedSubjects <= 0)
        return what + QLatin1Char(' ') + tr("It happened %n more time(s) within %1 s.", nullptr, folded).arg(seconds);
    QString more;
    switch (kind) {
    case Kind::ConnectionDenied:
        more = tr("And %n more refused destination(s) within %1 s.", nullptr, foldedSubjects);
        break;
    case Kind::WriteWithoutInput:
    case Kind::ReadWithoutInput:
        more = tr("And %n more store folder(s) within %1 s.", nullptr, foldedSubjects);
        break;
    case Kind::MountWriteOverRate:
        more = tr("And %n more mount(s) within %1 s.", nullptr, foldedSubjects);
        break;
    case Kind::FullScreenRefused:
        more = tr("And %n more window(s) within %1 s.", nullptr, foldedSubjects);
        break;
    case Kind::DeniedBurst:
    case Kind::CpuOverQuota:
    case Kind::WindowsOverLimit:
        more = tr("And %n more like it within %1 s.", nullptr, foldedSubjects);
        break;
    }
    return what + QLatin1Char(' ') + more.arg(seconds);
}

QString BreachEvent::describeOne() const
{
    switch (kind) {
    case Kind::WriteWithoutInput:
        if (observed < 0)
            return tr("%1 was changed although you never used this appliance; its contract expects changes only within %2 s of your input.")
                .arg(subject).arg(bound);
        return tr("%1 was changed %2 s after your last input; its contract expects changes only within %3 s of your input.")
            .arg(subject).arg(std::round(observed)).arg(bound);
    case Kind::ReadWithoutInput:
        if (observed < 0)
            return tr("%1 was read although you never used this appliance; its contract expects reads only within %2 s of your input.")
                .arg(subject).arg(bound);
        return tr("%1 was read %2 s after your last input; its contract expects reads only within %3 s of your input.")
            .arg(subject).arg(std::round(observed)).arg(bound);
    case Kind::MountWriteOverRate:
        return tr("%1 was written at %2 B/s; its contract allows %3 B/s.").arg(subject).arg(std::round(observed)).arg(std::round(bound));
    case Kind::ConnectionDenied:
        return tr("A connection to %1 was refused: the contract does not allow it.").arg(subject);
    case Kind::DeniedBurst:
        return tr("%1 connections were refused in a short time: the appliance may be probing the network.").arg(observed);
    case Kind::WindowsOverLimit:
        return tr("The appliance opened %1 windows; its contract allows %2 at a time.").arg(observed).arg(bound);
    case Kind::FullScreenRefused:
        return tr("The window “%1” covered the whole screen, which the contract denies; it was not shown and was made smaller.").arg(subject);
    case Kind::CpuOverQuota:
        break;
    }
    return tr("The appliance used %1 % of a CPU core; its contract allows %2 %.").arg(std::round(observed)).arg(bound);
}

QJsonObject BreachEvent::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("kind"), kindKey(kind));
    object.insert(QStringLiteral("appliance"), appliance);
    object.insert(QStringLiteral("time"), isoTime(time));
    object.insert(QStringLiteral("windowStart"), isoTime(windowStart));
    object.insert(QStringLiteral("windowEnd"), isoTime(windowEnd));
    object.insert(QStringLiteral("element"), int(element()));
    object.insert(QStringLiteral("subject"), subject);
    object.insert(QStringLiteral("observed"), observed);
    object.insert(QStringLiteral("bound"), bound);
    object.insert(QStringLiteral("unit"), unit);
    object.insert(QStringLiteral("evidence"), QJsonArray::fromStringList(evidence));
    object.insert(QStringLiteral("evidenceOmitted"), evidenceOmitted);
    if (folded > 0) {
        object.insert(QStringLiteral("folded"), folded);
        object.insert(QStringLiteral("foldedSubjects"), foldedSubjects);
    }
    return object;
}

bool BreachEvent::fromJson(const QJsonObject &object, BreachEvent *event)
{
    BreachEvent read;
    if (!kindFromKey(object.value(QStringLiteral("kind")).toString(), &read.kind))
        return false;
    read.appliance = object.value(QStringLiteral("appliance")).toString();
    read.time = QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    read.windowStart = QDateTime::fromString(object.value(QStringLiteral("windowStart")).toString(), Qt::ISODateWithMs);
    read.windowEnd = QDateTime::fromString(object.value(QStringLiteral("windowEnd")).toString(), Qt::ISODateWithMs);
    if (read.appliance.isEmpty() || !read.time.isValid())
        return false;
    read.subject = object.value(QStringLiteral("subject")).toString();
    read.observed = object.value(QStringLiteral("observed")).toDouble();
    read.bound = object.value(QStringLiteral("bound")).toDouble();
    read.unit = object.value(QStringLiteral("unit")).toString();
    const QJsonArray items = object.value(QStringLiteral("evidence")).toArray();
    for (const QJsonValue &item : items)
        read.addEvidence(item.toString());
    read.evidenceOmitted += qMax(0, object.value(QStringLiteral("evidenceOmitted")).toInt());
    read.folded = qMax(0, object.value(QStringLiteral("folded")).toInt());
    read.foldedSubjects = qBound(0, object.value(QStringLiteral("foldedSubjects")).toInt(), read.folded);
    *event = read;
    return true;
}
