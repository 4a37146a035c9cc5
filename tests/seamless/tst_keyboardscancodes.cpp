// evdev / X11 key codes to the XT set 1 scancodes spice-glib expects.
#include "keyboardscancodes.h"

#include <QTest>

class tst_KeyboardScancodes : public QObject
{
    Q_OBJECT

private slots:
    void fromEvdev_data();
    void fromEvdev();
    void fromXKeycode_data();
    void fromXKeycode();
    void identityBlock();
    void everyMappingIsValid();
    void isValid_data();
    void isValid();
};

void tst_KeyboardScancodes::fromEvdev_data()
{
    QTest::addColumn<quint32>("evdev");
    QTest::addColumn<quint32>("scancode");

    // Identity block (evdev 1..88).
    QTest::newRow("KEY_ESC") << 1u << 0x01u;
    QTest::newRow("KEY_A") << 30u << 0x1eu;
    QTest::newRow("KEY_LEFTCTRL") << 29u << 0x1du;
    QTest::newRow("KEY_LEFTALT") << 56u << 0x38u;
    QTest::newRow("KEY_KP0") << 82u << 0x52u;
    QTest::newRow("KEY_102ND") << 86u << 0x56u;
    QTest::newRow("KEY_F11") << 87u << 0x57u;
    QTest::newRow("KEY_F12") << 88u << 0x58u;
    // The one exception inside the block.
    QTest::newRow("KEY_ZENKAKUHANKAKU") << 85u << 0x76u;
    // E0 block: the same make code as the non-extended twin, plus 0x100.
    QTest::newRow("KEY_KPENTER") << 96u << 0x11cu;
    QTest::newRow("KEY_RIGHTCTRL") << 97u << 0x11du;
    QTest::newRow("KEY_KPSLASH") << 98u << 0x135u;
    QTest::newRow("KEY_SYSRQ") << 99u << 0x137u;
    QTest::newRow("KEY_RIGHTALT") << 100u << 0x138u;
    QTest::newRow("KEY_HOME") << 102u << 0x147u;
    QTest::newRow("KEY_UP") << 103u << 0x148u;
    QTest::newRow("KEY_PAGEUP") << 104u << 0x149u;
    QTest::newRow("KEY_LEFT") << 105u << 0x14bu;
    QTest::newRow("KEY_RIGHT") << 106u << 0x14du;
    QTest::newRow("KEY_END") << 107u << 0x14fu;
    QTest::newRow("KEY_DOWN") << 108u << 0x150u;
    QTest::newRow("KEY_PAGEDOWN") << 109u << 0x151u;
    QTest::newRow("KEY_INSERT") << 110u << 0x152u;
    QTest::newRow("KEY_DELETE") << 111u << 0x153u;
    QTest::newRow("KEY_PAUSE") << 119u << 0x146u;
    QTest::newRow("KEY_LEFTMETA") << 125u << 0x15bu;
    QTest::newRow("KEY_RIGHTMETA") << 126u << 0x15cu;
    QTest::newRow("KEY_COMPOSE") << 127u << 0x15du;
    QTest::newRow("KEY_MUTE") << 113u << 0x120u;
    QTest::newRow("KEY_VOLUMEUP") << 115u << 0x130u;
    // Non-extended keys past the block.
    QTest::newRow("KEY_RO") << 89u << 0x73u;
    QTest::newRow("KEY_KPEQUAL") << 117u << 0x59u;
    QTest::newRow("KEY_YEN") << 124u << 0x7du;
    // Nothing.
    QTest::newRow("KEY_RESERVED") << 0u << 0u;
    QTest::newRow("KEY_LINEFEED") << 101u << 0u;
    QTest::newRow("KEY_MACRO") << 112u << 0u;
    QTest::newRow("BTN_LEFT") << 0x110u << 0u;
    QTest::newRow("huge") << 0xffffffffu << 0u;
}

void tst_KeyboardScancodes::fromEvdev()
{
    QFETCH(quint32, evdev);
    QFETCH(quint32, scancode);
    QCOMPARE(KeyboardScancodes::fromEvdev(evdev), scancode);
}

void tst_KeyboardScancodes::fromXKeycode_data()
{
    QTest::addColumn<quint32>("xKeycode");
    QTest::addColumn<quint32>("scancode");

    QTest::newRow("Escape (9)") << 9u << 0x01u;
    QTest::newRow("a (38)") << 38u << 0x1eu;
    QTest::newRow("Return (36)") << 36u << 0x1cu;
    QTest::newRow("KP_Enter (104)") << 104u << 0x11cu;
    QTest::newRow("Up (111)") << 111u << 0x148u;
    QTest::newRow("Super_L (133)") << 133u << 0x15bu;
    QTest::newRow("no key (0)") << 0u << 0u;
    QTest::newRow("below offset (5)") << 5u << 0u;
    QTest::newRow("offset itself (8)") << 8u << 0u;
}

void tst_KeyboardScancodes::fromXKeycode()
{
    QFETCH(quint32, xKeycode);
    QFETCH(quint32, scancode);
    QCOMPARE(KeyboardScancodes::fromXKeycode(xKeycode), scancode);
}

void tst_KeyboardScancodes::identityBlock()
{
    for (quint32 code = 1; code <= 88; ++code) {
        if (code == 85)
            continue;
        QCOMPARE(KeyboardScancodes::fromEvdev(code), code);
    }
}

void tst_KeyboardScancodes::everyMappingIsValid()
{
    QSet<quint32> seen;
    for (quint32 code = 0; code < 0x300; ++code) {
        const quint32 scancode = KeyboardScancodes::fromEvdev(code);
        if (scancode == 0)
            continue;
        QVERIFY2(KeyboardScancodes::isValid(scancode), qPrintable(QString::number(code)));
        QVERIFY2(!seen.contains(scancode), qPrintable(QStringLiteral("scancode 0x%1 mapped twice").arg(scancode, 0, 16)));
        seen.insert(scancode);
    }
}

void tst_KeyboardScancodes::isValid_data()
{
    QTest::addColumn<quint32>("scancode");
    QTest::addColumn<bool>("valid");

    QTest::newRow("0") << 0u << false;
    QTest::newRow("0x01") << 0x01u << true;
    QTest::newRow("0x7f") << 0x7fu << true;
    QTest::newRow("break code 0x81") << 0x81u << false;
    QTest::newRow("0x11c") << 0x11cu << true;
    QTest::newRow("bare E0 0x100") << 0x100u << false;
    QTest::newRow("0x200") << 0x201u << false;
    QTest::newRow("0xe01c (raw prefix)") << 0xe01cu << false;
}

void tst_KeyboardScancodes::isValid()
{
    QFETCH(quint32, scancode);
    QFETCH(bool, valid);
    QCOMPARE(KeyboardScancodes::isValid(scancode), valid);
}

QTEST_GUILESS_MAIN(tst_KeyboardScancodes)
#include "tst_keyboardscancodes.moc"
