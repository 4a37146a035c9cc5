#pragma once

#include <libvirt/libvirt.h>

/// Owns a virDomainPtr for the length of a scope (libvirt hands out references that must be freed).
struct DomainHandle
{
    explicit DomainHandle(virDomainPtr domain) : domain(domain) {}
    ~DomainHandle() { if (domain) virDomainFree(domain); }
    DomainHandle(const DomainHandle &) = delete;
    DomainHandle &operator=(const DomainHandle &) = delete;
    virDomainPtr domain;
};
