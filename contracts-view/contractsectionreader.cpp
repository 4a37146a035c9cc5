#include "contractsectionreader.h"

#include "contractxmlreader.h"

namespace {

const QString networkKind = QStringLiteral("NetworkContract_Type");
const QString mountKind = QStringLiteral("MountContract_Type");
const QString activityKind = QStringLiteral("ActivityContract_Type");
const QString resourceKind = QStringLiteral("ResourceContract_Type");
const QString displayKind = QStringLiteral("DisplayContract_Type");

// Upper bounds that keep every value far from overflow and nonsense.
constexpr double maxRateValue = 1e9; // in the unit written, KiB/s or MiB/s
constexpr double maxSeconds = 1e6;
constexpr double maxMemoryMiB = 1e9;
constexpr double maxQuotaPercent = 1e6;
constexpr qint64 maxCpus = 4096;
constexpr qint64 maxIops = 1000000000;
constexpr qint64 maxWindows = 10000;

} // namespace

ContractSectionReader::ContractSectionReader(ContractXmlReader &reader)
    : m_reader(reader)
{
}

QStringList ContractSectionReader::knownKinds()
{
    return {networkKind, mountKind, activityKind, resourceKind, displayKind};
}

bool ContractSectionReader::read(Section *section)
{
    const QXmlStreamReader &xml = m_reader.xml();
    section->line = m_reader.tokenLine();
    section->column = m_reader.tokenColumn();

    bool hasRequired = false;
    const QString required = m_reader.ovfAttribute(QLatin1String("required"), &hasRequired);
    if (hasRequired) {
        if (required == QLatin1String("true") || required == QLatin1String("1"))
            section->required = true;
        else if (required == QLatin1String("false") || required == QLatin1String("0"))
            section->required = false;
        else
            return m_reader.fail(tr("ovf:required must be true or false, not “%1”").arg(required));
    }
    section->content.hasContract = true;
    if (xml.name() != QLatin1String("ContractSection")) {
        // Another element in the contract namespace: a section of a kind this version does not know.
        section->kind = xml.name().toString();
        return m_reader.skipElement();
    }
    const QStringView type = xml.attributes().value(ContractXmlReader::xsiNamespace, QLatin1String("type"));
    if (type.trimmed().isEmpty())
        return m_reader.fail(tr("<%1> has no xsi:type naming its kind").arg(m_reader.elementName()));
    // The prefix on the value ("ovf:") is not significant.
    const QStringView trimmed = type.trimmed();
    section->kind = trimmed.mid(trimmed.lastIndexOf(QLatin1Char(':')) + 1).toString();
    section->known = knownKinds().contains(section->kind);

    if (section->kind == networkKind)
        return readNetwork(section);
    if (section->kind == resourceKind)
        return readResources(section);
    if (section->kind == displayKind)
        return readDisplay(section);
    if (section->kind == mountKind || section->kind == activityKind) {
        const bool mounts = section->kind == mountKind;
        QStringList seen;
        while (m_reader.nextChild()) {
            const QString name = xml.name().toString();
            if (!inChildNamespace())
                return unknownElement(tr("a %1 section").arg(section->kind));
            if (name == QLatin1String("Info")) {
                QString ignored;
                if (!once(&seen, name) || !m_reader.readText(&ignored))
                    return false;
            } else if (mounts && name == QLatin1String("Mount")) {
                if (!readMount(section))
                    return false;
            } else if (!mounts && name == QLatin1String("Expect")) {
                if (!readExpect(section))
                    return false;
            } else {
                return unknownElement(tr("a %1 section").arg(section->kind));
            }
        }
        return !m_reader.hasError();
    }
    return m_reader.skipElement();
}

bool ContractSectionReader::readNetwork(Section *section)
{
    const QXmlStreamReader &xml = m_reader.xml();
    QStringList seen;
    while (m_reader.nextChild()) {
        const QString name = xml.name().toString();
        if (!inChildNamespace())
            return unknownElement(tr("a %1 section").arg(section->kind));
        bool ok = false;
        if (name == QLatin1String("Info")) {
            QString ignored;
            ok = once(&seen, name) && m_reader.readText(&ignored);
        } else if (name == QLatin1String("Rule")) {
            ok = readRule(section);
        } else if (name == QLatin1String("OutgoingRate")) {
            ok = once(&seen, name) && readRate(&section->content.outgoingRate);
        } else if (name == QLatin1String("IncomingRate")) {
            ok = once(&seen, name) && readRate(&section->content.incomingRate);
        } else {
            return unknownElement(tr("a %1 section").arg(section->kind));
        }
        if (!ok)
            return false;
    }
    return !m_reader.hasError();
}

