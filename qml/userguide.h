#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

/// The user guide shipped with Tessera (docs/guide, compiled in): what a contract is, what each
/// button does, where the person's files are; in the person's language where there is a guide in it.
class UserGuide : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    /// The guide as Markdown, for a Text in Text.MarkdownText (it is Tessera's own text).
    Q_PROPERTY(QString markdown READ markdown CONSTANT)

public:
    using QObject::QObject;

    /// The guide for the first of @p locale's UI languages that has one, else the English guide.
    static QString markdownFor(const QLocale &locale);
    QString markdown() const { return markdownFor(QLocale()); }
};
