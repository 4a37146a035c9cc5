#include "contractxmlreader.h"

#include <algorithm>

const QString ContractXmlReader::ovfNamespace1 = QStringLiteral("http://schemas.dmtf.org/ovf/envelope/1");
const QString ContractXmlReader::ovfNamespace2 = QStringLiteral("http://schemas.dmtf.org/ovf/envelope/2");
const QString ContractXmlReader::contractNamespace = QStringLiteral("urn:tessera:contract:1");
const QString ContractXmlReader::xsiNamespace = QStringLiteral("http://www.w3.org/2001/XMLSchema-instance");

ContractXmlReader::ContractXmlReader(const QByteArray &data, const QString &fileName)
    : m_xml(data)
    , m_data(data)
    , m_fileName(fileName)
{
    m_xml.setNamespaceProcessing(true);
}

bool ContractXmlReader::next()
{
    if (hasError())
        return false;
    const QXmlStreamReader::TokenType token = m_xml.readNext();
    m_tokenLine = m_endLine;
    m_tokenColumn = m_endColumn;
    m_endLine = int(m_xml.lineNumber());
    m_endColumn = int(m_xml.columnNumber()) + 1;

    switch (token) {
    case QXmlStreamReader::Invalid:
        // Where the reader stopped, not where the token started.
        if (m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError)
            return record(m_endLine, m_endColumn, tr("unexpected end of file"));
        return record(m_endLine, m_endColumn, m_xml.errorString());
    case QXmlStreamReader::DTD:
        // Refused before any declaration in it can be used: no entity expansion, ever.
        return fail(tr("document type declarations (DTDs) are not allowed in a descriptor"));
    case QXmlStreamReader::EntityReference:
        return fail(tr("entity reference “&%1;” is not allowed in a descriptor").arg(m_xml.name()));
    case QXmlStreamReader::EndDocument:
        return false;
    default:
        return true;
    }
}

bool ContractXmlReader::nextChild()
{
    while (next()) {
        switch (m_xml.tokenType()) {
        case QXmlStreamReader::StartElement:
            return true;
        case QXmlStreamReader::EndElement:
            return false;
        case QXmlStreamReader::Characters:
            if (!m_xml.isWhitespace())
                return fail(tr("unexpected text “%1” inside <%2>").arg(m_xml.text().trimmed().left(40).toString(), elementName()));
            break;
        default:
            break;
        }
    }
    return false;
}

bool ContractXmlReader::readText(QString *text)
{
    const QString name = elementName();
    QString collected;
    while (next()) {
        switch (m_xml.tokenType()) {
        case QXmlStreamReader::Characters:
            collected += m_xml.text();
            break;
        case QXmlStreamReader::StartElement:
            return fail(tr("<%1> may not contain elements; found <%2>").arg(name, elementName()));
        case QXmlStreamReader::EndElement:
            *text = collected.trimmed();
            return true;
        default:
            break;
        }
    }
    return false;
}

bool ContractXmlReader::skipElement()
{
    int depth = 1;
    while (next()) {
        if (m_xml.isStartElement())
            ++depth;
        else if (m_xml.isEndElement() && --depth == 0)
            return true;
    }
    return false;
}

bool ContractXmlReader::failAt(int line, int column, const QString &message)
{
    if (hasError())
        return false;
    locate(&line, &column);
    return record(line, column, message);
}

void ContractXmlReader::locate(int *line, int *column) const
{
    // QXmlStreamReader reads a character or two ahead, and does not report
    // whitespace in the prolog, so a token's start is only known roughly.
    // Messages point at elements: move to the '<' that starts the tag,
    // forward over whitespace or back into the tag. Only done for messages,
    // as it decodes the document.
    const QString text = QString::fromUtf8(m_data);
    qsizetype offset = 0;
    for (int l = 1; l < *line && offset >= 0; ++l) {
        offset = text.indexOf(QLatin1Char('\n'), offset);
        offset = offset < 0 ? -1 : offset + 1;
    }
    if (offset < 0)
        return;
    offset = std::min(offset + *column - 1, text.size());
    while (offset < text.size() && text.at(offset).isSpace())
        ++offset;
    if (offset >= text.size())
        return;
    if (text.at(offset) != QLatin1Char('<')) {
        offset = text.lastIndexOf(QLatin1Char('<'), offset);
        if (offset < 0)
            return;
    }
    const qsizetype lineStart = offset == 0 ? 0 : text.lastIndexOf(QLatin1Char('\n'), offset - 1) + 1;
    *line = int(text.left(offset).count(QLatin1Char('\n'))) + 1;
    *column = int(offset - lineStart) + 1;
}

bool ContractXmlReader::record(int line, int column, const QString &message)
{
    if (!hasError()) {
        m_errorMessage = message;
        m_errorLine = line;
        m_errorColumn = column;
    }
    return false;
}

QString ContractXmlReader::formatted(int line, int column, const QString &message) const
{
    locate(&line, &column);
    // Concatenated, not arg()-chained: a file name may contain "%1".
    return m_fileName + QLatin1Char(':') + QString::number(line) + QLatin1Char(':') + QString::number(column) + QLatin1String(": ") + message;
}

QString ContractXmlReader::ovfAttribute(QLatin1String name, bool *present) const
{
    const QXmlStreamAttributes attributes = m_xml.attributes();
    for (const QXmlStreamAttribute &attribute : attributes) {
        if (attribute.name() == name && isOvfNamespace(attribute.namespaceUri())) {
            if (present)
                *present = true;
            return attribute.value().toString();
        }
    }
    if (present)
        *present = false;
    return QString();
}