bool ContractSectionReader::readRule(Section *section)
{
    const QXmlStreamReader &xml = m_reader.xml();
    const int line = m_reader.tokenLine();
    const int column = m_reader.tokenColumn();
    NetworkRule rule;
    QStringList seen;
    while (m_reader.nextChild()) {
        const QString name = xml.name().toString();
        if (!inChildNamespace())
            return unknownElement(QStringLiteral("<Rule>"));
        if (!once(&seen, name))
            return false;
        const int valueLine = m_reader.tokenLine();
        const int valueColumn = m_reader.tokenColumn();
        QString text;
        QString error;
        if (name == QLatin1String("Info")) {
            if (!m_reader.readText(&rule.info))
                return false;
        } else if (name == QLatin1String("Protocol")) {
            if (!m_reader.readText(&text))
                return false;
            if (!NetworkRule::parseProtocol(text, &rule.protocol))
                return m_reader.failAt(valueLine, valueColumn, tr("unknown protocol “%1”: use tcp, udp, icmp or any").arg(text));
        } else if (name == QLatin1String("SrcAddr") || name == QLatin1String("DstAddr")) {
            if (!readAddress(name == QLatin1String("SrcAddr") ? &rule.srcAddr : &rule.dstAddr, section))
                return false;
        } else if (name == QLatin1String("SrcPort") || name == QLatin1String("DstPort")) {
            if (!m_reader.readText(&text))
                return false;
            if (!PortRange::parse(text, name == QLatin1String("SrcPort") ? &rule.srcPort : &rule.dstPort, &error))
                return m_reader.failAt(valueLine, valueColumn, error);
        } else {
            return unknownElement(QStringLiteral("<Rule>"));
        }
    }
    if (m_reader.hasError())
        return false;
    const QStringList required{QStringLiteral("Protocol"), QStringLiteral("SrcAddr"), QStringLiteral("SrcPort"), QStringLiteral("DstAddr"),
                               QStringLiteral("DstPort")};
    if (!requireAll(seen, required, line, column, QStringLiteral("Rule")))
        return false;
    section->content.rules.append(rule);
    return true;
}

bool ContractSectionReader::readAddress(NetworkAddress *address, Section *section)
{
    const int line = m_reader.tokenLine();
    const int column = m_reader.tokenColumn();
    const QString name = m_reader.elementName();
    bool isReference = false;
    const QString id = m_reader.ovfAttribute(QLatin1String("id"), &isReference).trimmed();
    QString text;
    if (!m_reader.readText(&text))
        return false;
    if (isReference) {
        if (!text.isEmpty())
            return m_reader.failAt(line, column, tr("<%1> has both ovf:id and an address; give one").arg(name));
        if (id.isEmpty())
            return m_reader.failAt(line, column, tr("<%1> has an empty ovf:id").arg(name));
        *address = NetworkAddress::system(id);
        section->references.append({id, line, column});
        return true;
    }
    QString error;
    if (!NetworkAddress::parse(text, address, &error))
        return m_reader.failAt(line, column, error);
    return true;
}

