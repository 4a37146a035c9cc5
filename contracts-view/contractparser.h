#pragma once

#include "contractparseresult.h"
#include "contractsectionreader.h"
#include "contractxmlreader.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

/**
 * Reads the contracts out of an OVF descriptor (OVF 1.x or 2.x).
 *
 * Every VirtualSystem becomes one SystemContract, with the ContractSections
 * of the collections around it merged in. The first problem rejects the
 * whole descriptor with `FILE:LINE:COLUMN: message`; DTDs are refused, so no
 * entity is ever expanded. The format is described in docs/contract-format.md.
 *
 * Parsing is pure and thread-safe: call it from a worker thread.
 */
class ContractParser
{
    Q_DECLARE_TR_FUNCTIONS(ContractParser)

public:
    /// Larger descriptors are rejected unread.
    static constexpr qint64 maximumSize = 4 * 1024 * 1024;
    /// Deeper nesting of VirtualSystemCollections is rejected.
    static constexpr int maximumCollectionDepth = 16;
    /// Rules summed over all systems after collection contracts are copied in.
    static constexpr qsizetype maximumTotalRules = 200000;

    /// Reads and parses @p path; messages name the file as given.
    static ContractParseResult parseFile(const QString &path);
    /// Parses a descriptor held in memory; @p fileName is used in messages.
    static ContractParseResult parse(const QByteArray &data, const QString &fileName);

    /// The direction of @p rule for the system whose ovf:id is @p self.
    static NetworkRule::Direction deriveDirection(const NetworkRule &rule, const QString &self);

private:
    struct Leaf
    {
        SystemContract system;
        QList<int> sections;
    };

    ContractParser(const QByteArray &data, const QString &fileName);
    static ContractParseResult failure(const QString &fileName, int line, int column, const QString &message);

    bool readEnvelope();
    bool readSystem(QList<int> *leaves);
    bool readCollection(QList<int> *leaves, int depth);
    bool readContractElement(QList<int> *sections);
    bool registerId(bool isSystem);
    bool resolveReferences();
    bool assemble(ContractParseResult *result);
    static void merge(SystemContract *into, const SystemContract &part);

    ContractXmlReader m_reader;
    QString m_fileName;
    QList<Leaf> m_leaves;
    QList<ContractSectionReader::Section> m_sections;
    QHash<QString, bool> m_ids; // ovf:id -> is a VirtualSystem (not a collection)
};
