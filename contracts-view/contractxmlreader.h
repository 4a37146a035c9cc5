#pragma once

#include <QCoreApplication>
#include <QString>
#include <QXmlStreamReader>

/**
 * The XML layer under ContractParser: a QXmlStreamReader that refuses DTDs
 * and entity references outright, knows where each token starts, and keeps
 * the first error as `FILE:LINE:COLUMN: message`.
 *
 * All reading goes through next(), so no token bypasses those checks.
 */
class ContractXmlReader
{
    Q_DECLARE_TR_FUNCTIONS(ContractXmlReader)

public:
    static const QString ovfNamespace1;
    static const QString ovfNamespace2;
    static const QString contractNamespace;
    static const QString xsiNamespace;

    ContractXmlReader(const QByteArray &data, const QString &fileName);

    /// Reads the next token. Returns false at the end of the document or on
    /// the first error (well-formedness, DTD, entity reference).
    bool next();
    /// Moves to the next child element of the current element. Returns false
    /// at the current element's end tag or on error (check hasError()).
    bool nextChild();
    /// Reads the text of the current element, trimmed; child elements are an error.
    bool readText(QString *text);
    /// Skips the rest of the current element, still checking every token.
    bool skipElement();

    const QXmlStreamReader &xml() const { return m_xml; }
    /// 1-based position of the first character of the current token.
    int tokenLine() const { return m_tokenLine; }
    int tokenColumn() const { return m_tokenColumn; }

    /// Records an error at the current token; returns false for chaining.
    bool fail(const QString &message) { return failAt(m_tokenLine, m_tokenColumn, message); }
    /// Records an error at a position, unless one is already recorded.
    bool failAt(int line, int column, const QString &message);
    bool hasError() const { return !m_errorMessage.isEmpty(); }
    QString errorMessage() const { return m_errorMessage; }
    int errorLine() const { return m_errorLine; }
    int errorColumn() const { return m_errorColumn; }
    /// `FILE:LINE:COLUMN: message`, for a position from tokenLine()/tokenColumn().
    QString formatted(int line, int column, const QString &message) const;

    static bool isOvfNamespace(QStringView ns) { return ns == ovfNamespace1 || ns == ovfNamespace2; }
    /// The value of an attribute in either OVF namespace (ovf:id, ovf:required).
    QString ovfAttribute(QLatin1String name, bool *present = nullptr) const;
    /// The current element's name as written, for messages (`ns:Rule`).
    QString elementName() const { return m_xml.qualifiedName().toString(); }

private:
    bool record(int line, int column, const QString &message);
    void locate(int *line, int *column) const;

    QXmlStreamReader m_xml;
    QByteArray m_data;
    QString m_fileName;
    int m_tokenLine = 1;
    int m_tokenColumn = 1;
    int m_endLine = 1;
    int m_endColumn = 1;
    QString m_errorMessage;
    int m_errorLine = 0;
    int m_errorColumn = 0;
};
