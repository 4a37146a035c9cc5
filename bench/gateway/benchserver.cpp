#include "benchserver.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

BenchServer::BenchServer(qint64 uploadBytes, QObject *parent) : QObject(parent), m_uploadBytes(uploadBytes) {}

bool BenchServer::listen()
{
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &BenchServer::accept);
    if (!m_server->listen(QHostAddress::LocalHost))
        return false;
    m_port.storeRelease(m_server->serverPort());
    return true;
}

void BenchServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // -1: the first byte has not come yet; else the upload bytes still expected.
        auto expected = std::make_shared<qint64>(-1);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, expected] {
            QByteArray data = socket->readAll();
            if (*expected < 0 && !data.isEmpty()) {
                const char kind = data.at(0);
                data.remove(0, 1);
                if (kind == 'p' && data.isEmpty()) {
                    *expected = 0;
                    socket->write("P");
                    m_pings.fetchAndAddRelease(1);
                    return;
                }
                if (kind != 'u') {
                    m_errors.fetchAndAddRelease(1);
                    socket->abort();
                    return;
                }
                *expected = m_uploadBytes;
            }
            if (data.size() > *expected) {
                m_errors.fetchAndAddRelease(1);
                socket->abort();
                return;
            }
            const bool wasComplete = *expected == 0;
            *expected -= data.size();
            if (*expected == 0 && !wasComplete) {
                socket->write("U");
                m_uploads.fetchAndAddRelease(1);
            }
        });
    }
}
