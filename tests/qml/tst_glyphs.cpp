// Every character the shell's own text uses (its QML files and both translations) has a glyph in
// the fonts of a plain Debian desktop (fontconfig's fallback included): an information mark "ⓘ"
// once showed as an empty box. Runs offscreen, so it sees the fonts the shell would.
#include <QDirIterator>
#include <QFile>
#include <QGlyphRun>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTextLayout>

namespace {

// The characters of @p text beyond ASCII, each once.
QSet<char32_t> nonAscii(const QString &text)
{
    QSet<char32_t> found;
    for (char32_t c : text.toUcs4())
        if (c > 0x7f)
            found.insert(c);
    return found;
}

// Whether @p c is drawn with a real glyph (not the font's .notdef) in the application font.
bool hasGlyph(char32_t c)
{
    QTextLayout layout(QString::fromUcs4(&c, 1), QGuiApplication::font());
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    const QList<QGlyphRun> runs = layout.glyphRuns();
    if (runs.isEmpty())
        return false;
    for (const QGlyphRun &run : runs) {
        for (quint32 glyph : run.glyphIndexes())
            if (glyph == 0)
                return false;
    }
    return true;
}

} // namespace

class tst_Glyphs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The check itself: a character no font here has is found missing, a common one is not.
    void checkFindsMissingGlyphs()
    {
        QVERIFY(hasGlyph(U'ä'));
        QVERIFY(hasGlyph(U'…'));
        QVERIFY(!hasGlyph(char32_t(0x10FFFD))); // a private-use character
    }

    void shellTextHasGlyphs()
    {
        QSet<char32_t> used;
        int files = 0;
        QDirIterator qml(QStringLiteral(TESSERA_SOURCE_DIR "/qml"), {QStringLiteral("*.qml")}, QDir::Files);
        while (qml.hasNext()) {
            QFile file(qml.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            used += nonAscii(QString::fromUtf8(file.readAll()));
            ++files;
        }
        // What the translations show, not their XML.
        static const QRegularExpression translation(QStringLiteral("<(translation|numerusform)[^>]*>([^<]*)<"));
        for (const char *ts : {"tessera_de.ts", "tessera_en.ts"}) {
            QFile file(QStringLiteral(TESSERA_SOURCE_DIR "/translations/") + QLatin1String(ts));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            for (auto it = translation.globalMatch(text); it.hasNext();)
                used += nonAscii(it.next().captured(2));
            ++files;
        }
        QVERIFY(files > 10);
        QStringList missing;
        for (char32_t c : std::as_const(used))
            if (!hasGlyph(c))
                missing << QStringLiteral("U+%1 %2").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper().arg(QString::fromUcs4(&c, 1));
        missing.sort();
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no glyph for: ") + missing.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(tst_Glyphs)
#include "tst_glyphs.moc"
