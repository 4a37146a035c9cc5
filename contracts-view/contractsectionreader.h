#pragma once

#include "systemcontract.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class ContractXmlReader;

/**
 * Reads one `ContractSection` element into the parts of a SystemContract it
 * states. Used by ContractParser; each known kind has one read function.
 *
 * Unknown child elements, duplicated single elements, missing required
 * elements and bad values are errors recorded on the ContractXmlReader.
 */
class ContractSectionReader
{
    Q_DECLARE_TR_FUNCTIONS(ContractSectionReader)

public:
    /// An `ovf:id` reference in an address, checked once the envelope is read.
    struct Reference
    {
        QString id;
        int line = 0;
        int column = 0;
    };

    /// One section as read.
    struct Section
    {
        /// xsi:type without its prefix, e.g. `NetworkContract_Type` (the
        /// element name for a contract element other than ContractSection).
        QString kind;
        bool known = false;
        bool required = true;
        int line = 0;
        int column = 0;
        /// What the section states (only the contract fields are used).
        SystemContract content;
        QList<Reference> references;
    };

    explicit ContractSectionReader(ContractXmlReader &reader);

    /// Reads the section whose start tag is the current token, up to and
    /// including its end tag. Returns false on error. Any element of the
    /// contract namespace is accepted: one other than `ContractSection` is a
    /// section of unknown kind named after the element.
    bool read(Section *section);

    /// The section kinds this version understands.
    static QStringList knownKinds();

private:
    bool readNetwork(Section *section);
    bool readRule(Section *section);
    bool readAddress(NetworkAddress *address, Section *section);
    bool readRate(Rate *rate);
    bool readMount(Section *section);
    bool readExpect(Section *section);
    bool readResources(Section *section);
    bool readDisplay(Section *section);

    /// True when the current child element is in a namespace a contract child may use.
    bool inChildNamespace() const;
    /// The error for an element that does not belong where it is.
    bool unknownElement(const QString &where);
    /// Marks @p name as seen in @p seen; an error if it was already there.
    bool once(QStringList *seen, const QString &name);
    /// An error at the parent's start tag unless every name in @p required was seen.
    bool requireAll(const QStringList &seen, const QStringList &required, int line, int column, const QString &parent);

    bool readNumber(double *value, double maximum);
    bool readCount(qint64 *value, qint64 maximum);
    bool readKeyword(const QStringList &allowed, QString *value);
    static bool parseNumber(const QString &text, double maximum, double *value, QString *error);

    ContractXmlReader &m_reader;
};
