// Strings from guests, packages, file names and logs reach the shell's QML. Qt Quick renders a
// Text or Label in AutoText as rich text when the string looks like markup, and then fetches the
// images it names (a request from the host that no contract sees); the Controls' IconLabel (every
// button, delegate and menu item) reads markup too, and Qt 6.4 crashes on an <img> in it. This test
// reads every QML file of the shell and fails on each place where such a string could be read as
// markup: a Text or Label without an explicit textFormat, a style's Dialog title or ToolTip, a
// ComboBox with the style's delegate, or a button whose text is built from data.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

// Controls that draw their text with the style's IconLabel (or, for the check controls, a Text
// in AutoText): their text may only be fixed translated words unless they bring a contentItem.
const QRegularExpression IconLabelControls(QStringLiteral(
    "^(Button|ToolButton|RoundButton|DelayButton|TabButton|ItemDelegate|MenuItem|CheckDelegate|RadioDelegate|SwitchDelegate|CheckBox|RadioButton|Switch)$"));

// The top level of an object's body: its own bindings, without its children's.
QString topLevelOf(const QString &source, qsizetype bodyStart)
{
    QString top;
    int depth = 0;
    for (qsizetype i = bodyStart; i < source.size(); ++i) {
        const QChar c = source.at(i);
        if (c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char('}')) {
            if (depth == 0)
                break;
            --depth;
        } else if (depth == 0) {
            top += c;
        }
    }
    return top;
}

bool hasBinding(const QString &top, const QString &name)
{
    return top.contains(QRegularExpression(QStringLiteral("(^|[;\\n{])\\s*%1\\s*:").arg(name)));
}

