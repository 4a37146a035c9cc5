// TrustColorStore: defaults by name, chosen colours persisted with QSettings, colours too
// close to another appliance's refused with a reason, and the change signalled.
#include "trustcolorstore.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

class TestTrustColorStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings under ~/.qttest, not the user's
        QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_trustcolorstore"));
        QSettings().clear();
    }

    void distanceIsPerceptual()
    {
        QCOMPARE(TrustColorStore::distance(QColor("#2e86de"), QColor("#2e86de")), 0.0);
        QVERIFY(TrustColorStore::distance(QColor("#2e86de"), QColor("#3088e0")) < 2.0);
        QVERIFY(TrustColorStore::distance(QColor("#2e86de"), QColor("#c0392b")) > 50.0);
        QVERIFY(TrustColorStore::distance(Qt::black, Qt::white) > 99.0);
    }

    void offeredChoicesAreApart()
    {
        const QStringList choices = TrustColorStore::instance()->choices();
        QVERIFY(choices.size() >= 8);
        for (int i = 0; i < choices.size(); ++i) {
            for (int j = i + 1; j < choices.size(); ++j)
                QVERIFY2(TrustColorStore::distance(QColor(choices.at(i)), QColor(choices.at(j))) >= TrustColorStore::minimumDistance,
                         qPrintable(choices.at(i) + QLatin1Char(' ') + choices.at(j)));
        }
    }

    // Two names whose palette default is the same colour (an imported appliance once got the
    // terminal's red): given defaults apart from each other, kept, and kept when a third appears.
    void newAppliancesGetDistinctColours()
    {
        TrustColorStore *store = TrustColorStore::instance();
        QString first = QStringLiteral("app-0"), second;
        for (int i = 1; i < 200 && second.isEmpty(); ++i) {
            const QString candidate = QStringLiteral("app-%1").arg(i);
            if (store->colorFor(candidate) == store->colorFor(first))
                second = candidate;
        }
        QVERIFY2(!second.isEmpty(), "no two names share a palette default");
        store->assignDistinctDefaults({first, second});
        QVERIFY(TrustColorStore::distance(store->colorFor(first), store->colorFor(second)) >= TrustColorStore::minimumDistance);
        QVERIFY(!store->isChosen(first)); // a default, not the person's choice
        const QColor firstColour = store->colorFor(first), secondColour = store->colorFor(second);
        const QString third = QStringLiteral("app-third");
        store->assignDistinctDefaults({first, second, third});
        QCOMPARE(store->colorFor(first), firstColour);
        QCOMPARE(store->colorFor(second), secondColour);
        QVERIFY(TrustColorStore::distance(store->colorFor(third), firstColour) >= TrustColorStore::minimumDistance);
        QVERIFY(TrustColorStore::distance(store->colorFor(third), secondColour) >= TrustColorStore::minimumDistance);
        // Going back to the default after a choice gives the distinct default again.
        const QVariantMap all{{first, first}, {second, second}, {third, third}};
        QCOMPARE(store->setColor(first, QColor("#7f8c8d"), all), QString());
        store->reset(first);
        QCOMPARE(store->colorFor(first), firstColour);
    }

    void choosesPersistsAndRefusesLookalikes()
    {
        TrustColorStore *store = TrustColorStore::instance();
        const QVariantMap all{{QStringLiteral("terminal"), QStringLiteral("Terminal")}, {QStringLiteral("editor"), QStringLiteral("Text editor")}};
        const QColor defaultTerminal = store->colorFor(QStringLiteral("terminal"));
        QVERIFY(defaultTerminal.isValid());
        QVERIFY(!store->isChosen(QStringLiteral("terminal")));

        QSignalSpy changed(store, &TrustColorStore::colorsChanged);
        const int revision = store->revision();
        QCOMPARE(store->setColor(QStringLiteral("terminal"), QColor("#f1c40f"), all), QString());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constFirst().constFirst().toString(), QStringLiteral("terminal"));
        QVERIFY(store->revision() > revision);
        QCOMPARE(store->colorFor(QStringLiteral("terminal")), QColor("#f1c40f"));
        QCOMPARE(QSettings().value(QStringLiteral("appliances/terminal/color")).toString(), QStringLiteral("#f1c40f"));

        // Nearly the same yellow for the editor: refused, with the reason, nothing stored.
        const QColor editorBefore = store->colorFor(QStringLiteral("editor"));
        const QString refusal = store->setColor(QStringLiteral("editor"), QColor("#f0c30e"), all);
        QVERIFY2(refusal.contains(QLatin1String("too close to Terminal's")), qPrintable(refusal));
        QCOMPARE(store->colorFor(QStringLiteral("editor")), editorBefore);
        QCOMPARE(changed.size(), 1);

        // An appliance's own colour is no obstacle to itself.
        QCOMPARE(store->setColor(QStringLiteral("terminal"), QColor("#f2c511"), all), QString());

        store->reset(QStringLiteral("terminal"));
        QCOMPARE(store->colorFor(QStringLiteral("terminal")), defaultTerminal);
        QVERIFY(!store->isChosen(QStringLiteral("terminal")));
        QVERIFY(!store->setColor(QStringLiteral("terminal"), QColor(), all).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTrustColorStore)
#include "tst_trustcolorstore.moc"
