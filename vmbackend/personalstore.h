#pragma once

#include <QCoreApplication>
#include <QString>

/// The personal data store on the host: the folder that holds a person's files, kept apart
/// from every appliance's system disk, of which a contract's mounts export sub-folders.
///
/// Folders are named relative to the store root ("Documents/Taxes"). Below the root nothing
/// is ever followed through a symbolic link: a link planted inside the store (by anyone) must
/// not make Tessera create or export a folder outside it. The root itself is the person's
/// choice (TesseraPaths::personalStoreDir()) and may be a link.
class PersonalStore
{
    Q_DECLARE_TR_FUNCTIONS(PersonalStore)

public:
    explicit PersonalStore(const QString &root);

    /// The root as given, without a trailing slash.
    QString root() const { return m_root; }

    /// The absolute path of store folder @p folder (lexical: nothing is read or created).
    /// Empty when @p folder is not a valid store folder (absolute, `..`, empty).
    QString pathOf(const QString &folder) const;

    /// The store folder (relative) that @p hostPath names; empty when it is not strictly
    /// inside the root (lexically), e.g. the root itself or a path beside it.
    QString folderOf(const QString &hostPath) const;

    /// Creates the root when missing, then each component of @p folder below it, without
    /// following symbolic links: a component that is a link or not a folder fails with a
    /// translated @p error that says what to do. On success @p path (optional) is the
    /// folder's absolute path under the root's canonical path. Blocking file-system calls:
    /// run off the GUI thread.
    bool ensureFolder(const QString &folder, QString *path, QString *error) const;

private:
    QString m_root;
};
