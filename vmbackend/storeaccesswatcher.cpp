#include "storeaccesswatcher.h"

#include "storefiles.h"
#include "storepath.h"
#include "vmbackendlog.h"

#include <QSet>
#include <QSocketNotifier>

#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr uint32_t FolderMask = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ACCESS
                                | IN_DONT_FOLLOW | IN_EXCL_UNLINK | IN_ONLYDIR;

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

bool StoreAccessWatcher::stateOf(const QString &path, FileState *state)
{
    struct stat st;
    if (::lstat(StorePath::toBytes(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    state->size = st.st_size;
    state->modifiedNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    state->inode = st.st_ino;
    return true;
}

bool StoreAccessWatcher::watch(const QString &storeFolder, const QString &hostPath)
{
    struct stat st;
    if (m_fd < 0 || ::stat(StorePath::toBytes(hostPath).constData(), &st) != 0 || !S_ISDIR(st.st_mode))
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
    m_files.clear();
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
    // IN_DONT_FOLLOW: a link planted in the store must not widen what is watched. The same
    // folder watched again (a rescan, a folder moved) gets its old descriptor and a new path.
    const int wd = inotify_add_watch(m_fd, StorePath::toBytes(path).constData(), FolderMask);
    if (wd < 0)
        return;
    m_watches.insert(wd, {storeFolder, root, path});
    QList<StoreFiles::Entry> entries;
    StoreFiles::list(path, &entries);
    for (const StoreFiles::Entry &entry : std::as_const(entries)) {
        const QString child = path + QLatin1Char('/') + entry.name;
        if (entry.folder) {
            addTree(storeFolder, root, child, isNew);
        } else if (FileState state; entry.file && stateOf(child, &state)) {
            m_files.insert(child, state);
            if (isNew)
                Q_EMIT discovered(storeFolder, child.mid(root.size() + 1), state.size);
        }
    }
}

void StoreAccessWatcher::forgetTree(const QString &path)
{
    const QString prefix = path + QLatin1Char('/');
    for (auto it = m_watches.begin(); it != m_watches.end();) {
        if (it->path == path || it->path.startsWith(prefix)) {
            inotify_rm_watch(m_fd, it.key());
            it = m_watches.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_files.begin(); it != m_files.end();)
        it = it.key().startsWith(prefix) ? m_files.erase(it) : std::next(it);
}

void StoreAccessWatcher::rescan()
{
    QHash<QString, QString> roots; // root → store folder
    for (const Watch &watch : std::as_const(m_watches))
        roots.insert(watch.root, watch.storeFolder);
    for (auto root = roots.cbegin(); root != roots.cend(); ++root) {
        const QString prefix = root.key() + QLatin1Char('/');
        QHash<QString, FileState> before;
        for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
            if (it.key().startsWith(prefix))
                before.insert(it.key(), it.value());
        }
        // Walks again, watching folders that appeared meanwhile, and notes every file.
        addTree(root.value(), root.key(), root.key(), false);
        for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
            if (!it.key().startsWith(prefix))
                continue;
            const auto old = before.constFind(it.key());
            if (old == before.cend() || !(*old == it.value()))
                Q_EMIT written(root.value(), it.key().mid(prefix.size()),
                               qMax<qint64>(0, it->size - (old == before.cend() ? 0 : old->size)), Operation::Rescanned);
        }
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            FileState state;
            if (!stateOf(it.key(), &state)) {
                m_files.remove(it.key());
                Q_EMIT written(root.value(), it.key().mid(prefix.size()), 0, Operation::Removed);
            }
        }
        Q_EMIT overflowed(root.value());
    }
}

void StoreAccessWatcher::onReadable()
{
    alignas(inotify_event) char buffer[16 * 1024];
    bool overflow = false;
    while (true) {
        const ssize_t length = ::read(m_fd, buffer, sizeof buffer);
        if (length <= 0)
            break;
        for (ssize_t offset = 0; offset < length;) {
            const auto *event = reinterpret_cast<const inotify_event *>(buffer + offset);
            offset += ssize_t(sizeof(inotify_event)) + event->len;
            if (event->mask & IN_Q_OVERFLOW) {
                qCWarning(lcVmBackend) << "inotify queue overflow: walking the store folders again";
                overflow = true;
                continue;
            }
            const auto watch = m_watches.constFind(event->wd);
            if (watch == m_watches.cend())
                continue;
            if (event->mask & IN_IGNORED) {
                m_watches.remove(event->wd);
                continue;
            }
            // The name exactly as the file system has it (event->name is NUL-padded).
            const QString name = event->len ? StorePath::fromBytes(QByteArray(event->name)) : QString();
            const QString path = name.isEmpty() ? watch->path : watch->path + QLatin1Char('/') + name;
            const QString relative = path.mid(watch->root.size() + 1);
            const Watch current = *watch; // addTree() may rehash m_watches
            if (event->mask & IN_ISDIR) {
                if (event->mask & (IN_CREATE | IN_MOVED_TO)) {
                    addTree(current.storeFolder, current.root, path, true);
                    Q_EMIT written(current.storeFolder, relative, 0, Operation::FolderAppeared);
                } else if (event->mask & (IN_DELETE | IN_MOVED_FROM)) {
                    if (event->mask & IN_MOVED_FROM)
                        forgetTree(path); // watched again under its new name if it stays in the store
                    Q_EMIT written(current.storeFolder, relative, 0, Operation::FolderGone);
                }
                continue; // listing a folder is not reading a file
            }
            if (event->mask & IN_ACCESS) {
                Q_EMIT read(current.storeFolder, relative);
                continue;
            }
            qint64 grown = 0;
            Operation operation = Operation::Written;
            if (event->mask & (IN_DELETE | IN_MOVED_FROM)) {
                m_files.remove(path);
                operation = event->mask & IN_DELETE ? Operation::Removed : Operation::MovedAway;
            } else {
                FileState state;
                if (stateOf(path, &state)) {
                    grown = qMax<qint64>(0, state.size - m_files.value(path).size);
                    m_files.insert(path, state);
                }
                if (event->mask & IN_MOVED_TO)
                    operation = Operation::MovedIn;
            }
            Q_EMIT written(current.storeFolder, relative, grown, operation);
        }
    }
    if (overflow)
        rescan();
}
