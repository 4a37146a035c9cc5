#include "mountgrant.h"

#include <QStringList>

QString MountGrant::accessName(Access access)
{
    return access == Access::ReadWrite ? QStringLiteral("read-write") : QStringLiteral("read-only");
}

bool MountGrant::parseAccess(const QString &text, Access *access)
{
    if (text.compare(QLatin1String("read-only"), Qt::CaseInsensitive) == 0) {
        *access = Access::ReadOnly;
        return true;
    }
    if (text.compare(QLatin1String("read-write"), Qt::CaseInsensitive) == 0) {
        *access = Access::ReadWrite;
        return true;
    }
    return false;
}

bool MountGrant::normaliseStore(const QString &text, bool allowAny, QString *store, QString *error)
{
    if (allowAny && text == QLatin1String("any")) {
        *store = text;
        return true;
    }
    if (text.isEmpty()) {
        *error = tr("empty Store: name a folder of the personal store, such as Documents");
        return false;
    }
    if (text.startsWith(QLatin1Char('/')) || text.startsWith(QLatin1Char('~')) || text.contains(QLatin1Char('\\'))
        || (text.size() > 1 && text.at(1) == QLatin1Char(':'))) {
        *error = tr("Store “%1” is an absolute path; it must be a folder inside the personal store").arg(text);
        return false;
    }
    QStringList segments;
    for (const QString &segment : text.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (segment == QLatin1String("..") || segment == QLatin1String(".")) {
            *error = tr("Store “%1” may not contain “%2”; it must stay inside the personal store").arg(text, segment);
            return false;
        }
        for (const QChar c : segment) {
            if (c.category() == QChar::Other_Control) {
                *error = tr("Store “%1” contains a control character").arg(text);
                return false;
            }
        }
        segments.append(segment);
    }
    *store = segments.join(QLatin1Char('/'));
    return true;
}

bool MountGrant::storeCovers(const QString &outer, const QString &inner)
{
    if (outer == QLatin1String("any"))
        return true;
    if (inner == QLatin1String("any"))
        return false;
    return inner == outer || inner.startsWith(outer + QLatin1Char('/'));
}

bool MountGrant::validTarget(const QString &text, QString *error)
{
    if (!text.startsWith(QLatin1Char('/'))) {
        *error = tr("Target “%1” must be an absolute path inside the appliance").arg(text);
        return false;
    }
    if (text.split(QLatin1Char('/')).contains(QLatin1String(".."))) {
        *error = tr("Target “%1” may not contain “..”").arg(text);
        return false;
    }
    return true;
}

QString MountGrant::canonical() const
{
    return QStringLiteral("%1 %2 > %3 read:%4 write:%5")
        .arg(accessName(access), store, target, readRate.isLimited() ? QString::number(readRate.average(), 'g', 15) : QStringLiteral("-"),
             writeRate.isLimited() ? QString::number(writeRate.average(), 'g', 15) : QStringLiteral("-"));
}
