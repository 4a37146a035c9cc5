#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

/// The shell-wide "Tessera clipboard": the one text a person copied from an
/// appliance window with Ctrl+Shift+C, with the appliance it came from and
/// when. Ctrl+Shift+V in another appliance's window gives it to that guest.
/// It never reaches the host's own clipboard (QClipboard): guest text goes
/// only where the person pastes it with the chord (docs/seamless.md).
class SeamlessClipboard : public QObject
{
    Q_OBJECT
    /// Nothing copied yet.
    Q_PROPERTY(bool empty READ isEmpty NOTIFY changed)
    /// Title of the appliance the text was copied from.
    Q_PROPERTY(QString sourceTitle READ sourceTitle NOTIFY changed)
    /// When it was copied.
    Q_PROPERTY(QDateTime copiedAt READ copiedAt NOTIFY changed)

public:
    explicit SeamlessClipboard(QObject *parent = nullptr);

    /// The process-wide clipboard every SeamlessWindowManager uses by default.
    static SeamlessClipboard *instance();

    bool isEmpty() const { return m_copiedAt.isNull(); }
    QString text() const { return m_text; }
    QString sourceId() const { return m_sourceId; }
    QString sourceTitle() const { return m_sourceTitle; }
    QDateTime copiedAt() const { return m_copiedAt; }

    /// Replaces the content with @p text copied from appliance @p sourceId
    /// (shown as @p sourceTitle), stamped with the current time.
    void set(const QString &text, const QString &sourceId, const QString &sourceTitle);
    /// Forgets the content.
    void clear();

signals:
    /// The content changed.
    void changed();

private:
    QString m_text;
    QString m_sourceId;
    QString m_sourceTitle;
    QDateTime m_copiedAt;
};
