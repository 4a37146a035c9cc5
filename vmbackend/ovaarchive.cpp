#include "ovaarchive.h"

#include "importstaging.h"

#include <QFile>

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr size_t BlockBytes = 1024 * 1024;

const QByteArray &zeros()
{
    static const QByteArray block(int(BlockBytes), '\0');
    return block;
}

OvaArchive::Member memberOf(archive_entry *entry)
{
    OvaArchive::Member member;
    const char *name = archive_entry_pathname(entry);
    member.name = name ? QString::fromUtf8(name) : QString();
    member.size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : 0;
    if (archive_entry_hardlink(entry))
        member.type = OvaArchive::Member::Type::HardLink;
    else if (archive_entry_filetype(entry) == AE_IFREG)
        member.type = OvaArchive::Member::Type::File;
    else if (archive_entry_filetype(entry) == AE_IFDIR)
        member.type = OvaArchive::Member::Type::Folder;
    else if (archive_entry_filetype(entry) == AE_IFLNK)
        member.type = OvaArchive::Member::Type::SymbolicLink;
    return member;
}

} // namespace

/// One pass over the archive from its start: libarchive reading the descriptor opened once.
struct OvaArchive::Reader
{
    archive *handle = nullptr;

    Reader(int fd, QString *error)
    {
        if (::lseek(fd, 0, SEEK_SET) < 0) {
            *error = qt_error_string(errno);
            return;
        }
        handle = archive_read_new();
        archive_read_support_format_tar(handle); // no decompression filter: an OVA is plain tar
        if (archive_read_open_fd(handle, fd, BlockBytes) != ARCHIVE_OK) {
            *error = errorString();
            archive_read_free(handle);
            handle = nullptr;
        }
    }
    ~Reader()
    {
        if (handle)
            archive_read_free(handle); // closes libarchive's side only: the descriptor stays open
    }
    Reader(const Reader &) = delete;
    Reader &operator=(const Reader &) = delete;

    QString errorString() const
    {
        const char *text = archive_error_string(handle);
        return text ? QString::fromLocal8Bit(text).left(500) : tr("the archive ends early or is damaged.");
    }

    /// The next member's header: 1, 0 at the end, -1 on an error (in @p error).
    int next(archive_entry **entry, QString *error)
    {
        const int status = archive_read_next_header(handle, entry);
        if (status == ARCHIVE_OK || status == ARCHIVE_WARN)
            return 1;
        if (status == ARCHIVE_EOF)
            return 0;
        *error = errorString();
        return -1;
    }
};

OvaArchive::OvaArchive(const QString &path) : m_path(path)
{
    // O_NONBLOCK: a FIFO under this name must not hang the import; it is refused below.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        m_openError = qt_error_string(errno);
        return;
    }
    struct stat status {};
    if (::fstat(fd, &status) < 0 || !S_ISREG(status.st_mode)) {
        m_openError = tr("it is not a plain file.");
        ::close(fd);
        return;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    m_fd = fd;
}

OvaArchive::~OvaArchive()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool OvaArchive::list(QList<Member> *members, QString *error) const
{
    if (!isOpen()) {
        *error = m_openError;
        return false;
    }
    Reader reader(m_fd, error);
    if (!reader.handle)
        return false;
    members->clear();
    archive_entry *entry = nullptr;
    int status = 0;
    while ((status = reader.next(&entry, error)) == 1)
        members->append(memberOf(entry)); // the data is skipped (by seeking) on the next header
    return status == 0;
}

bool OvaArchive::read(const QString &member, qint64 maxBytes, QByteArray *data, QString *error) const
{
    if (!isOpen()) {
        *error = m_openError;
        return false;
    }
    Reader reader(m_fd, error);
    if (!reader.handle)
        return false;
    archive_entry *entry = nullptr;
    int status = 0;
    while ((status = reader.next(&entry, error)) == 1) {
        const Member found = memberOf(entry);
        if (found.name != member)
            continue;
        if (!found.isRegularFile()) {
            *error = tr("“%1” is not a plain file.").arg(member);
            return false;
        }
        // Counted on what is really read, whatever the header says.
        QByteArray content;
        char block[64 * 1024];
        for (;;) {
            const la_ssize_t n = archive_read_data(reader.handle, block, sizeof(block));
            if (n < 0) {
                *error = reader.errorString();
                return false;
            }
            if (n == 0)
                break;
            if (content.size() + n > maxBytes) {
                *error = tr("“%1” is larger than %2 bytes.").arg(member).arg(maxBytes);
                return false;
            }
            content.append(block, n);
        }
        *data = content;
        return true;
    }
    if (status == 0)
        *error = tr("the archive holds no “%1”.").arg(member);
    return false;
}

bool OvaArchive::extract(const QStringList &members, ImportStaging *staging, QString *error) const
{
    if (!isOpen()) {
        *error = m_openError;
        return false;
    }
    Reader reader(m_fd, error);
    if (!reader.handle)
        return false;
    QStringList done;
    archive_entry *entry = nullptr;
    int status = 0;
    while ((status = reader.next(&entry, error)) == 1) {
        const Member found = memberOf(entry);
        if (!members.contains(found.name))
            continue;
        // Checked again: the file may have been rewritten since it was listed.
        if (!found.isRegularFile() || done.contains(found.name)) {
            *error = tr("“%1” is not a plain file, or appears twice.").arg(found.name);
            return false;
        }
        if (!staging->begin(found.name, error))
            return false;
        const void *block = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        la_int64_t written = 0;
        int read = ARCHIVE_OK;
        while ((read = archive_read_data_block(reader.handle, &block, &size, &offset)) == ARCHIVE_OK) {
            // A sparse member's holes are written as zeros: the copy is what a reader sees.
            while (written < offset) {
                const qint64 gap = qMin<qint64>(offset - written, zeros().size());
                if (!staging->append(zeros().constData(), gap, error))
                    return false;
                written += gap;
            }
            if (!staging->append(static_cast<const char *>(block), qint64(size), error))
                return false;
            written += la_int64_t(size);
        }
        if (read != ARCHIVE_EOF) {
            staging->abort();
            *error = reader.errorString();
            return false;
        }
        // A hole at the end of a sparse member.
        while (archive_entry_sparse_count(entry) > 0 && written < found.size) {
            const qint64 gap = qMin<qint64>(found.size - written, BlockBytes);
            if (!staging->append(zeros().constData(), gap, error))
                return false;
            written += gap;
        }
        if (!staging->finish(error))
            return false;
        done.append(found.name);
    }
    if (status != 0)
        return false;
    for (const QString &member : members) {
        if (!done.contains(member)) {
            *error = tr("the archive holds no “%1”.").arg(member);
            return false;
        }
    }
    return true;
}
