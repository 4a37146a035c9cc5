#pragma once

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>

#include <deque>
#include <optional>

#include <sys/stat.h>

/// The writes Tessera itself makes into the personal store (an undo, a kept copy, a salvaged
/// file), so that neither the contract monitor nor the store's history ever blames them on an
/// appliance. StoreFiles registers every write here: begin() before the first byte with the
/// kinds of event Tessera causes at that path, settle() with the identity of what it left
/// (device, inode, size, modification and change times; or "absent" for a removal) and the
/// hash of what it wrote. An event for a path is Tessera's own only when it is of a kind
/// Tessera caused there and the path is still exactly in that state. Tessera never writes a
/// target in place (it renames a staged file over it), so a guest writing the same file
/// afterwards is seen again even within one clock tick (file times are coarse); the history
/// also checks the content against the hash. Until settle() the answer is Pending (the caller
/// waits for settled()).
///
/// One per process, thread-safe: writes are registered from the recorder's thread and the GUI
/// thread, the monitor asks from the GUI thread.
class StoreOwnWrites : public QObject
{
    Q_OBJECT
public:
    /// What is known about a file at one moment (lstat, never through a link).
    struct Identity
    {
        bool exists = false;
        bool folder = false;
        dev_t device = 0;
        ino_t inode = 0;
        qint64 size = 0;
        qint64 modifiedNs = 0;
        qint64 changedNs = 0;

        static Identity of(const struct stat &st);
        static Identity absent() { return {}; }
        /// lstat of @p absolutePath (a surrogate-escaped StorePath).
        static Identity ofPath(const QString &absolutePath);
        /// Equal for the purpose of "still what Tessera left": a folder only by device and
        /// inode (its times change with every entry), a file by all fields.
        bool sameAs(const Identity &other) const;
    };

    /// Kinds of event at a path (flags).
    enum Event {
        Appeared = 1, ///< a file moved in (the rename of a staged file), a folder made, a file found in it
        Written = 2,  ///< content written in place (only ever a staging file of Tessera's)
        Gone = 4,     ///< removed or moved away
        AnyEvent = Appeared | Written | Gone,
    };

    enum class Verdict {
        Others,  ///< not (or no longer) as Tessera left it: someone else's
        Pending, ///< Tessera is writing it right now: ask again after settled()
        Own,     ///< exactly as Tessera left it
    };

    /// At most this many settled writes are remembered (the oldest are forgotten first).
    static constexpr int MaxRemembered = 65536;

    static StoreOwnWrites *instance();

    /// Tessera starts writing or removing @p absolutePath (canonical store root + relative),
    /// on behalf of @p actor (recorded in the history, e.g. "undo:terminal" or "tessera:salvage"),
    /// causing @p events (Event flags) there.
    void begin(const QString &absolutePath, const QString &actor, int events);
    /// Tessera is done with @p absolutePath; @p left is what it left there, or nullopt when it
    /// cannot vouch for the result (a failed write, or the file changed under it); @p hash is
    /// the SHA-256 of what it wrote (empty for a removal or a folder).
    void settle(const QString &absolutePath, const std::optional<Identity> &left, const QString &hash = QString());
    /// Whether an event of kind @p event (Event flags) at @p absolutePath, whose file is now
    /// @p now, is Tessera's own; @p actor and @p hash (optional) are who Tessera wrote it for
    /// and what it wrote.
    Verdict classify(const QString &absolutePath, const Identity &now, int event, QString *actor = nullptr, QString *hash = nullptr) const;
    /// The same, with the file's identity read now.
    Verdict classify(const QString &absolutePath, int event, QString *actor = nullptr, QString *hash = nullptr) const;

Q_SIGNALS:
    /// A write registered with begin() was settled: events deferred as Pending can be decided.
    void settled(const QString &absolutePath);

private:
    StoreOwnWrites() = default;
    struct Entry
    {
        int writing = 0; ///< begin() calls not yet settled
        int events = 0;
        std::optional<Identity> left;
        QString actor;
        QString hash;
        quint64 generation = 0;
    };
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    std::deque<std::pair<QString, quint64>> m_order; ///< settle order, for forgetting the oldest
    quint64 m_generation = 0;
};
