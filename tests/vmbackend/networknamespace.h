#pragma once
// Entering another process's network namespace in tests: only a helper thread does, so the
// test's own thread (and Qt's) stay where they are.
#include <QString>

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <functional>
#include <thread>

/// Runs @p work on a helper thread that has entered the network namespace of process @p pid;
/// false (and @p work not run) when it cannot be entered. Sockets @p work makes stay in that
/// namespace wherever they are used afterwards.
inline bool inNetworkNamespace(qint64 pid, const std::function<void()> &work)
{
    bool entered = false;
    std::thread([&] {
        const int ns = ::open(QStringLiteral("/proc/%1/ns/net").arg(pid).toUtf8().constData(), O_RDONLY | O_CLOEXEC);
        entered = ns >= 0 && setns(ns, CLONE_NEWNET) == 0;
        if (ns >= 0)
            ::close(ns);
        if (entered)
            work();
    }).join();
    return entered;
}
