#include "deltareport.h"

#include "persistencespots.h"

#include <QSet>
#include <QStringDecoder>

#include <algorithm>

namespace {

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    return (c | 0x20) - 'a' + 10;
}

bool parseNumber(const QByteArray &field, qint64 *value, int base = 10)
{
    if (field.isEmpty() || field.size() > 19)
        return false;
    for (char c : field) {
        if (base == 8 ? (c < '0' || c > '7') : (c < '0' || c > '9'))
            return false;
    }
    bool ok = false;
    *value = field.toLongLong(&ok, base);
    return ok && *value >= 0;
}

bool isUnsafeCharacter(char32_t c)
{
    // Control characters and the bidi overrides/isolates that can make a name read differently.
    return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e || c == 0x200f || c == 0x061c;
}

bool validGuestPath(const QByteArray &path)
{
    if (!path.startsWith('/') || path.size() > DeltaReport::MaxPathBytes || path.contains('\0'))
        return false;
    const QList<QByteArray> parts = path.mid(1).split('/');
    return std::none_of(parts.cbegin(), parts.cend(),
                        [](const QByteArray &part) { return part.isEmpty() || part == "." || part == ".."; });
}

bool parseLine(const QByteArray &line, DeltaEntry *entry)
{
    const QList<QByteArray> fields = line.split(' ');
    if (fields.size() != 8)
        return false;
    const QByteArray &change = fields[0];
    if (change == "A")
        entry->change = DeltaEntry::Change::Added;
    else if (change == "R")
        entry->change = DeltaEntry::Change::Removed;
    else if (change == "M")
        entry->change = DeltaEntry::Change::Modified;
    else
        return false;
    const QByteArray &type = fields[1];
    if (type == "f")
        entry->type = DeltaEntry::Type::File;
    else if (type == "d")
        entry->type = DeltaEntry::Type::Directory;
    else if (type == "l")
        entry->type = DeltaEntry::Type::Link;
    else if (type == "o")
        entry->type = DeltaEntry::Type::Other;
    else
        return false;
    qint64 mode = 0;
    if (!parseNumber(fields[2], &mode, 8) || mode > 07777)
        return false;
    entry->mode = int(mode);
    if (!parseNumber(fields[3], &entry->size) || !parseNumber(fields[4], &entry->mtime))
        return false;
    const QByteArray &sha = fields[5];
    if (sha == "-") {
        entry->sha256.clear();
    } else {
        if (sha.size() != 64 || !std::all_of(sha.cbegin(), sha.cend(), isHex))
            return false;
        entry->sha256 = QString::fromLatin1(sha).toLower();
    }
    entry->linkTarget.clear();
    if (fields[6] != "-") {
        QByteArray target;
        if (entry->type != DeltaEntry::Type::Link || !DeltaReport::decodeField(fields[6], &target) || target.isEmpty()
            || target.size() > DeltaReport::MaxPathBytes)
            return false;
        entry->linkTarget = DeltaReport::printable(target);
    }
    if (!DeltaReport::decodeField(fields[7], &entry->rawPath) || !validGuestPath(entry->rawPath))
        return false;
    entry->path = DeltaReport::printable(entry->rawPath);
    entry->persistence = PersistenceSpots::categoryOf(entry->path);
    return true;
}

} // namespace

bool DeltaReport::decodeField(const QByteArray &field, QByteArray *bytes)
{
    bytes->clear();
    if (field.isEmpty())
        return false;
    for (qsizetype i = 0; i < field.size(); ++i) {
        const char c = field[i];
        if (c == '\\') {
            if (i + 3 >= field.size())
                return false;
            if (field[i + 1] != 'x' || !isHex(field[i + 2]) || !isHex(field[i + 3]))
                return false;
            bytes->append(char(hexValue(field[i + 2]) * 16 + hexValue(field[i + 3])));
            i += 3;
        } else if (c < 0x21 || c > 0x7e) {
            return false;
        } else {
            bytes->append(c);
        }
    }
    return true;
}

QString DeltaReport::printable(const QByteArray &bytes)
{
    QString out;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    // Decode character by character so invalid sequences show as escapes, not replacements.
    qsizetype i = 0;
    while (i < bytes.size()) {
        const uchar lead = uchar(bytes[i]);
        const int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 0;
        bool decoded = false;
        if (length > 0 && i + length <= bytes.size()) {
            const QString text = decoder.decode(bytes.mid(i, length));
            const QList<uint> ucs4 = text.toUcs4();
            if (!decoder.hasError() && ucs4.size() == 1 && ucs4[0] != 0xfffd && !isUnsafeCharacter(ucs4[0])
                && text.toUtf8() == bytes.mid(i, length)) {
                out += text;
                decoded = true;
            }
        }
        if (!decoded) {
            out += QStringLiteral("\\x%1").arg(lead, 2, 16, QLatin1Char('0'));
            i += 1;
        } else {
            i += length;
        }
    }
    return out;
}

DeltaReport DeltaReport::parse(const QByteArray &text)
{
    DeltaReport report;
    QByteArray input = text;
    if (input.size() > MaxBytes) {
        input.truncate(MaxBytes);
        report.truncated = true;
    }
    const QList<QByteArray> lines = input.split('\n');
    if (lines.isEmpty() || lines.first() != "TESSERA-DELTA 1")
        return report;
    report.validHeader = true;
    int records = 0;
    // Every line within MaxBytes is parsed before the entry cap applies: persistence entries are
    // kept first, whatever the order of the report (a flood of other changes cannot hide them).
    // Each list holds at most MaxEntries while parsing, so memory stays bounded too.
    QList<DeltaEntry> persistence;
    QList<DeltaEntry> others;
    int overCap = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (line.isEmpty() && i == lines.size() - 1)
            break; // the final newline
        if (line.startsWith("END ")) {
            qint64 count = -1;
            report.complete = parseNumber(line.mid(4), &count) && count == records && i >= lines.size() - 2;
            break;
        }
        if (line == "TRUNCATED") {
            report.truncated = true;
            continue;
        }
        ++records;
        DeltaEntry entry;
        if (line.size() > MaxLineBytes || !parseLine(line, &entry)) {
            ++report.rejectedLines;
            continue;
        }
        QList<DeltaEntry> &list = entry.isPersistence() ? persistence : others;
        if (list.size() >= MaxEntries)
            ++overCap;
        else
            list.append(entry);
    }
    const auto byPath = [](const DeltaEntry &a, const DeltaEntry &b) { return a.rawPath < b.rawPath; };
    std::stable_sort(persistence.begin(), persistence.end(), byPath);
    std::stable_sort(others.begin(), others.end(), byPath);
    // The same path twice is a lie: keep the first, count the others.
    QSet<QByteArray> seen;
    for (const QList<DeltaEntry> *list : {&persistence, &others}) {
        for (const DeltaEntry &entry : *list) {
            if (seen.contains(entry.rawPath)) {
                ++report.rejectedLines;
                continue;
            }
            seen.insert(entry.rawPath);
            if (report.entries.size() >= MaxEntries) {
                ++overCap;
                continue;
            }
            report.entries.append(entry);
        }
    }
    if (overCap > 0) {
        report.rejectedLines += overCap;
        report.truncated = true;
    }
    return report;
}

int DeltaReport::persistenceCount() const
{
    return int(std::count_if(entries.cbegin(), entries.cend(), [](const DeltaEntry &e) { return e.isPersistence(); }));
}

const DeltaEntry *DeltaReport::find(const QString &path) const
{
    for (const DeltaEntry &entry : entries) {
        if (entry.path == path)
            return &entry;
    }
    return nullptr;
}
