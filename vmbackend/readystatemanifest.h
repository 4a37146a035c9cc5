#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

/// What a ready state was captured from: the base image, the tools disk and the domain
/// definition. A memory image is only valid with exactly these, so a launch compares the
/// recorded manifest with the current one and rebuilds the ready state when they differ.
struct ReadyStateManifest
{
    static constexpr int CurrentVersion = 1;

    int version = CurrentVersion;
    QString basePath;      ///< canonical path of the read-only base image
    QString baseIdentity;  ///< the build's recipe hash, the file's size and modification time
    QString toolsPath;     ///< canonical path of the tools disk; empty without one
    QString toolsHash;     ///< SHA-256 of the tools disk's content
    QString domainXmlHash; ///< SHA-256 of the domain XML the memory image was saved with
    QDateTime created;     ///< when the ready state was captured (not compared)

    QJsonObject toJson() const;
    static ReadyStateManifest fromJson(const QJsonObject &object);

    /// Why a ready state recorded as @p recorded cannot be restored under @p current, in a
    /// few words for the log; empty when it can. Pure: compares fields only.
    static QString mismatch(const ReadyStateManifest &recorded, const ReadyStateManifest &current);

    /// Describes the current files. Blocking (hashes the tools disk): call off the GUI thread.
    static ReadyStateManifest describe(const QString &baseDisk, const QString &recipeHash, const QString &toolsDisk,
                                       const QString &domainXml);
    /// The base image's identity without reading its content (hundreds of MB): recipe hash,
    /// size and modification time. Empty when the file is missing.
    static QString baseIdentityOf(const QString &baseDisk, const QString &recipeHash);
    /// SHA-256 of a file's content, hex; empty when unreadable.
    static QString fileHash(const QString &path);
    static QString textHash(const QString &text);
};
