#include "storeaccesswatcher.h"

#include "vmbackendlog.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>

#include <sys/inotify.h>
#include <unistd.h>

namespace {

constexpr uint32_t FolderMask = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_ACCESS | IN_DONT_FOLLOW
                                | IN_EXCL_UNLINK | IN_ONLYDIR;

} // namespace

StoreAccessWatcher::StoreAccessWatcher(QObject *parent) : QObject(parent)
{
    m_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_fd < 0) {
        qCWarning(lcVmBackend) << "inotify is unavailable; store access is not monitored";
        return;
    }
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StoreAccessWatcher::onReadable);
}

StoreAccessWatcher::~StoreAccessWatcher()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool StoreAccessWatcher::watch(const QString &storeFolder, const QString &hostPath)
{
    if (m_fd < 0 || !QFileInfo(hostPath).isDir())
        return false;
    const int before = int(m_watches.size());
    addTree(storeFolder, hostPath, hostPath, false);
    return m_watches.size() > before;
}

void StoreAccessWatcher::clear()
{
    for (auto it = m_watches.cbegin(); it != m_watches.cend(); ++it)
        inotify_rm_watch(m_fd, it.key());
    m_watches.clear();
    m_sizes.clear();
    m_reportedIncomplete = false;
}

void StoreAccessWatcher::addTree(const QString &storeFolder, const QString &root, const QString &path, bool isNew)
{
    if (m_watches.size() >= MaxWatches) {
        if (!m_reportedIncomplete) {
            m_reportedIncomplete = true;
            Q_EMIT incomplete(storeFolder);
        }
        return;
    }
    const int wd = inotify_add_watch(m_fd, QFile::encodeName(path).constData(), FolderMask);
    if (wd < 0)
        return;
    m_watches.insert(wd, {storeFolder, root, path});
    // Symlinks are not followed: a link planted in the store must not widen what is watched.
    QDirIterator files(path, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks);
    while (files.hasNext()) {
        files.next();
        m_sizes.insert(files.filePath(), files.fileInfo().size());
        if (isNew)
            Q_EMIT discovered(storeFolder, files.filePath().mid(root.size() + 1), files.fileInfo().size());
    }
    QDirIterator dirs(path, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot | QDir::NoSymLinks);
    while (dirs.hasNext())
        addTree(storeFolder, root, dirs.next(), isNew);
}

void StoreAccessWatcher::onReadable()
{
    alignas(inotify_event) char buffer[16 * 1024];
    while (true) {
        const ssize_t length = ::read(m_fd, buffer, sizeof buffer);
        if (length <= 0)
            return;
        for (ssize_t offset = 0; offset < length;) {
            const auto *event = reinterpret_cast<const inotify_event *>(buffer + offset);
            offset += ssize_t(sizeof(inotify_event)) + event->len;
            if (event->mask & IN_Q_OVERFLOW) {
                qCWarning(lcVmBackend) << "inotify queue overflow: some store accesses were not seen";
                continue;
            }
            const auto watch = m_watches.constFind(event->wd);
            if (watch == m_watches.cend())
                continue;
            if (event->mask & IN_IGNORED) {
                m_watches.remove(event->wd);
                continue;
            }
            const QString name = event->len ? QFile::decodeName(event->name) : QString();
            const QString path = name.isEmpty() ? watch->path : watch->path + QLatin1Char('/') + name;
            const QString relative = path.mid(watch->root.size() + 1);
            const Watch current = *watch; // addTree() may rehash m_watches
            if (event->mask & IN_ISDIR) {
                if (event->mask & (IN_CREATE | IN_MOVED_TO)) {
                    addTree(current.storeFolder, current.root, path, true);
                    Q_EMIT written(current.storeFolder, relative, 0);
                } else if (event->mask & IN_DELETE) {
                    Q_EMIT written(current.storeFolder, relative, 0);
                }
                continue; // listing a folder is not reading a file
            }
            if (event->mask & IN_ACCESS) {
                Q_EMIT read(current.storeFolder, relative);
                continue;
            }
            qint64 grown = 0;
            if (event->mask & IN_DELETE) {
                m_sizes.remove(path);
            } else {
                const QFileInfo info(path);
                const qint64 size = info.isSymLink() ? 0 : info.size();
                grown = qMax<qint64>(0, size - m_sizes.value(path, 0));
                m_sizes.insert(path, size);
            }
            Q_EMIT written(current.storeFolder, relative, grown);
        }
    }
}
