#pragma once

#include <QAtomicInt>
#include <QObject>

class QTcpServer;

/// bench-gateway's host end, on 127.0.0.1 only: a connection whose first byte is 'p' gets
/// 'P' back at once (latency); one whose first byte is 'u' gets 'U' once exactly the upload's
/// size has followed (throughput, timed in the guest up to that answer). Anything else
/// (a wrong first byte, more bytes than announced) is counted as an error and closed.
/// Lives on a thread of its own so that the bench's SPICE and libvirt work does not delay it.
class BenchServer : public QObject
{
    Q_OBJECT
public:
    explicit BenchServer(qint64 uploadBytes, QObject *parent = nullptr);

    /// Listens on 127.0.0.1 on a free port; call on the server's thread.
    Q_INVOKABLE bool listen();
    /// The port listen() found; 0 before.
    quint16 port() const { return quint16(m_port.loadAcquire()); }
    int pings() const { return m_pings.loadAcquire(); }
    int uploads() const { return m_uploads.loadAcquire(); }
    int errors() const { return m_errors.loadAcquire(); }

private:
    void accept();

    qint64 m_uploadBytes;
    QTcpServer *m_server = nullptr;
    QAtomicInt m_port;
    QAtomicInt m_pings;
    QAtomicInt m_uploads;
    QAtomicInt m_errors;
};