bool ContractSectionReader::readRate(Rate *rate)
{
    const QString name = m_reader.elementName();
    double average = -1;
    double peak = -1;
    double burst = -1;
    double unit = 1024;
    for (const QXmlStreamAttribute &attribute : m_reader.xml().attributes()) {
        if (!attribute.namespaceUri().isEmpty())
            continue; // ovf:msgid and the like
        const QString key = attribute.name().toString();
        const QString value = attribute.value().trimmed().toString();
        if (key == QLatin1String("unit")) {
            if (value.compare(QLatin1String("KiB/s"), Qt::CaseInsensitive) == 0)
                unit = 1024;
            else if (value.compare(QLatin1String("MiB/s"), Qt::CaseInsensitive) == 0)
                unit = 1024 * 1024;
            else
                return m_reader.fail(tr("bad unit “%1” on <%2>: use KiB/s or MiB/s").arg(value, name));
            continue;
        }
        double *target = key == QLatin1String("average") ? &average : key == QLatin1String("peak") ? &peak : key == QLatin1String("burst") ? &burst : nullptr;
        if (!target)
            return m_reader.fail(tr("unknown attribute “%1” on <%2>").arg(key, name));
        QString error;
        if (!parseNumber(value, maxRateValue, target, &error))
            return m_reader.fail(error);
    }
    if (average < 0)
        return m_reader.fail(tr("<%1> needs an average attribute").arg(name));
    QString text;
    if (!m_reader.readText(&text))
        return false;
    if (!text.isEmpty())
        return m_reader.fail(tr("<%1> takes attributes, not text").arg(name));
    *rate = Rate::limit(average * unit, peak < 0 ? -1 : peak * unit, burst < 0 ? -1 : burst * 1024);
    return true;
}

bool ContractSectionReader::readMount(Section *section)
{
    const QXmlStreamReader &xml = m_reader.xml();
    const int line = m_reader.tokenLine();
    const int column = m_reader.tokenColumn();
    MountGrant mount;
    QStringList seen;
    while (m_reader.nextChild()) {
        const QString name = xml.name().toString();
        if (!inChildNamespace())
            return unknownElement(QStringLiteral("<Mount>"));
        if (!once(&seen, name))
            return false;
        const int valueLine = m_reader.tokenLine();
        const int valueColumn = m_reader.tokenColumn();
        QString text;
        QString error;
        if (name == QLatin1String("ReadRate") || name == QLatin1String("WriteRate")) {
            if (!readRate(name == QLatin1String("ReadRate") ? &mount.readRate : &mount.writeRate))
                return false;
            continue;
        }
        if (name != QLatin1String("Info") && name != QLatin1String("Store") && name != QLatin1String("Target") && name != QLatin1String("Access"))
            return unknownElement(QStringLiteral("<Mount>"));
        if (!m_reader.readText(&text))
            return false;
        if (name == QLatin1String("Info")) {
            mount.info = text;
        } else if (name == QLatin1String("Store")) {
            if (!MountGrant::normaliseStore(text, false, &mount.store, &error))
                return m_reader.failAt(valueLine, valueColumn, error);
        } else if (name == QLatin1String("Target")) {
            if (!MountGrant::validTarget(text, &error))
                return m_reader.failAt(valueLine, valueColumn, error);
            mount.target = text;
        } else if (!MountGrant::parseAccess(text, &mount.access)) {
            return m_reader.failAt(valueLine, valueColumn, tr("unknown access “%1”: use read-only or read-write").arg(text));
        }
    }
    if (m_reader.hasError()
        || !requireAll(seen, {QStringLiteral("Store"), QStringLiteral("Target"), QStringLiteral("Access")}, line, column, QStringLiteral("Mount")))
        return false;
    section->content.mounts.append(mount);
    return true;
}

bool ContractSectionReader::readExpect(Section *section)
{
    const QXmlStreamReader &xml = m_reader.xml();
    const int line = m_reader.tokenLine();
    const int column = m_reader.tokenColumn();
    ActivityExpectation expectation;
    QStringList seen;
    while (m_reader.nextChild()) {
        const QString name = xml.name().toString();
        if (!inChildNamespace())
            return unknownElement(QStringLiteral("<Expect>"));
        if (!once(&seen, name))
            return false;
        const int valueLine = m_reader.tokenLine();
        const int valueColumn = m_reader.tokenColumn();
        QString text;
        QString error;
        if (name == QLatin1String("WithinSecondsOfInput")) {
            if (!readNumber(&expectation.withinSecondsOfInput, maxSeconds))
                return false;
            continue;
        }
        if (name != QLatin1String("Info") && name != QLatin1String("Store") && name != QLatin1String("Access"))
            return unknownElement(QStringLiteral("<Expect>"));
        if (!m_reader.readText(&text))
            return false;
        if (name == QLatin1String("Store")) {
            if (!MountGrant::normaliseStore(text, true, &expectation.store, &error))
                return m_reader.failAt(valueLine, valueColumn, error);
        } else if (name == QLatin1String("Access") && !ActivityExpectation::parseAccess(text, &expectation.access)) {
            return m_reader.failAt(valueLine, valueColumn, tr("unknown access “%1”: use read or write").arg(text));
        }
    }
    const QStringList required{QStringLiteral("Store"), QStringLiteral("Access"), QStringLiteral("WithinSecondsOfInput")};
    if (m_reader.hasError() || !requireAll(seen, required, line, column, QStringLiteral("Expect")))
        return false;
    section->content.activity.append(expectation);
    return true;
}

