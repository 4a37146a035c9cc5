// Qt Quick Test of the recovery panel (tst_recoverypanel.qml) against real parts: an
// ApplianceVm on libvirt's test driver with real qcow2 restore points, a real store history
// (StoreHistory with its recorder) holding an appliance's changes and two conflicts, and a
// quarantine record. With TESSERA_SCREENSHOT_DIR set, the QML test saves screenshots there.
#include "appliancecatalog.h"
#include "applianceinfo.h"
#include "appliancesession.h"
#include "appliancevm.h"
#include "libvirtconnection.h"
#include "quarantinestore.h"
#include "restorepointstore.h"
#include "storehistory.h"
#include "storejournal.h"
#include "tesserapaths.h"
#include "testimage.h"

#include <QDir>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLibraryInfo>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(TesseraPlugin)

namespace {

bool put(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

} // namespace

class Fixture : public QObject
{
    Q_OBJECT
    /// The time the appliance's changes began (ISO 8601 UTC).
    Q_PROPERTY(QString since MEMBER m_since CONSTANT)
    Q_PROPERTY(ApplianceSession *session MEMBER m_session CONSTANT)
    /// Set up completely (the test fails at once otherwise).
    Q_PROPERTY(QString problem MEMBER m_problem CONSTANT)

public:
    /// Content of store file @p relative; "<missing>" when absent.
    Q_INVOKABLE QString read(const QString &relative) const
    {
        QFile file(TesseraPaths::personalStoreDir() + QLatin1Char('/') + relative);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QStringLiteral("<missing>");
    }
    /// File names in store folder @p relative.
    Q_INVOKABLE QStringList files(const QString &relative) const
    {
        return QDir(TesseraPaths::personalStoreDir() + QLatin1Char('/') + relative).entryList(QDir::Files, QDir::Name);
    }
    /// Saves the test window as NAME.png into TESSERA_SCREENSHOT_DIR, when that is set.
    Q_INVOKABLE bool screenshot(const QString &name) const
    {
        const QString dir = qEnvironmentVariable("TESSERA_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return true;
        for (QWindow *window : QGuiApplication::topLevelWindows()) {
            if (auto *quick = qobject_cast<QQuickWindow *>(window); quick && quick->isVisible())
                return quick->grabWindow().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
        }
        return false;
    }

public Q_SLOTS:
    void applicationAvailable()
    {
        // For the German screenshots: the shell's own translations, built beside the tests.
        if (m_translator.load(QLocale(), QStringLiteral("tessera"), QStringLiteral("_"), QStringLiteral(TESSERA_QM_DIR)))
            QCoreApplication::installTranslator(&m_translator);
        if (m_qtTranslator.load(QLocale(), QStringLiteral("qt"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qtTranslator);
    }

    // The session, its VM, the connection and the history are left to the process's end: the
    // QML engines (one to compile, one to run) shared them, and Qt forbids deleting them directly.
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("fixture"), this);
        m_problem = setUp();
    }

private:
    QString setUp()
    {
        qputenv("TESSERA_CACHE_DIR", m_cache.path().toUtf8());
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        qputenv("TESSERA_STORE_DIR", m_data.filePath(QStringLiteral("store")).toUtf8());

        // The store's history: the host's files, then "sample" changes three and the host
        // changes two of them again (the conflicts).
        const QString store = TesseraPaths::personalStoreDir();
        {
            StoreJournal journal(TesseraPaths::storeJournalDir(), store);
            if (!put(store + QStringLiteral("/Documents/letter.txt"), "dear bank") || !put(store + QStringLiteral("/Documents/budget.txt"), "100")
                || !put(store + QStringLiteral("/Documents/notes.txt"), "todo") || !journal.open()
                || !journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()))
                return QStringLiteral("journal setup failed");
            const QDateTime last = journal.changes().last().time;
            if (!QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() > last; }, 5000))
                return QStringLiteral("clock did not move");
            m_since = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
            const QList<QPair<QString, QByteArray>> sample = {{QStringLiteral("Documents/letter.txt"), "send money"},
                                                              {QStringLiteral("Documents/budget.txt"), "0"},
                                                              {QStringLiteral("Documents/notes.txt"), "nothing to do"},
                                                              {QStringLiteral("Documents/ransom.txt"), "pay up"}};
            for (const auto &[path, content] : sample) {
                if (!put(store + QLatin1Char('/') + path, content) || !journal.record(path, QStringLiteral("sample")))
                    return QStringLiteral("journal setup failed");
            }
            if (!put(store + QStringLiteral("/Documents/budget.txt"), "0, fixed by hand")
                || !journal.record(QStringLiteral("Documents/budget.txt"), StoreJournal::hostActor())
                || !put(store + QStringLiteral("/Documents/notes.txt"), "todo, fixed by hand")
                || !journal.record(QStringLiteral("Documents/notes.txt"), StoreJournal::hostActor()))
                return QStringLiteral("journal setup failed");
        }
        m_history = new StoreHistory(TesseraPaths::storeJournalDir(), store);

