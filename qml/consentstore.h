#pragma once

#include <QObject>
#include <QQmlEngine>

/// Remembers, per appliance, the contract the user accepted: a copy of the descriptor and
/// its digest. The launcher asks again only when the current contract grants more.
class ConsentStore : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    explicit ConsentStore(QObject *parent = nullptr);

    /// The copy of the descriptor accepted for @p appliance, or "" if none was.
    Q_INVOKABLE QString acceptedDescriptor(const QString &appliance) const;
    /// Records that the user accepted @p descriptorPath (with @p digest) for @p appliance.
    /// Returns false, with nothing changed, when the copy cannot be written.
    Q_INVOKABLE bool remember(const QString &appliance, const QString &descriptorPath, const QString &digest);
    Q_INVOKABLE void forget(const QString &appliance);

private:
    static QString copyPath(const QString &appliance);
};
