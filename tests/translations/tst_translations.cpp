// Every user-visible string has a German translation: lupdate runs over today's sources into a
// copy of tessera_de.ts, and no message may be left unfinished.
#include <QDirIterator>
#include <QLibraryInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <QRegularExpression>
#include <QTranslator>

class TestTranslations : public QObject
{
    Q_OBJECT

    struct Untranslated { QString context; QString source; };

    static QList<Untranslated> unfinished(const QString &tsPath, int *messages)
    {
        QList<Untranslated> missing;
        QFile file(tsPath);
        if (!file.open(QIODevice::ReadOnly))
            return {{QStringLiteral("<file>"), tsPath}};
        QXmlStreamReader xml(&file);
        QString context, source;
        *messages = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                ++*messages;
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                    continue;
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == QLatin1String("unfinished") || text.trimmed().isEmpty())
                    missing.append({context, source});
            }
        }
        return missing;
    }

private Q_SLOTS:
    void germanIsComplete()
    {
        const QString sourceDir = QStringLiteral(TESSERA_SOURCE_DIR);
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("tessera_de.ts"));
        QVERIFY(QFile::copy(sourceDir + QStringLiteral("/translations/tessera_de.ts"), ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);

        QStringList arguments{QStringLiteral("-no-obsolete"), QStringLiteral("-silent")};
        for (const char *folder : {"app", "qml", "vmbackend", "seamless", "contracts-view"}) {
            QDirIterator it(sourceDir + QLatin1Char('/') + QLatin1String(folder), {QStringLiteral("*.cpp"), QStringLiteral("*.qml")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                arguments << it.next();
        }
        arguments << QStringLiteral("-ts") << ts;
        QProcess lupdate;
        lupdate.start(QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate"), arguments);
        if (!lupdate.waitForStarted())
            lupdate.start(QStringLiteral("/usr/lib/qt6/bin/lupdate"), arguments);
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        int messages = 0;
        const QList<Untranslated> missing = unfinished(ts, &messages);
        QVERIFY2(messages > 100, "suspiciously few messages: is lupdate finding the sources?");
        for (const Untranslated &m : missing)
            qWarning("untranslated in German: [%s] %s", qPrintable(m.context), qPrintable(m.source));
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 of %2 messages lack a German translation; "
                                                              "run `cmake --build build --target update_translations` and translate them")
                                                   .arg(missing.size()).arg(messages)));
    }

    // German that is English left as it was ("Appliances" as the launcher's heading once), and
    // ellipses written as three dots or after a space, stand out from the rest.
    void germanReadsLikeTheRest()
    {
        QFile file(QStringLiteral(TESSERA_SOURCE_DIR "/translations/tessera_de.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        // Sources German writes the same way.
        const QStringList same{QStringLiteral("Name:"), QStringLiteral("Name (optional)"), QStringLiteral("Details: %1"),
                               QStringLiteral("Details…"), QStringLiteral("System"), QStringLiteral("Appliances (*.ova *.ovf)")};
        static const QRegularExpression noWords(QStringLiteral("^(%\\d|Tessera|TCP|UDP|[MK]iB(/s)?|[^A-Za-z])*$"));
        QStringList problems;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation") && xml.attributes().value(QLatin1String("numerus")).isEmpty()) {
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (text == source && !same.contains(source) && !noWords.match(source).hasMatch())
                    problems << QStringLiteral("left in English: ") + source;
                // (A command line's PATH... and [OPTION]... stay as they are.)
                static const QRegularExpression threeDots(QStringLiteral("(?<![A-Z\\]])\\.\\.\\."));
                if (text.contains(QLatin1String(" …")) || threeDots.match(text).hasMatch())
                    problems << QStringLiteral("ellipsis written apart or as three dots: ") + text;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // Qt's own words (a dialog's OK, Cancel and Close) come from Qt's German translation.
    void qtsOwnWordsInGerman()
    {
        QTranslator qt;
        QVERIFY2(qt.load(QLocale(QLocale::German), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
                 "Qt's German translation is missing: scripts/setup installs qt6-translations-l10n");
        QCOMPARE(qt.translate("QPlatformTheme", "Close"), QStringLiteral("Schließen"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
