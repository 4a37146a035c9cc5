#include "contractparser.h"

#include "contractslogging.h"

#include <QFile>
#include <QSet>

ContractParser::ContractParser(const QByteArray &data, const QString &fileName)
    : m_reader(data, fileName)
    , m_fileName(fileName)
{
}

ContractParseResult ContractParser::failure(const QString &fileName, int line, int column, const QString &message)
{
    ContractParseResult result;
    result.fileName = fileName;
    result.errorLine = line;
    result.errorColumn = column;
    result.errorMessage = message;
    result.error = fileName + QLatin1Char(':') + QString::number(line) + QLatin1Char(':') + QString::number(column) + QLatin1String(": ") + message;
    return result;
}

ContractParseResult ContractParser::parseFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(path, 1, 1, tr("cannot open the descriptor: %1").arg(file.errorString()));
    // Read one byte past the limit instead of trusting size(): pipes and /proc files report 0.
    const QByteArray data = file.read(maximumSize + 1);
    if (file.error() != QFileDevice::NoError)
        return failure(path, 1, 1, tr("cannot read the descriptor: %1").arg(file.errorString()));
    return parse(data, path);
}

ContractParseResult ContractParser::parse(const QByteArray &data, const QString &fileName)
{
    if (data.size() > maximumSize)
        return failure(fileName, 1, 1, tr("the descriptor is larger than %1 MiB").arg(maximumSize / (1024 * 1024)));
    ContractParser parser(data, fileName);
    ContractParseResult result;
    result.fileName = fileName;
    if (parser.readEnvelope() && parser.resolveReferences() && parser.assemble(&result)) {
        result.ok = true;
        return result;
    }
    qCDebug(lcContracts) << "rejected" << fileName << parser.m_reader.errorMessage();
    return failure(fileName, parser.m_reader.errorLine(), parser.m_reader.errorColumn(), parser.m_reader.errorMessage());
}

bool ContractParser::readEnvelope()
{
    const QXmlStreamReader &xml = m_reader.xml();
    while (m_reader.next() && !xml.isStartElement()) {
    }
    if (m_reader.hasError())
        return false;
    if (!xml.isStartElement())
        return m_reader.fail(tr("the file is empty; expected an OVF Envelope"));
    if (xml.name() != QLatin1String("Envelope") || !ContractXmlReader::isOvfNamespace(xml.namespaceUri()))
        return m_reader.fail(tr("<%1> is not an OVF Envelope (namespace %2 or %3)")
                                 .arg(m_reader.elementName(), ContractXmlReader::ovfNamespace1, ContractXmlReader::ovfNamespace2));

    QList<int> leaves;
    while (m_reader.nextChild()) {
        const bool ovf = ContractXmlReader::isOvfNamespace(xml.namespaceUri());
        bool ok = true;
        if (ovf && xml.name() == QLatin1String("VirtualSystem"))
            ok = readSystem(&leaves);
        else if (ovf && xml.name() == QLatin1String("VirtualSystemCollection"))
            ok = readCollection(&leaves, 1);
        else if (xml.namespaceUri() == ContractXmlReader::contractNamespace)
            ok = m_reader.fail(tr("<%1> must be inside a VirtualSystem or VirtualSystemCollection").arg(m_reader.elementName()));
        else
            ok = m_reader.skipElement();
        if (!ok)
            return false;
    }
    // Read to the end so that trailing garbage is reported too.
    while (m_reader.next()) {
    }
    if (m_reader.hasError())
        return false;
    if (m_leaves.isEmpty())
        return m_reader.failAt(1, 1, tr("the descriptor has no VirtualSystem"));
    return true;
}

bool ContractParser::registerId(bool isSystem)
{
    const QString id = m_reader.ovfAttribute(QLatin1String("id")).trimmed();
    if (id.isEmpty())
        return m_reader.fail(tr("<%1> has no ovf:id").arg(m_reader.elementName()));
    if (m_ids.contains(id))
        return m_reader.fail(tr("ovf:id “%1” is used more than once").arg(id));
    m_ids.insert(id, isSystem);
    return true;
}

