#include "storeownwrites.h"

#include "storepath.h"

#include <QMutexLocker>

StoreOwnWrites::Identity StoreOwnWrites::Identity::of(const struct stat &st)
{
    Identity identity;
    identity.exists = true;
    identity.folder = S_ISDIR(st.st_mode);
    identity.device = st.st_dev;
    identity.inode = st.st_ino;
    identity.size = st.st_size;
    identity.modifiedNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    identity.changedNs = qint64(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
    return identity;
}

StoreOwnWrites::Identity StoreOwnWrites::Identity::ofPath(const QString &absolutePath)
{
    struct stat st;
    if (::lstat(StorePath::toBytes(absolutePath).constData(), &st) != 0)
        return absent();
    return of(st);
}

bool StoreOwnWrites::Identity::sameAs(const Identity &other) const
{
    if (exists != other.exists)
        return false;
    if (!exists)
        return true;
    if (folder != other.folder || device != other.device || inode != other.inode)
        return false;
    return folder || (size == other.size && modifiedNs == other.modifiedNs && changedNs == other.changedNs);
}

StoreOwnWrites *StoreOwnWrites::instance()
{
    // Created on first use by whichever thread asks; it lives as long as the process and has
    // no thread affinity that matters (it only emits, with queued delivery to receivers).
    static StoreOwnWrites *ledger = new StoreOwnWrites;
    return ledger;
}

void StoreOwnWrites::begin(const QString &absolutePath, const QString &actor, int events)
{
    QMutexLocker lock(&m_mutex);
    Entry &entry = m_entries[absolutePath];
    ++entry.writing;
    entry.actor = actor;
    entry.events |= events; // a removal and a write of one path in a row: both kinds stay Tessera's
}

void StoreOwnWrites::settle(const QString &absolutePath, const std::optional<Identity> &left, const QString &hash)
{
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_entries.find(absolutePath);
        if (it == m_entries.end())
            return;
        it->writing = qMax(0, it->writing - 1);
        it->left = left;
        it->hash = hash;
        it->generation = ++m_generation;
        m_order.emplace_back(absolutePath, it->generation);
        // Forget the oldest settled writes beyond the bound; an entry written again since has
        // a newer generation and stays.
        while (m_order.size() > size_t(MaxRemembered)) {
            const auto [path, generation] = m_order.front();
            m_order.pop_front();
            auto old = m_entries.find(path);
            if (old != m_entries.end() && old->generation == generation && old->writing == 0)
                m_entries.erase(old);
        }
    }
    Q_EMIT settled(absolutePath);
}

StoreOwnWrites::Verdict StoreOwnWrites::classify(const QString &absolutePath, const Identity &now, int event, QString *actor,
                                                 QString *hash) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(absolutePath);
    if (it == m_entries.cend() || !(it->events & event))
        return Verdict::Others;
    if (it->writing > 0)
        return Verdict::Pending;
    if (!it->left || !it->left->sameAs(now))
        return Verdict::Others;
    if (actor)
        *actor = it->actor;
    if (hash)
        *hash = it->hash;
    return Verdict::Own;
}

StoreOwnWrites::Verdict StoreOwnWrites::classify(const QString &absolutePath, int event, QString *actor, QString *hash) const
{
    return classify(absolutePath, Identity::ofPath(absolutePath), event, actor, hash);
}
