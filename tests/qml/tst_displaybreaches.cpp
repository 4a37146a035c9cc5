// The shell's own breaches (its windows) are held to one per kind per window too: a guest whose
// windows keep trying to cover the whole screen gives one breach at once and one summary, in the
// breach log and the Breaches list, with none dropped (they used to be one each, up to 20 a run,
// and the rest dropped). An appliance on libvirt's test driver; the seamless windows' signal
// stands for a guest window refused full screen.
#include "appliancecatalog.h"
#include "applianceinfo.h"
#include "appliancesession.h"
#include "appliancevm.h"
#include "breachlistmodel.h"
#include "breachlog.h"
#include "breachratelimiter.h"
#include "libvirtconnection.h"
#include "seamlesswindowmanager.h"
#include "tesserapaths.h"
#include "testimage.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestDisplayBreaches : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    QTemporaryDir m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid() && m_cache.isValid());
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        QVERIFY(makeTestAppliance(m_cache.path(), QStringLiteral("sample")));
    }

    void windowsRefusedFullScreenAreFolded()
    {
        const ApplianceImage image = ApplianceCatalog::find(m_cache.path() + QStringLiteral("/appliances"), QStringLiteral("sample"));
        LibvirtConnection connection(QStringLiteral("test:///default"));
        QSignalSpy opened(&connection, &LibvirtConnection::opened);
        connection.open();
        QVERIFY(opened.wait(10000));
        auto *vm = new ApplianceVm(&connection, image, Accelerator::Tcg);
        ApplianceInfo info;
        info.title = QStringLiteral("Sample");
        info.launchable = true;
        auto *session = new ApplianceSession(vm, info);
        QSignalSpy listed(BreachListModel::instance(), &BreachListModel::breachAdded);

        constexpr int Windows = 60;
        for (quint32 id = 1; id <= Windows; ++id)
            Q_EMIT session->seamlessWindows()->fullScreenRefused(id, QStringLiteral("window %1").arg(id));
        // The first at once; the other 59 wait for the end of the window.
        QCOMPARE(session->breachCount(), 1);
        QCOMPARE(listed.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(session->breachCount(), 2, 3 * BreachRateLimiter::WindowMs);
        const auto summary = listed.at(1).first().value<BreachEvent>();
        QCOMPARE(summary.kind, BreachEvent::Kind::FullScreenRefused);
        QCOMPARE(summary.folded + 1, Windows - 1);
        QCOMPARE(summary.foldedSubjects, Windows - 2);
        QCOMPARE(summary.evidence.size() + summary.evidenceOmitted, Windows - 1);
        // Both in the appliance's breach log.
        const QList<BreachEvent> logged = BreachLog::readFile(BreachLog(TesseraPaths::logsDir()).fileFor(image.name));
        QCOMPARE(logged.size(), 2);
        QCOMPARE(logged.last().folded, Windows - 2);
        delete session;
        QCOMPARE(BreachLog::readFile(BreachLog(TesseraPaths::logsDir()).fileFor(image.name)).size(), 2); // nothing more held
    }
};

QTEST_MAIN(TestDisplayBreaches)
#include "tst_displaybreaches.moc"