        // An appliance with two restore points (real qcow2 files) on libvirt's test driver.
        if (!makeTestAppliance(m_cache.path(), QStringLiteral("sample")))
            return QStringLiteral("no test appliance");
        const ApplianceImage image = ApplianceCatalog::find(m_cache.path() + QStringLiteral("/appliances"), QStringLiteral("sample"));
        m_connection = new LibvirtConnection(QStringLiteral("test:///default"));
        QSignalSpy opened(m_connection, &LibvirtConnection::opened);
        m_connection->open();
        if (!opened.wait(10000))
            return QStringLiteral("libvirt test driver did not open");
        const RestorePointStore points(TesseraPaths::instanceDir(image.name), image.baseDisk);
        if (points.ensureLive().isError() || points.take(RestorePoint::cleanShutdown(), {}, true).isError()
            || points.take(RestorePoint::onDemand(), QStringLiteral("before plugins"), false).isError())
            return QStringLiteral("restore points failed");
        m_vm = new ApplianceVm(m_connection, image, Accelerator::Tcg);
        QSignalSpy modeSaved(m_vm, &ApplianceVm::modeChanged);
        m_vm->setMode(ApplianceVm::KeepChanges);
        if (!modeSaved.wait(10000))
            return QStringLiteral("mode not saved");
        m_vm->refresh();
        if (!QTest::qWaitFor([this] { return m_vm->state() == ApplianceVm::Off; }, 10000))
            return QStringLiteral("VM state not Off");
        ApplianceInfo info;
        info.title = QStringLiteral("Sample");
        info.launchable = true;
        m_session = new ApplianceSession(m_vm, info);

        // One quarantine, as a recovery leaves it.
        const QuarantineStore quarantines(TesseraPaths::instanceDir(image.name));
        QuarantineRecord record;
        record.id = QStringLiteral("20261123T180000Z");
        record.appliance = image.name;
        record.time = QDateTime::currentDateTimeUtc().addSecs(-3600);
        record.deltaBytes = 42 << 20;
        QDir().mkpath(quarantines.folder(record.id));
        QFile json(quarantines.recordPath(record.id));
        if (!json.open(QIODevice::WriteOnly) || json.write(QJsonDocument(record.toJson()).toJson()) <= 0)
            return QStringLiteral("quarantine record failed");
        return {};
    }

    QTemporaryDir m_cache;
    QTemporaryDir m_data;
    QTranslator m_translator;
    QTranslator m_qtTranslator;
    QString m_since;
    QString m_problem;
    LibvirtConnection *m_connection = nullptr;
    ApplianceVm *m_vm = nullptr;
    ApplianceSession *m_session = nullptr;
    StoreHistory *m_history = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_recoverypanel, Fixture)
#include "tst_recoverypanel.moc"
