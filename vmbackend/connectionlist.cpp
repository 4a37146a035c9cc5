#include "connectionlist.h"

#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

namespace {

const QString RemoteGroup = QStringLiteral("connections/remote");

QString scheme(const QString &uri)
{
    return QUrl(uri).scheme().toLower();
}

} // namespace

QList<ConnectionEntry> ConnectionList::loadRemote(QSettings &store)
{
    QList<ConnectionEntry> entries;
    const int count = store.beginReadArray(RemoteGroup);
    for (int i = 0; i < count; ++i) {
        store.setArrayIndex(i);
        const ConnectionEntry entry{store.value(QStringLiteral("name")).toString().trimmed(),
                                    store.value(QStringLiteral("uri")).toString().trimmed()};
        // A hand-edited file may hold anything: keep only what Add would have accepted.
        if (!entry.name.isEmpty() && uriProblem(entry.uri).isEmpty() && nameProblem(entry.name, entries).isEmpty())
            entries.append(entry);
    }
    store.endArray();
    return entries;
}

void ConnectionList::saveRemote(QSettings &settings, const QList<ConnectionEntry> &entries)
{
    settings.remove(RemoteGroup);
    settings.beginWriteArray(RemoteGroup, int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), entries.at(i).name);
        settings.setValue(QStringLiteral("uri"), entries.at(i).uri);
    }
    settings.endArray();
    settings.sync();
}

QString ConnectionList::uriProblem(const QString &uri)
{
    const QString trimmed = uri.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter a libvirt URI, such as qemu+ssh://you@build-server/system.");
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return tr("This is not a libvirt URI. Write it as qemu+ssh://you@build-server/system.");
    const QString kind = url.scheme().toLower();
    if (kind == QLatin1String("qemu+tcp"))
        return tr("qemu+tcp sends everything unencrypted and, by default, without a login. "
                  "Use qemu+ssh://you@host/system, or qemu+tls:// with certificates.");
    static const QStringList accepted{QStringLiteral("qemu"), QStringLiteral("qemu+ssh"), QStringLiteral("qemu+libssh"),
                                      QStringLiteral("qemu+libssh2"), QStringLiteral("qemu+tls"), QStringLiteral("qemu+unix")};
    if (!accepted.contains(kind))
        return tr("Tessera's appliances are QEMU machines: use a qemu:// or qemu+ssh:// URI, not %1://.").arg(url.scheme());
    const bool needsHost = kind != QLatin1String("qemu") && kind != QLatin1String("qemu+unix");
    if (needsHost && url.host().isEmpty())
        return tr("Name the host, as in qemu+ssh://you@build-server/system.");
    const QString path = url.path();
    if (path != QLatin1String("/system") && path != QLatin1String("/session") && !path.startsWith(QLatin1String("/embed")))
        return tr("End the URI with /system (the host's libvirt daemon) or /session (your own user's).");
    return {};
}

QString ConnectionList::nameProblem(const QString &name, const QList<ConnectionEntry> &existing)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Give the connection a name, such as the host's name.");
    if (trimmed.size() > 64)
        return tr("Use a name of at most 64 characters.");
    for (const ConnectionEntry &entry : existing) {
        if (entry.name.compare(trimmed, Qt::CaseInsensitive) == 0)
            return tr("There is already a connection named %1. Choose another name.").arg(entry.name);
    }
    return {};
}

bool ConnectionList::isRemote(const QString &uri)
{
    const QUrl url(uri);
    return url.scheme().contains(QLatin1Char('+')) && url.scheme().toLower() != QLatin1String("qemu+unix") && !url.host().isEmpty();
}

bool ConnectionList::isSsh(const QString &uri)
{
    const QString kind = scheme(uri);
    return kind == QLatin1String("qemu+ssh") || kind == QLatin1String("qemu+libssh") || kind == QLatin1String("qemu+libssh2");
}

QString ConnectionList::uriForOpening(const QString &uri)
{
    if (!isSsh(uri))
        return uri;
    QUrl url(uri);
    QUrlQuery query(url);
    if (!query.hasQueryItem(QStringLiteral("no_tty")))
        query.addQueryItem(QStringLiteral("no_tty"), QStringLiteral("1"));
    url.setQuery(query);
    return url.toString();
}

QString ConnectionList::failureMessage(const QString &name, const QString &uri, const QString &details)
{
    const QUrl url(uri);
    const QString host = url.host();
    if (!isRemote(uri))
        return tr("Could not open %1 (%2). Check that libvirt and QEMU are installed (scripts/setup) or choose another "
                  "connection in Settings.").arg(name, uri);
    const auto says = [&details](const char *text) { return details.contains(QLatin1String(text), Qt::CaseInsensitive); };
    if (isSsh(uri)) {
        const QString login = url.userName().isEmpty() ? host : url.userName() + QLatin1Char('@') + host;
        if (says("Connection refused"))
            return tr("Could not reach %1 over SSH: %2 refused the connection. Check that the host is on and its SSH "
                      "server runs, and that the port in the URI is right.").arg(name, host);
        if (says("Could not resolve hostname") || says("Name or service not known"))
            return tr("Could not reach %1 over SSH: the name %2 is unknown. Check the host name in the URI.").arg(name, host);
        if (says("Host key verification failed") || says("REMOTE HOST IDENTIFICATION HAS CHANGED"))
            return tr("Could not reach %1 over SSH: its host key is not known yet (or has changed). Run \"ssh %2\" "
                      "once in a terminal, compare the key and accept it, then test again.").arg(name, login);
        if (says("Permission denied") || says("Authentication failed"))
            return tr("Could not log in to %1 over SSH without a password. Add your key to the host (ssh-copy-id %2) or "
                      "load it into your SSH agent, then test again.").arg(name, login);
        // ssh died before libvirt read its words (the refusal raced libvirt's first write).
        if (says("Broken pipe") || says("End of file while reading data") || says("Connection reset by peer"))
            return tr("Could not reach %1 over SSH: the connection to %2 was refused or closed at once. Check that the host "
                      "is on and its SSH server runs, and that the port in the URI is right.").arg(name, host);
        if (says("timed out") || says("No route to host") || says("Network is unreachable"))
            return tr("Could not reach %1 over SSH: the host does not answer. Check that it is on and reachable from "
                      "this computer.").arg(name);
    }
    if (says("virt-ssh-helper") || says("nc: not found") || says("command not found"))
        return tr("%1 answers, but libvirt is not installed there. Install libvirt on the host "
                  "(Debian: libvirt-daemon-system), then test again.").arg(name);
    if (says("Failed to connect socket") || says("No such file or directory"))
        return tr("%1 answers, but its libvirt daemon does not run. Start it on the host "
                  "(systemctl start libvirtd), then test again.").arg(name);
    if (says("authentication") || says("polkit") || says("access denied"))
        return tr("%1 answers, but its libvirt daemon refused you. Add your user on the host to the libvirt group "
                  "or connect as a user who may manage virtual machines.").arg(name);
    return tr("Could not connect to %1 (%2). Check that the host is on, that you can log in without a password, and "
              "that libvirt runs there. The details say more.").arg(name, uri);
}