// The expression bound to @p name at the top level (up to the next binding), or a null string.
QString bindingOf(const QString &top, const QString &name)
{
    const QRegularExpression binding(
        QStringLiteral("(?:^|[;\\n])\\s*%1\\s*:\\s*(.*?)(?=\\n\\s*[\\w.]+\\s*:|;|$)").arg(name),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = binding.match(top);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

/// The places in one QML file where a string could be read as markup, "file:line: what".
QStringList markupRisks(const QString &fileName, const QString &source)
{
    QStringList risks;
    const auto where = [&](qsizetype offset) {
        return QStringLiteral("%1:%2").arg(fileName).arg(source.left(offset).count(QLatin1Char('\n')) + 1);
    };
    static const QRegularExpression object(QStringLiteral("(?<![\\w.])([A-Z]\\w*)\\s*\\{"));
    for (auto it = object.globalMatch(source); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString type = match.captured(1);
        const QString top = topLevelOf(source, match.capturedEnd());
        const QString at = where(match.capturedStart());
        if ((type == QLatin1String("Text") || type == QLatin1String("Label")) && !hasBinding(top, QStringLiteral("textFormat")))
            risks << QStringLiteral("%1: %2 without an explicit textFormat").arg(at, type);
        if (type == QLatin1String("Dialog") && fileName != QLatin1String("PlainTitleDialog.qml"))
            risks << QStringLiteral("%1: Dialog draws its title in AutoText; use PlainTitleDialog").arg(at);
        if (type == QLatin1String("ToolTip") && fileName != QLatin1String("PlainToolTip.qml"))
            risks << QStringLiteral("%1: ToolTip draws its text in AutoText; use PlainToolTip").arg(at);
        if (type == QLatin1String("ComboBox") && !hasBinding(top, QStringLiteral("delegate")))
            risks << QStringLiteral("%1: ComboBox with the style's delegate; give it a PlainItemDelegate").arg(at);
        if (IconLabelControls.match(type).hasMatch() && !hasBinding(top, QStringLiteral("contentItem"))) {
            const QString text = bindingOf(top, QStringLiteral("text"));
            if (!text.isNull() && (text.contains(QLatin1String(".arg(")) || !text.contains(QLatin1String("qsTr("))))
                risks << QStringLiteral("%1: %2 text built from data (%3); use PlainButton or PlainItemDelegate")
                             .arg(at, type, text.simplified().left(60));
        }
    }
    static const QRegularExpression attachedToolTip(QStringLiteral("ToolTip\\.text\\s*:"));
    for (auto it = attachedToolTip.globalMatch(source); it.hasNext();)
        risks << QStringLiteral("%1: attached ToolTip.text is AutoText; use PlainToolTip").arg(where(it.next().capturedStart()));
    return risks;
}

class tst_QmlPlainText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The check itself: each kind of risk in a made-up file is found, and the safe forms pass.
    void checkFindsEachRisk_data()
    {
        QTest::addColumn<QString>("qml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("label") << QStringLiteral("Item {\n  Label {\n    text: model.title\n  }\n}") << QStringLiteral("Label without");
        QTest::newRow("one-line text") << QStringLiteral("Text { text: name; font.bold: true }") << QStringLiteral("Text without");
        QTest::newRow("child's format is not its own")
            << QStringLiteral("Label {\n  text: name\n  Text { textFormat: Text.PlainText }\n}") << QStringLiteral("Label without");
        QTest::newRow("dialog") << QStringLiteral("Dialog {\n  title: session.title\n}") << QStringLiteral("PlainTitleDialog");
        QTest::newRow("attached tool tip") << QStringLiteral("Button {\n  text: qsTr(\"Go\")\n  ToolTip.text: path\n}")
                                           << QStringLiteral("attached ToolTip.text");
        QTest::newRow("tool tip") << QStringLiteral("ToolTip {\n  text: path\n}") << QStringLiteral("use PlainToolTip");
        QTest::newRow("combo box") << QStringLiteral("ComboBox {\n  model: Breaches.appliances\n}") << QStringLiteral("ComboBox with the style's");
        QTest::newRow("button with a name") << QStringLiteral("Button {\n  text: qsTr(\"Compare with %1\").arg(other.title)\n}")
                                            << QStringLiteral("Button text built from data");
        QTest::newRow("delegate with data") << QStringLiteral("ItemDelegate {\n  text: modelData\n}") << QStringLiteral("ItemDelegate text built");
    }

    void checkFindsEachRisk()
    {
        QFETCH(QString, qml);
        QFETCH(QString, expected);
        const QStringList risks = markupRisks(QStringLiteral("Made.qml"), qml);
        QVERIFY2(risks.join(QLatin1Char('\n')).contains(expected), qPrintable(QStringLiteral("no \"%1\" in: %2").arg(expected, risks.join(QLatin1Char('|')))));
    }

    void checkPassesSafeForms()
    {
        const QString safe = QStringLiteral(
            "PlainTitleDialog {\n  title: session.title\n"
            "  Label { textFormat: Text.PlainText; text: session.title }\n"
            "  Text {\n    id: t\n    textFormat: Text.PlainText\n    text: path\n  }\n"
            "  Button {\n    text: qsTr(\"Stop\")\n    PlainToolTip { text: path }\n  }\n"
            "  PlainButton { text: qsTr(\"Compare with %1\").arg(other.title) }\n"
            "  ComboBox {\n    model: names\n    delegate: PlainItemDelegate { text: modelData }\n  }\n"
            "  Button { text: qsTr(\"Undo %n file(s)\", \"\", count) }\n"
            "}");
        QCOMPARE(markupRisks(QStringLiteral("Safe.qml"), safe), QStringList());
    }

    // Every QML file of the shell and of the seamless windows.
    void shellShowsDataAsPlainText()
    {
        QStringList risks;
        int files = 0;
        for (const char *folder : {"qml", "seamless"}) {
            QDirIterator it(QStringLiteral(TESSERA_SOURCE_DIR "/%1").arg(QLatin1String(folder)), {QStringLiteral("*.qml")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                ++files;
                risks << markupRisks(it.fileName(), QString::fromUtf8(file.readAll()));
            }
        }
        QVERIFY(files > 10);
        QVERIFY2(risks.isEmpty(), qPrintable(risks.join(QLatin1Char('\n'))));
    }
};

QTEST_APPLESS_MAIN(tst_QmlPlainText)
#include "tst_qmlplaintext.moc"
