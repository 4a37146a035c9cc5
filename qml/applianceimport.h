#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTemporaryDir>

#include <memory>

class ApplianceImporter;

/**
 * The import dialog's view-model: reads the descriptor of a chosen .ovf/.ova so its contract
 * can be shown (descriptorPath feeds a ContractModel), then runs ApplianceImporter on a worker
 * thread and reports its progress. Nothing here blocks the GUI thread.
 */
class ApplianceImport : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    /// The package chosen (path or file: URL).
    Q_PROPERTY(QString source READ source NOTIFY sourceChanged)
    /// A copy of the package's descriptor, for ContractModel; empty until read.
    Q_PROPERTY(QString descriptorPath READ descriptorPath NOTIFY descriptorChanged)
    /// The name the appliance gets unless the user changes it (the VirtualSystem's ovf:id).
    Q_PROPERTY(QString suggestedName READ suggestedName NOTIFY descriptorChanged)
    /// Why the package's contract is rejected (`FILE:LINE:COLUMN: message`, naming the file the
    /// user chose, or ARCHIVE.ova/NAME.ovf), empty when it is accepted or not read yet.
    Q_PROPERTY(QString contractError READ contractError NOTIFY descriptorChanged)
    /// True while reading the descriptor or importing.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(int progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString stage READ stage NOTIFY progressChanged)
    /// What went wrong, for people; empty when nothing did.
    Q_PROPERTY(QString errorString READ errorString NOTIFY resultChanged)
    /// True when the import was refused because the contract is rejected (errorString is the parser's message).
    Q_PROPERTY(bool contractRejected READ contractRejected NOTIFY resultChanged)
    /// The name of the appliance once imported; empty before.
    Q_PROPERTY(QString importedName READ importedName NOTIFY resultChanged)

public:
    explicit ApplianceImport(QObject *parent = nullptr);
    ~ApplianceImport() override;

    QString source() const { return m_source; }
    QString descriptorPath() const { return m_descriptorPath; }
    QString suggestedName() const { return m_suggestedName; }
    QString contractError() const { return m_contractError; }
    bool busy() const { return m_busy; }
    int progress() const { return m_progress; }
    QString stage() const { return m_stage; }
    QString errorString() const { return m_error; }
    bool contractRejected() const { return m_contractRejected; }
    QString importedName() const { return m_importedName; }

    /// Reads the descriptor of @p source on a worker thread; descriptorChanged() when done.
    Q_INVOKABLE void inspect(const QString &source);
    /// Imports the inspected package as @p name on a worker thread; finished() when done.
    Q_INVOKABLE void start(const QString &name);
    /// Stops a running import; it leaves nothing behind.
    Q_INVOKABLE void cancel();
    /// True when @p name can name an appliance.
    Q_INVOKABLE bool isValidName(const QString &name) const;

Q_SIGNALS:
    void sourceChanged();
    void descriptorChanged();
    void busyChanged();
    void progressChanged();
    void resultChanged();
    /// The import ended; @p ok says whether the appliance is now in the catalog.
    void finished(bool ok);

private:
    void setBusy(bool busy);
    void reset();

    QString m_source;
    QString m_descriptorPath;
    QString m_suggestedName;
    QString m_contractError;
    bool m_busy = false;
    int m_progress = 0;
    QString m_stage;
    QString m_error;
    bool m_contractRejected = false;
    QString m_importedName;
    QTemporaryDir m_scratch;
    int m_generation = 0;
    std::shared_ptr<ApplianceImporter> m_importer;
    QPointer<QThread> m_thread;
};
