#include "applianceimport.h"

#include "applianceimporter.h"
#include "contractparser.h"
#include "ovfpackage.h"
#include "tesserapaths.h"

#include <QFile>
#include <QThread>
#include <QDir>
#include <QUrl>

ApplianceImport::ApplianceImport(QObject *parent) : QObject(parent) {}

ApplianceImport::~ApplianceImport()
{
    // An import must not outlive its dialog half-done: stop it, it cleans up after itself.
    if (m_importer)
        m_importer->cancel();
    if (m_thread) {
        m_thread->wait();
    }
}

bool ApplianceImport::isValidName(const QString &name) const
{
    return ApplianceImporter::isValidName(name);
}

void ApplianceImport::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void ApplianceImport::reset()
{
    m_error.clear();
    m_contractRejected = false;
    m_importedName.clear();
    m_progress = 0;
    m_stage.clear();
    Q_EMIT resultChanged();
    Q_EMIT progressChanged();
}

void ApplianceImport::inspect(const QString &source)
{
    if (m_thread)
        return;
    const QUrl url(source);
    m_source = url.isLocalFile() ? url.toLocalFile() : source;
    // A typed "~/Downloads/app.ova" means the home folder, as in a shell.
    if (m_source.startsWith(QLatin1String("~/")))
        m_source = QDir::homePath() + m_source.mid(1);
    Q_EMIT sourceChanged();
    m_descriptorPath.clear();
    m_suggestedName.clear();
    m_contractError.clear();
    Q_EMIT descriptorChanged();
    reset();
    setBusy(true);
    const int generation = ++m_generation;
    const QString target = m_scratch.filePath(QStringLiteral("descriptor-%1.ovf").arg(generation));
    const QString path = m_source;
    m_thread = QThread::create([this, path, target, generation] {
        QByteArray descriptor;
        QString fileName;
        QString error;
        const bool ok = ApplianceImporter::readDescriptor(path, &descriptor, &fileName, &error);
        QString name;
        QString contractError;
        if (ok) {
            QFile copy(target);
            if (copy.open(QIODevice::WriteOnly))
                copy.write(descriptor);
            name = OvfPackage::parse(descriptor).systemId().toLower();
            // The same check as the import's, with the file named as the user knows it.
            const ContractParseResult contract = ContractParser::parse(descriptor, fileName);
            if (!contract.ok)
                contractError = contract.error;
            else if (!contract.allLaunchable())
                contractError = contract.notes.join(QLatin1Char('\n'));
        }
        QMetaObject::invokeMethod(this, [this, ok, target, name, error, contractError, generation] {
            if (generation != m_generation)
                return;
            if (ok) {
                m_descriptorPath = target;
                m_suggestedName = name;
                m_contractError = contractError;
                Q_EMIT descriptorChanged();
            } else {
                m_error = error;
                Q_EMIT resultChanged();
            }
            setBusy(false);
        }, Qt::QueuedConnection);
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

void ApplianceImport::start(const QString &name)
{
    if (m_thread || m_source.isEmpty())
        return;
    reset();
    setBusy(true);
    m_importer = std::make_shared<ApplianceImporter>(TesseraPaths::importedAppliancesDir());
    m_importer->setBuiltAppliancesDir(TesseraPaths::applianceImagesDir());
    // Emitted on the worker thread: queued into this (GUI) thread.
    connect(m_importer.get(), &ApplianceImporter::progress, this, [this](int percent, const QString &stage) {
        m_progress = percent;
        m_stage = stage;
        Q_EMIT progressChanged();
    }, Qt::QueuedConnection);
    const std::shared_ptr<ApplianceImporter> importer = m_importer;
    const QString source = m_source;
    m_thread = QThread::create([this, importer, source, name] {
        const ApplianceImporter::Result result = importer->import(source, name);
        QMetaObject::invokeMethod(this, [this, result] {
            m_error = result.ok ? QString() : result.error;
            m_contractRejected = result.contractRejected;
            m_importedName = result.ok ? result.name : QString();
            Q_EMIT resultChanged();
            setBusy(false);
            Q_EMIT finished(result.ok);
        }, Qt::QueuedConnection);
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

void ApplianceImport::cancel()
{
    if (m_importer)
        m_importer->cancel();
}
