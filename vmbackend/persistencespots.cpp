#include "persistencespots.h"

#include <QRegularExpression>

namespace {

struct Spot
{
    const char *category;
    const char *pattern; ///< anchored regular expression on the guest path
};

// Home folders are /root and /home/NAME; a spot's folder itself counts as well as what is in it.
const Spot Spots[] = {
    {"autostart", R"(^/etc/xdg/autostart(/.*)?$)"},
    {"autostart", R"(^(/root|/home/[^/]+)/\.config/autostart(/.*)?$)"},
    {"autostart", R"(^(/root|/home/[^/]+)/\.(xinitrc|xsession|xsessionrc|xprofile)$)"},
    {"autostart", R"(^/etc/X11/(Xsession\.d|xinit)(/.*)?$)"},
    {"shell-rc", R"(^(/root|/home/[^/]+)/\.(bashrc|bash_profile|bash_login|bash_logout|profile|zshrc|zprofile|zshenv|zlogin)$)"},
    {"shell-rc", R"(^/etc/(profile|bash\.bashrc|environment|zsh/[^/]+)$)"},
    {"shell-rc", R"(^/etc/(profile\.d|skel)(/.*)?$)"},
    {"cron", R"(^/etc/(crontab|anacrontab)$)"},
    {"cron", R"(^/etc/cron[^/]*(/.*)?$)"},
    {"cron", R"(^/var/spool/(cron|anacron|at)(/.*)?$)"},
    {"systemd", R"(^/etc/systemd(/.*)?$)"},
    {"systemd", R"(^(/usr)?/lib/systemd/(system|user|system-generators|user-generators)(/.*)?$)"},
    {"systemd", R"(^(/root|/home/[^/]+)/\.config/systemd(/.*)?$)"},
    {"systemd", R"(^/etc/init\.d(/.*)?$)"},
    {"rc-local", R"(^/etc/rc\.local$)"},
    {"rc-local", R"(^/etc/rc[0-6S]\.d(/.*)?$)"},
    {"preload", R"(^/etc/ld\.so\.(preload|conf|conf\.d(/.*)?)$)"},
    {"preload", R"(^/etc/udev/rules\.d(/.*)?$)"},
};

} // namespace

QString PersistenceSpots::categoryOf(const QString &guestPath)
{
    static const auto compiled = [] {
        QList<std::pair<QString, QRegularExpression>> list;
        for (const Spot &spot : Spots)
            list.append({QLatin1String(spot.category), QRegularExpression(QLatin1String(spot.pattern))});
        return list;
    }();
    for (const auto &[category, expression] : compiled) {
        if (expression.match(guestPath).hasMatch())
            return category;
    }
    return {};
}

QStringList PersistenceSpots::patterns()
{
    QStringList list;
    for (const Spot &spot : Spots)
        list.append(QLatin1String(spot.pattern));
    return list;
}

QString PersistenceSpots::describe(const QString &category)
{
    if (category == QLatin1String("autostart"))
        return tr("Autostart entry: runs when a session starts");
    if (category == QLatin1String("shell-rc"))
        return tr("Shell start-up file: runs when a shell starts");
    if (category == QLatin1String("cron"))
        return tr("Scheduled task (cron)");
    if (category == QLatin1String("systemd"))
        return tr("Service definition (systemd or init script)");
    if (category == QLatin1String("rc-local"))
        return tr("Runs at system start (rc.local)");
    if (category == QLatin1String("preload"))
        return tr("Loaded into every program or run on device events");
    return {};
}
