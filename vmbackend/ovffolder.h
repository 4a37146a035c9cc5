#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>

/**
 * The folder an OVF descriptor was chosen in, opened once. The files the descriptor references
 * are opened relative to that folder, each once, without following a link (a link, FIFO or
 * device is refused unopened), checked with fstat and kept open: the importer copies exactly
 * the file it checked, whatever is renamed or swapped for a link in the folder since.
 *
 * Blocking: call from a worker thread.
 */
class OvfFolder
{
    Q_DECLARE_TR_FUNCTIONS(OvfFolder)

public:
    /// Opens the folder of the descriptor @p descriptorPath.
    explicit OvfFolder(const QString &descriptorPath);
    ~OvfFolder();
    OvfFolder(const OvfFolder &) = delete;
    OvfFolder &operator=(const OvfFolder &) = delete;

    bool isOpen() const { return m_fd >= 0; }
    QString path() const { return m_path; }
    /// The descriptor's own file name.
    QString descriptorName() const { return m_descriptorName; }

    /// Reads the descriptor, at most @p maxBytes. It may be a link: it is the file the person chose.
    bool readDescriptor(qint64 maxBytes, QByteArray *data, QString *error) const;
    /// True when the folder has an entry @p name (of any kind).
    bool contains(const QString &name) const;
    /// Opens the file @p name once and keeps it open: a plain file, not a link; @p size gets its size.
    bool openFile(const QString &name, qint64 *size, QString *error);
    /// The descriptor of the file openFile() opened as @p name, else -1.
    int descriptor(const QString &name) const { return m_files.value(name, -1); }
    /// Opens @p name as openFile() does and reads it whole, at most @p maxBytes.
    bool readFile(const QString &name, qint64 maxBytes, QByteArray *data, QString *error);

private:
    QString m_path;
    QString m_descriptorName;
    int m_fd = -1;
    QString m_openError;
    QHash<QString, int> m_files;
};
