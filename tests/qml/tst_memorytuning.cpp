// MemoryTuning: which OpenGL renderers count as software rasterizers, that a choice made in
// the environment is kept, and (under an X server) that the child-process probe answers and
// the scene graph follows its answer.
#include "memorytuning.h"

#include <QApplication>
#include <QProcess>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestMemoryTuning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void softwareRenderers_data()
    {
        QTest::addColumn<QString>("renderer");
        QTest::addColumn<bool>("software");
        QTest::newRow("llvmpipe") << QStringLiteral("llvmpipe (LLVM 15.0.6, 256 bits)") << true;
        QTest::newRow("softpipe") << QStringLiteral("softpipe") << true;
        QTest::newRow("swrast") << QStringLiteral("Mesa swrast") << true;
        QTest::newRow("classic swrast") << QStringLiteral("Software Rasterizer") << true;
        QTest::newRow("no context") << QStringLiteral("none") << true;
        QTest::newRow("intel") << QStringLiteral("Mesa Intel(R) UHD Graphics 620 (KBL GT2)") << false;
        // radeonsi names LLVM too: it is a GPU all the same.
        QTest::newRow("amd") << QStringLiteral("AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49, 6.1.0)") << false;
        QTest::newRow("virgl") << QStringLiteral("virgl (Mesa Intel(R) Xe Graphics)") << false;
        QTest::newRow("nvidia") << QStringLiteral("NVIDIA GeForce GTX 1650/PCIe/SSE2") << false;
    }

    void softwareRenderers()
    {
        QFETCH(QString, renderer);
        QFETCH(bool, software);
        QCOMPARE(MemoryTuning::isSoftwareRenderer(renderer), software);
    }

    void probeAnswersAndTheSceneGraphFollows()
    {
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            QSKIP("needs an X server (DISPLAY): the probe is only run on xcb");
        QProcess probe;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TESSERA_PROBE_GL"), QStringLiteral("1"));
        probe.setProcessEnvironment(environment);
        probe.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(probe.waitForFinished(30000));
        const QByteArray answer = probe.readAllStandardOutput().trimmed();
        QVERIFY2(answer.startsWith("renderer: ") && answer.size() > 10, answer.constData());
        const QString renderer = QString::fromUtf8(answer.mid(10));

        QSettings().remove(QStringLiteral("graphics/openGLRenderer"));
        MemoryTuning::chooseSceneGraphBackend();
        // The answer is kept for the next start.
        QCOMPARE(QSettings().value(QStringLiteral("graphics/openGLRenderer")).toString(), renderer);
        // setGraphicsApi(Software) selects the "software" scene graph adaptation.
        const bool software = QQuickWindow::sceneGraphBackend() == QLatin1String("software");
        QCOMPARE(software, MemoryTuning::isSoftwareRenderer(renderer));
        QVERIFY2(MemoryTuning::sceneGraphDescription().contains(renderer), qPrintable(MemoryTuning::sceneGraphDescription()));
    }

    void keptAnswerIsUsed_data()
    {
        QTest::addColumn<QString>("kept");
        QTest::addColumn<bool>("software");
        QTest::newRow("llvmpipe") << QStringLiteral("llvmpipe (LLVM 15.0.6, 256 bits)") << true;
        QTest::newRow("gpu") << QStringLiteral("Mesa Intel(R) UHD Graphics 620 (KBL GT2)") << false;
    }

    void keptAnswerIsUsed()
    {
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            QSKIP("needs an X server (DISPLAY): the probe is only run on xcb");
        QFETCH(QString, kept);
        QFETCH(bool, software);
        QSettings().setValue(QStringLiteral("graphics/openGLRenderer"), kept);
        QQuickWindow::setSceneGraphBackend(QString());
        MemoryTuning::chooseSceneGraphBackend();
        QCOMPARE(QQuickWindow::sceneGraphBackend() == QLatin1String("software"), software);
        QVERIFY(MemoryTuning::sceneGraphDescription().contains(kept));
        QVERIFY(MemoryTuning::sceneGraphDescription().contains(QLatin1String("last probe")));
    }

    void environmentChoiceIsKept()
    {
        qputenv("QT_QUICK_BACKEND", "rhi");
        QQuickWindow::setGraphicsApi(QSGRendererInterface::OpenGL);
        QQuickWindow::setSceneGraphBackend(QString());
        MemoryTuning::chooseSceneGraphBackend();
        QCOMPARE(QQuickWindow::graphicsApi(), QSGRendererInterface::OpenGL);
        QVERIFY(QQuickWindow::sceneGraphBackend() != QLatin1String("software"));
        QVERIFY(MemoryTuning::sceneGraphDescription().contains(QLatin1String("QT_QUICK_BACKEND")));
        qunsetenv("QT_QUICK_BACKEND");
    }
};

int main(int argc, char *argv[])
{
    // The child process the probe test (and chooseSceneGraphBackend) starts.
    if (MemoryTuning::runGlProbeIfAsked(argc, argv))
        return MemoryTuning::probeExitCode();
    // The probe's answer goes to QSettings: a private configuration folder.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tessera"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_memorytuning"));
    TestMemoryTuning test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_memorytuning.moc"