bool ContractParser::readSystem(QList<int> *leaves)
{
    if (!registerId(true))
        return false;
    const QXmlStreamReader &xml = m_reader.xml();
    Leaf leaf;
    leaf.system.id = m_reader.ovfAttribute(QLatin1String("id")).trimmed();
    while (m_reader.nextChild()) {
        bool ok = true;
        if (xml.namespaceUri() == ContractXmlReader::contractNamespace) {
            ok = readContractElement(&leaf.sections);
        } else if (xml.name() == QLatin1String("Name") && ContractXmlReader::isOvfNamespace(xml.namespaceUri())) {
            ok = m_reader.readText(&leaf.system.name);
        } else if (xml.name() == QLatin1String("VirtualSystem") || xml.name() == QLatin1String("VirtualSystemCollection")) {
            ok = m_reader.fail(tr("a VirtualSystem cannot contain <%1>").arg(m_reader.elementName()));
        } else {
            ok = m_reader.skipElement();
        }
        if (!ok)
            return false;
    }
    if (m_reader.hasError())
        return false;
    if (leaf.system.name.isEmpty())
        leaf.system.name = leaf.system.id;
    leaves->append(int(m_leaves.size()));
    m_leaves.append(leaf);
    return true;
}

bool ContractParser::readCollection(QList<int> *leaves, int depth)
{
    if (depth > maximumCollectionDepth)
        return m_reader.fail(tr("VirtualSystemCollections are nested more than %1 deep").arg(maximumCollectionDepth));
    if (!registerId(false))
        return false;
    const QXmlStreamReader &xml = m_reader.xml();
    QList<int> members;
    QList<int> sections;
    while (m_reader.nextChild()) {
        const bool ovf = ContractXmlReader::isOvfNamespace(xml.namespaceUri());
        bool ok = true;
        if (xml.namespaceUri() == ContractXmlReader::contractNamespace)
            ok = readContractElement(&sections);
        else if (ovf && xml.name() == QLatin1String("VirtualSystem"))
            ok = readSystem(&members);
        else if (ovf && xml.name() == QLatin1String("VirtualSystemCollection"))
            ok = readCollection(&members, depth + 1);
        else
            ok = m_reader.skipElement();
        if (!ok)
            return false;
    }
    if (m_reader.hasError())
        return false;
    // A collection's contract applies to every system in it, however deep.
    for (const int member : std::as_const(members))
        m_leaves[member].sections += sections;
    *leaves += members;
    return true;
}

bool ContractParser::readContractElement(QList<int> *sections)
{
    ContractSectionReader::Section section;
    ContractSectionReader reader(m_reader);
    if (!reader.read(&section))
        return false;
    sections->append(int(m_sections.size()));
    m_sections.append(section);
    return true;
}

bool ContractParser::resolveReferences()
{
    for (const ContractSectionReader::Section &section : std::as_const(m_sections)) {
        for (const ContractSectionReader::Reference &reference : section.references) {
            const auto found = m_ids.constFind(reference.id);
            if (found == m_ids.constEnd())
                return m_reader.failAt(reference.line, reference.column,
                                       tr("ovf:id “%1” does not name a VirtualSystem in this descriptor").arg(reference.id));
            if (!found.value())
                return m_reader.failAt(reference.line, reference.column,
                                       tr("ovf:id “%1” names a VirtualSystemCollection; a rule must name a VirtualSystem").arg(reference.id));
        }
    }
    return true;
}

