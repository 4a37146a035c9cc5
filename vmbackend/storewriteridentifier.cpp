#include "storewriteridentifier.h"

#include "storepath.h"
#include "vmbackendlog.h"

#include <QFile>
#include <QSocketNotifier>

#include <fcntl.h>
#include <sys/fanotify.h>
#include <unistd.h>

StoreWriterIdentifier::StoreWriterIdentifier(QObject *parent) : QObject(parent)
{
    m_fd = fanotify_init(FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK, O_RDONLY | O_CLOEXEC);
    if (m_fd < 0) {
        qCInfo(lcVmBackend) << "fanotify unavailable (needs root): store writes are attributed by mount";
        return;
    }
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StoreWriterIdentifier::drain);
}

StoreWriterIdentifier::~StoreWriterIdentifier()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool StoreWriterIdentifier::markFolder(const QString &folder)
{
    return m_fd >= 0
        && fanotify_mark(m_fd, FAN_MARK_ADD | FAN_MARK_ONLYDIR, FAN_CLOSE_WRITE | FAN_EVENT_ON_CHILD, AT_FDCWD,
                         QFile::encodeName(folder).constData()) == 0;
}

QString StoreWriterIdentifier::applianceOfProcess(qint64 pid)
{
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> arguments = cmdline.read(64 * 1024).split('\0');
    for (int i = 0; i + 1 < arguments.size(); ++i) {
        if (arguments.at(i) != "-name")
            continue;
        // QEMU started by libvirt: -name guest=tessera-NAME,debug-threads=on
        for (const QByteArray &option : arguments.at(i + 1).split(',')) {
            if (option.startsWith("guest=tessera-"))
                return QString::fromUtf8(option.mid(int(qstrlen("guest=tessera-"))));
        }
    }
    return {};
}

void StoreWriterIdentifier::drain()
{
    if (m_fd < 0)
        return;
    alignas(fanotify_event_metadata) char buffer[8192];
    while (true) {
        const ssize_t length = ::read(m_fd, buffer, sizeof buffer);
        if (length <= 0)
            return;
        auto *event = reinterpret_cast<fanotify_event_metadata *>(buffer);
        ssize_t remaining = length;
        for (; FAN_EVENT_OK(event, remaining); event = FAN_EVENT_NEXT(event, remaining)) {
            if (event->vers != FANOTIFY_METADATA_VERSION)
                continue;
            if (event->mask & FAN_Q_OVERFLOW) {
                qCWarning(lcVmBackend) << "fanotify queue overflow: the store is walked again";
                Q_EMIT overflowed();
                continue;
            }
            if (event->fd < 0)
                continue;
            char target[4096];
            const ssize_t n = ::readlink(QByteArrayLiteral("/proc/self/fd/").append(QByteArray::number(event->fd)).constData(),
                                         target, sizeof target - 1);
            ::close(event->fd);
            if (n <= 0)
                continue;
            const qint64 pid = event->pid;
            auto known = m_applianceOfPid.constFind(pid);
            if (known == m_applianceOfPid.cend()) {
                if (m_applianceOfPid.size() > 1024)
                    m_applianceOfPid.clear(); // pids are reused; keep the cache small
                known = m_applianceOfPid.insert(pid, applianceOfProcess(pid));
            }
            Q_EMIT written(StorePath::fromBytes(QByteArray(target, int(n))), pid, *known);
        }
    }
}
