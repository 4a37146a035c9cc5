#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

/// What the About dialog shows: Tessera's version and licence, and the libraries and programs it
/// runs with, each with the version found at run time and its licence.
class AboutTessera : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString version READ version CONSTANT)
    /// Tessera's own licence (SPDX), as its AppStream metadata declares.
    Q_PROPERTY(QString licence READ licence CONSTANT)
    /// One map a component: name, version ("" when unknown), licence (SPDX).
    Q_PROPERTY(QVariantList components READ components CONSTANT)

public:
    using QObject::QObject;

    QString version() const;
    QString licence() const { return QStringLiteral("GPL-3.0-or-later"); }
    QVariantList components() const;
};
