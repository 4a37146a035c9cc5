#pragma once

#include "domainspec.h"

#include <QString>

/// Turns a DomainSpec into libvirt domain XML. The UUID is derived from the name, so
/// re-defining an appliance updates the same persistent domain.
class DomainXmlBuilder
{
public:
    static QString build(const DomainSpec &spec);
    static QString uuidFor(const QString &domainName);
};
