#include "guestdriver.h"

#include "agentchannel.h"
#include "guestframebuffer.h"
#include "guestmountplan.h"
#include "spiceconnection.h"

#include <QSignalSpy>
#include <QTest>

namespace {

// PC XT set 1 scancodes of the characters the tests type.
quint32 scancodeFor(QChar c, bool *shift)
{
    *shift = false;
    static const QHash<QChar, quint32> plain = {
        {QLatin1Char('1'), 0x02}, {QLatin1Char('2'), 0x03}, {QLatin1Char('3'), 0x04}, {QLatin1Char('4'), 0x05},
        {QLatin1Char('5'), 0x06}, {QLatin1Char('6'), 0x07}, {QLatin1Char('7'), 0x08}, {QLatin1Char('8'), 0x09},
        {QLatin1Char('9'), 0x0a}, {QLatin1Char('0'), 0x0b}, {QLatin1Char('-'), 0x0c},
        {QLatin1Char('q'), 0x10}, {QLatin1Char('w'), 0x11}, {QLatin1Char('e'), 0x12}, {QLatin1Char('r'), 0x13},
        {QLatin1Char('t'), 0x14}, {QLatin1Char('y'), 0x15}, {QLatin1Char('u'), 0x16}, {QLatin1Char('i'), 0x17},
        {QLatin1Char('o'), 0x18}, {QLatin1Char('p'), 0x19}, {QLatin1Char('\n'), 0x1c}, {QLatin1Char('a'), 0x1e},
        {QLatin1Char('s'), 0x1f}, {QLatin1Char('d'), 0x20}, {QLatin1Char('f'), 0x21}, {QLatin1Char('g'), 0x22},
        {QLatin1Char('h'), 0x23}, {QLatin1Char('j'), 0x24}, {QLatin1Char('k'), 0x25}, {QLatin1Char('l'), 0x26},
        {QLatin1Char('z'), 0x2c}, {QLatin1Char('x'), 0x2d}, {QLatin1Char('c'), 0x2e}, {QLatin1Char('v'), 0x2f},
        {QLatin1Char('b'), 0x30}, {QLatin1Char('n'), 0x31}, {QLatin1Char('m'), 0x32}, {QLatin1Char('.'), 0x34},
        {QLatin1Char('/'), 0x35}, {QLatin1Char(' '), 0x39},
    };
    if (c == QLatin1Char('>')) {
        *shift = true;
        return 0x34;
    }
    return plain.value(c, 0);
}

constexpr quint32 LeftShift = 0x2a;

} // namespace

bool GuestDriver::waitForSessionUp(int timeoutMs)
{
    AgentChannel *agent = m_connection->agent();
    QSignalSpy changed(agent, &AgentChannel::sessionStateChanged);
    QDeadlineTimer deadline(timeoutMs);
    while (agent->sessionState() != QLatin1String("up")) {
        if (deadline.hasExpired() || !changed.wait(int(qMax<qint64>(1, deadline.remainingTime())))) {
            if (agent->sessionState() == QLatin1String("up"))
                break;
            m_lastFailure = QStringLiteral("guest session not up after %1 ms (agent open: %2)").arg(timeoutMs).arg(agent->isOpen());
            return false;
        }
    }
    return true;
}

GuestDriver::ExecResult GuestDriver::exec(const QStringList &argv, int timeoutMs)
{
    ExecResult result;
    AgentChannel *agent = m_connection->agent();
    QSignalSpy finished(agent, &AgentChannel::execFinished);
    const quint32 id = agent->exec(argv);
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        for (const QList<QVariant> &arguments : std::as_const(finished)) {
            if (arguments.at(0).toUInt() == id) {
                result.finished = true;
                result.status = arguments.at(1).toInt();
                result.output = arguments.at(2).toByteArray();
                return result;
            }
        }
        finished.wait(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    m_lastFailure = QStringLiteral("no answer to exec %1 within %2 ms").arg(argv.join(QLatin1Char(' '))).arg(timeoutMs);
    return result;
}

bool GuestDriver::type(const QString &text)
{
    for (const QChar c : text) {
        bool shift = false;
        const quint32 code = scancodeFor(c, &shift);
        if (!code) {
            m_lastFailure = QStringLiteral("no scancode for '%1'").arg(c);
            return false;
        }
        // The guest's PS/2 queue drops keys sent in a burst, as no person types: send one
        // character and wait until the guest redraws (its echo) before the next.
        QSignalSpy redrawn(m_connection->framebuffer(), &GuestFramebuffer::updated);
        if (shift)
            m_connection->sendKey(LeftShift, true);
        m_connection->sendKey(code, true);
        m_connection->sendKey(code, false);
        if (shift)
            m_connection->sendKey(LeftShift, false);
        if (!redrawn.wait(5000)) {
            m_lastFailure = QStringLiteral("the guest did not redraw after '%1'").arg(c);
            return false;
        }
    }
    return true;
}

double GuestDriver::whiteFraction(const QRect &region) const
{
    const QImage frame = m_connection->framebuffer()->grab(region);
    if (frame.isNull())
        return 0;
    qint64 white = 0;
    for (int y = 0; y < frame.height(); ++y) {
        for (int x = 0; x < frame.width(); ++x) {
            const QRgb pixel = frame.pixel(x, y);
            if (qRed(pixel) > 220 && qGreen(pixel) > 220 && qBlue(pixel) > 220)
                ++white;
        }
    }
    return double(white) / (frame.width() * frame.height());
}

bool GuestDriver::mountSharedFolders(const QList<SharedFolder> &folders)
{
    for (const QStringList &command : GuestMountPlan::commandsFor(folders)) {
        const ExecResult result = exec(command);
        if (!result.finished || result.status != 0) {
            m_lastFailure = QStringLiteral("mounting %1 failed (status %2): %3")
                                .arg(command.value(5)).arg(result.status).arg(QString::fromUtf8(result.output));
            return false;
        }
    }
    return true;
}
