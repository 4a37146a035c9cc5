#include "seamlessclipboard.h"

#include <QCoreApplication>
#include <QPointer>

SeamlessClipboard::SeamlessClipboard(QObject *parent) : QObject(parent)
{
}

SeamlessClipboard *SeamlessClipboard::instance()
{
    static QPointer<SeamlessClipboard> shared;
    if (!shared)
        shared = new SeamlessClipboard(QCoreApplication::instance());
    return shared;
}

void SeamlessClipboard::set(const QString &text, const QString &sourceId, const QString &sourceTitle)
{
    m_text = text;
    m_sourceId = sourceId;
    m_sourceTitle = sourceTitle;
    m_copiedAt = QDateTime::currentDateTimeUtc();
    emit changed();
}

void SeamlessClipboard::clear()
{
    if (isEmpty())
        return;
    m_text.clear();
    m_sourceId.clear();
    m_sourceTitle.clear();
    m_copiedAt = QDateTime();
    emit changed();
}