bool ContractSectionReader::readResources(Section *section)
{
    const QXmlStreamReader &xml = m_reader.xml();
    ResourceLimits &limits = section->content.resources;
    QStringList seen;
    while (m_reader.nextChild()) {
        const QString name = xml.name().toString();
        if (!inChildNamespace())
            return unknownElement(tr("a %1 section").arg(section->kind));
        if (!once(&seen, name))
            return false;
        const int line = m_reader.tokenLine();
        const int column = m_reader.tokenColumn();
        bool ok = false;
        qint64 count = 0;
        double number = 0;
        if (name == QLatin1String("Info")) {
            QString ignored;
            ok = m_reader.readText(&ignored);
        } else if (name == QLatin1String("CPUs")) {
            ok = readCount(&count, maxCpus);
            limits.cpus = int(count);
        } else if (name == QLatin1String("Memory")) {
            double unit = 1;
            for (const QXmlStreamAttribute &attribute : xml.attributes()) {
                if (!attribute.namespaceUri().isEmpty())
                    continue;
                const QString value = attribute.value().trimmed().toString();
                if (attribute.name() != QLatin1String("unit"))
                    return m_reader.fail(tr("unknown attribute “%1” on <%2>").arg(attribute.name().toString(), name));
                if (value.compare(QLatin1String("GiB"), Qt::CaseInsensitive) == 0)
                    unit = 1024;
                else if (value.compare(QLatin1String("MiB"), Qt::CaseInsensitive) != 0)
                    return m_reader.fail(tr("bad unit “%1” on <Memory>: use MiB or GiB").arg(value));
            }
            ok = readNumber(&number, maxMemoryMiB);
            if (ok && number <= 0)
                return m_reader.failAt(line, column, tr("<Memory> must be more than 0"));
            limits.memoryMiB = number * unit;
        } else if (name == QLatin1String("CPUQuota")) {
            ok = readNumber(&number, maxQuotaPercent);
            if (ok && number <= 0)
                return m_reader.failAt(line, column, tr("<CPUQuota> must be more than 0 percent"));
            limits.cpuQuotaPercent = number;
        } else if (name == QLatin1String("DiskReadRate") || name == QLatin1String("DiskWriteRate")) {
            ok = readRate(name == QLatin1String("DiskReadRate") ? &limits.diskReadRate : &limits.diskWriteRate);
        } else if (name == QLatin1String("DiskReadIOPS") || name == QLatin1String("DiskWriteIOPS")) {
            ok = readCount(&count, maxIops);
            (name == QLatin1String("DiskReadIOPS") ? limits.diskReadIops : limits.diskWriteIops) = count;
        } else {
            return unknownElement(tr("a %1 section").arg(section->kind));
        }
        if (!ok)
            return false;
    }
    return !m_reader.hasError();
}

bool ContractSectionReader::readDisplay(Section *section)
{
    const QXmlStreamReader &xml = m_reader.xml();
    DisplayPolicy &display = section->content.display;
    QStringList seen;
    while (m_reader.nextChild()) {
        const QString name = xml.name().toString();
        if (!inChildNamespace())
            return unknownElement(tr("a %1 section").arg(section->kind));
        if (!once(&seen, name))
            return false;
        bool ok = false;
        QString keyword;
        qint64 count = 0;
        if (name == QLatin1String("Info")) {
            ok = m_reader.readText(&keyword);
        } else if (name == QLatin1String("Clipboard")) {
            ok = readKeyword({QStringLiteral("none"), QStringLiteral("explicit")}, &keyword);
            display.clipboard = keyword == QLatin1String("none") ? DisplayPolicy::Clipboard::None : DisplayPolicy::Clipboard::Explicit;
        } else if (name == QLatin1String("MaxWindows")) {
            ok = readCount(&count, maxWindows);
            display.maxWindows = int(count);
        } else if (name == QLatin1String("Fullscreen")) {
            ok = readKeyword({QStringLiteral("deny"), QStringLiteral("allow")}, &keyword);
            display.fullscreen = keyword == QLatin1String("deny") ? DisplayPolicy::Fullscreen::Deny : DisplayPolicy::Fullscreen::Allow;
        } else {
            return unknownElement(tr("a %1 section").arg(section->kind));
        }
        if (!ok)
            return false;
    }
    return !m_reader.hasError();
}

