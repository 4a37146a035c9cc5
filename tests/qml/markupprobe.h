#pragma once

// For the tests that put markup into strings from guests and packages: a listener on 127.0.0.1
// that records every HTTP request (an image that text read as markup would fetch), the markup that
// names one of its images, and the text items of a window that would read markup.
//
// "Nothing was fetched" is made a condition to wait on: requestsBefore() makes a Text in AutoText
// fetch a barrier image from the same listener; once that request is in, any request the window
// made before it is in too.

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

class MarkupProbe : public QTcpServer
{
public:
    MarkupProbe()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QList<QByteArray> requestLine = socket->readLine().split(' ');
                    m_paths << (requestLine.size() > 1 ? QString::fromLatin1(requestLine.at(1)) : QStringLiteral("?"));
                    // An answer, so that the client does not send the request again.
                    socket->write("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }

    /// Markup naming the image /TAG on this listener.
    QString markup(const QString &tag) const
    {
        return QStringLiteral("<img src=\"http://127.0.0.1:%1/%2\">").arg(serverPort()).arg(tag);
    }

    /// Whether /TAG was requested, waiting up to @p timeoutMs for it.
    bool waitForRequest(const QString &tag, int timeoutMs = 10000)
    {
        return QTest::qWaitFor([&] { return m_paths.contains(QLatin1Char('/') + tag); }, timeoutMs);
    }

    /// The requests that reached the listener before a barrier fetched through @p engine in
    /// @p window (the window is drawn first); a failed barrier is reported as "no barrier".
    QStringList requestsBefore(QQmlEngine *engine, QQuickWindow *window, const QString &barrier)
    {
        window->grabWindow();
        QQmlComponent component(engine);
        component.setData(QStringLiteral("import QtQuick\nText { text: '%1' }").arg(markup(barrier)).toUtf8(),
                          QUrl(QStringLiteral("qrc:/markupprobe-barrier.qml")));
        std::unique_ptr<QQuickItem> fetcher(qobject_cast<QQuickItem *>(component.create()));
        if (!fetcher)
            return {QStringLiteral("no barrier: ") + component.errorString()};
        fetcher->setParentItem(window->contentItem());
        if (!waitForRequest(barrier))
            return {QStringLiteral("no barrier: /%1 never arrived").arg(barrier)};
        QStringList before = m_paths;
        before.removeAll(QLatin1Char('/') + barrier);
        m_paths.clear();
        return before;
    }

    /// The visible text items under @p root (QQuickText, QQuickTextEdit, and so the text inside
    /// every button) that hold a '<' and are not plain text: each would read it as markup.
    static QStringList markupReaders(QQuickItem *root)
    {
        QStringList readers;
        collect(root, &readers);
        return readers;
    }

    void clear() { m_paths.clear(); }

private:
    static void collect(QQuickItem *item, QStringList *readers)
    {
        if (!item || !item->isVisible())
            return;
        if (item->inherits("QQuickText") || item->inherits("QQuickTextEdit")) {
            const QString text = item->property("text").toString();
            const int format = item->property("textFormat").toInt(); // Text.PlainText is 0
            if (text.contains(QLatin1Char('<')) && format != 0)
                *readers << QStringLiteral("%1 in %2 (format %3): %4")
                               .arg(QString::fromLatin1(item->metaObject()->className()),
                                    item->parentItem() ? QString::fromLatin1(item->parentItem()->metaObject()->className()) : QString())
                               .arg(format)
                               .arg(text.left(80));
        }
        const QList<QQuickItem *> children = item->childItems();
        for (QQuickItem *child : children)
            collect(child, readers);
    }

    QStringList m_paths;
};