NetworkRule::Direction ContractParser::deriveDirection(const NetworkRule &rule, const QString &self)
{
    using Kind = NetworkAddress::Kind;
    const bool srcIsSystem = rule.srcAddr.kind() == Kind::System;
    const bool dstIsSystem = rule.dstAddr.kind() == Kind::System;
    if (dstIsSystem && rule.dstAddr.name() == self)
        return NetworkRule::Direction::In;
    if (srcIsSystem && rule.srcAddr.name() == self)
        return NetworkRule::Direction::Out;
    // Neither end is this system. Traffic from another system is that system's business.
    if (srcIsSystem)
        return NetworkRule::Direction::Peer;
    // "any" includes this system, so it may reach the destination.
    if (rule.srcAddr.isAny())
        return NetworkRule::Direction::Out;
    // An outside address sending to another system does not involve this one;
    // an address sending elsewhere may be this system's own address.
    return dstIsSystem ? NetworkRule::Direction::Peer : NetworkRule::Direction::Out;
}

void ContractParser::merge(SystemContract *into, const SystemContract &part)
{
    into->rules += part.rules;
    into->outgoingRate = Rate::tighter(into->outgoingRate, part.outgoingRate);
    into->incomingRate = Rate::tighter(into->incomingRate, part.incomingRate);
    into->mounts += part.mounts;
    into->activity += part.activity;
    ResourceLimits &r = into->resources;
    const ResourceLimits &p = part.resources;
    r.cpus = ResourceLimits::lower(r.cpus, p.cpus);
    r.memoryMiB = ResourceLimits::lower(r.memoryMiB, p.memoryMiB);
    r.cpuQuotaPercent = ResourceLimits::lower(r.cpuQuotaPercent, p.cpuQuotaPercent);
    r.diskReadRate = Rate::tighter(r.diskReadRate, p.diskReadRate);
    r.diskWriteRate = Rate::tighter(r.diskWriteRate, p.diskWriteRate);
    r.diskReadIops = ResourceLimits::lower(r.diskReadIops, p.diskReadIops);
    r.diskWriteIops = ResourceLimits::lower(r.diskWriteIops, p.diskWriteIops);
    DisplayPolicy &d = into->display;
    d.clipboard = std::min(d.clipboard, part.display.clipboard);
    d.fullscreen = std::min(d.fullscreen, part.display.fullscreen);
    d.maxWindows = ResourceLimits::lower(d.maxWindows, part.display.maxWindows);
}

bool ContractParser::assemble(ContractParseResult *result)
{
    qsizetype totalRules = 0;
    QSet<QString> notes;
    for (Leaf &leaf : m_leaves) {
        SystemContract &system = leaf.system;
        system.hasContract = !leaf.sections.isEmpty();
        for (const int index : std::as_const(leaf.sections)) {
            const ContractSectionReader::Section &section = m_sections.at(index);
            QString note;
            if (section.known) {
                totalRules += section.content.rules.size();
                if (totalRules > maximumTotalRules)
                    return m_reader.failAt(section.line, section.column,
                                           tr("more than %1 network rules once collection contracts apply to each system").arg(maximumTotalRules));
                const qsizetype first = system.rules.size();
                merge(&system, section.content);
                for (qsizetype i = first; i < system.rules.size(); ++i)
                    system.rules[i].direction = deriveDirection(system.rules.at(i), system.id);
            } else if (section.required) {
                system.unlaunchableReasons.append(
                    tr("It requires a contract section of kind “%1”, which this version of Tessera does not understand.").arg(section.kind));
                note = tr("system “%1” cannot be launched: required contract section “%2” is not understood").arg(system.id, section.kind);
            } else {
                if (!system.notUnderstood.contains(section.kind))
                    system.notUnderstood.append(section.kind);
                note = tr("contract section “%1” is not understood and is ignored (it is not required)").arg(section.kind);
            }
            const QString formatted = m_reader.formatted(section.line, section.column, note);
            if (!note.isEmpty() && !notes.contains(formatted)) {
                notes.insert(formatted);
                result->notes.append(formatted);
            }
        }
        result->systems.append(system);
    }
    return true;
}