bool ContractSectionReader::inChildNamespace() const
{
    const QStringView ns = m_reader.xml().namespaceUri();
    return ns.isEmpty() || ns == ContractXmlReader::contractNamespace || ContractXmlReader::isOvfNamespace(ns);
}

bool ContractSectionReader::unknownElement(const QString &where)
{
    return m_reader.fail(tr("unknown element <%1> in %2").arg(m_reader.elementName(), where));
}

bool ContractSectionReader::once(QStringList *seen, const QString &name)
{
    if (seen->contains(name))
        return m_reader.fail(tr("<%1> is given more than once here").arg(m_reader.elementName()));
    seen->append(name);
    return true;
}

bool ContractSectionReader::requireAll(const QStringList &seen, const QStringList &required, int line, int column, const QString &parent)
{
    for (const QString &name : required) {
        if (!seen.contains(name))
            return m_reader.failAt(line, column, tr("<%1> lacks <%2>").arg(parent, name));
    }
    return true;
}

bool ContractSectionReader::parseNumber(const QString &text, double maximum, double *value, QString *error)
{
    // Plain decimals only: no sign, exponent, hex, inf or nan.
    bool digits = false;
    int points = 0;
    bool other = false;
    for (const QChar c : text) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits = true;
        else if (c == QLatin1Char('.'))
            ++points;
        else
            other = true;
    }
    if (!digits || other || points > 1 || text.size() > 20) {
        *error = tr("“%1” is not a number").arg(text);
        return false;
    }
    const double parsed = text.toDouble();
    if (parsed > maximum) {
        *error = tr("%1 is too large (at most %2)").arg(text, QString::number(maximum, 'g', 10));
        return false;
    }
    *value = parsed;
    return true;
}

bool ContractSectionReader::readNumber(double *value, double maximum)
{
    const int line = m_reader.tokenLine();
    const int column = m_reader.tokenColumn();
    QString text;
    QString error;
    if (!m_reader.readText(&text))
        return false;
    if (!parseNumber(text, maximum, value, &error))
        return m_reader.failAt(line, column, error);
    return true;
}

bool ContractSectionReader::readCount(qint64 *value, qint64 maximum)
{
    const int line = m_reader.tokenLine();
    const int column = m_reader.tokenColumn();
    const QString name = m_reader.elementName();
    QString text;
    if (!m_reader.readText(&text))
        return false;
    bool digits = !text.isEmpty() && text.size() <= 12;
    for (const QChar c : text)
        digits = digits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    if (!digits)
        return m_reader.failAt(line, column, tr("<%1> must be a whole number, not “%2”").arg(name, text));
    const qint64 parsed = text.toLongLong();
    if (parsed < 1 || parsed > maximum)
        return m_reader.failAt(line, column, tr("<%1> must be between 1 and %2").arg(name, QString::number(maximum)));
    *value = parsed;
    return true;
}

bool ContractSectionReader::readKeyword(const QStringList &allowed, QString *value)
{
    const int line = m_reader.tokenLine();
    const int column = m_reader.tokenColumn();
    const QString name = m_reader.elementName();
    QString text;
    if (!m_reader.readText(&text))
        return false;
    for (const QString &keyword : allowed) {
        if (text.compare(keyword, Qt::CaseInsensitive) == 0) {
            *value = keyword;
            return true;
        }
    }
    return m_reader.failAt(line, column, tr("<%1> must be %2, not “%3”").arg(name, allowed.join(tr(" or ", "between alternatives")), text));
}
