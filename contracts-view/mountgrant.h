#pragma once

#include "rate.h"

#include <QCoreApplication>
#include <QString>

/**
 * One `Mount` of a MountContract_Type section: a folder of the personal
 * data store made visible inside the appliance.
 */
struct MountGrant
{
    Q_DECLARE_TR_FUNCTIONS(MountGrant)

public:
    enum class Access { ReadOnly, ReadWrite };

    QString info;
    /// Folder in the personal store, relative, normalised ("Documents/Taxes").
    QString store;
    /// Absolute path inside the guest.
    QString target;
    Access access = Access::ReadOnly;
    Rate readRate;
    Rate writeRate;

    /// `read-only` or `read-write`.
    static QString accessName(Access access);
    /// Parses `read-only` / `read-write` (any case); false if neither.
    static bool parseAccess(const QString &text, Access *access);

    /// Checks and normalises a `Store` value: relative, no `.` or `..`
    /// segments, no backslashes. @p allowAny accepts `any` (activity
    /// expectations). Returns false with a translated @p error.
    static bool normaliseStore(const QString &text, bool allowAny, QString *store, QString *error);
    /// True when @p outer is @p inner or one of its parent folders (`any`
    /// covers everything).
    static bool storeCovers(const QString &outer, const QString &inner);
    /// Checks a `Target`: an absolute guest path without `..`.
    static bool validTarget(const QString &text, QString *error);

    /// A stable one-line form without the info text; used for digests.
    QString canonical() const;
};
