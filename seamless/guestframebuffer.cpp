#include "guestframebuffer.h"

#include "gobjectsignals.h"
#include "seamlesslogging.h"

#include "spiceglib.h"

#include <QThread>

struct GuestFramebuffer::Private
{
    SpiceChannel *display = nullptr;
    GObjectSignals gsignals;
    QImage image;
    quint64 frames = 0;

    static void onPrimaryCreate(SpiceChannel *channel, gint format, gint width, gint height, gint stride,
                                gint shmid, gpointer data, gpointer self);
    static void onPrimaryDestroy(SpiceChannel *channel, gpointer self);
    static void onInvalidate(SpiceChannel *channel, gint x, gint y, gint w, gint h, gpointer self);
};

namespace {
struct FormatInfo
{
    QImage::Format format;
    int bytesPerPixel;
};

bool qtFormatFor(int spiceFormat, FormatInfo *info)
{
    switch (spiceFormat) {
    case SPICE_SURFACE_FMT_32_xRGB:
    case SPICE_SURFACE_FMT_32_ARGB: // alpha of a primary surface means nothing
        *info = {QImage::Format_RGB32, 4};
        return true;
    case SPICE_SURFACE_FMT_16_565:
        *info = {QImage::Format_RGB16, 2};
        return true;
    case SPICE_SURFACE_FMT_16_555:
        *info = {QImage::Format_RGB555, 2};
        return true;
    default:
        return false;
    }
}
} // namespace

void GuestFramebuffer::Private::onPrimaryCreate(SpiceChannel *, gint format, gint width, gint height,
                                                gint stride, gint, gpointer data, gpointer self)
{
    auto *q = static_cast<GuestFramebuffer *>(self);
    Q_ASSERT(QThread::currentThread() == q->thread());
    q->setSurface(format, width, height, stride, data);
}

void GuestFramebuffer::Private::onPrimaryDestroy(SpiceChannel *, gpointer self)
{
    auto *q = static_cast<GuestFramebuffer *>(self);
    Q_ASSERT(QThread::currentThread() == q->thread());
    q->clearSurface();
}

void GuestFramebuffer::Private::onInvalidate(SpiceChannel *, gint x, gint y, gint w, gint h, gpointer self)
{
    auto *q = static_cast<GuestFramebuffer *>(self);
    Q_ASSERT(QThread::currentThread() == q->thread());
    q->invalidate(QRect(x, y, w, h));
}

GuestFramebuffer::GuestFramebuffer(QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
}

GuestFramebuffer::~GuestFramebuffer()
{
    d->gsignals.disconnectAll();
    if (d->display)
        g_object_unref(d->display);
}

QSize GuestFramebuffer::size() const
{
    return d->image.size();
}

QImage GuestFramebuffer::image() const
{
    return d->image;
}

QImage GuestFramebuffer::grab(const QRect &rect) const
{
    if (d->image.isNull())
        return {};
    if (rect.isEmpty())
        return d->image.copy();
    const QRect clipped = rect.intersected(d->image.rect());
    return clipped.isEmpty() ? QImage() : d->image.copy(clipped);
}

quint64 GuestFramebuffer::frameCount() const
{
    return d->frames;
}

void GuestFramebuffer::attach(_SpiceChannel *display)
{
    if (d->display == display)
        return;
    detach();
    d->display = SPICE_CHANNEL(g_object_ref(display));
    d->gsignals.connect(display, "display-primary-create", G_CALLBACK(&Private::onPrimaryCreate), this);
    d->gsignals.connect(display, "display-primary-destroy", G_CALLBACK(&Private::onPrimaryDestroy), this);
    d->gsignals.connect(display, "display-invalidate", G_CALLBACK(&Private::onInvalidate), this);

    SpiceDisplayPrimary primary;
    if (spice_display_channel_get_primary(display, 0, &primary))
        setSurface(primary.format, primary.width, primary.height, primary.stride, primary.data);
}

void GuestFramebuffer::detach()
{
    d->gsignals.disconnectAll();
    // Drop our view of spice-glib's memory before the channel can free it.
    clearSurface();
    if (d->display) {
        g_object_unref(d->display);
        d->display = nullptr;
    }
}

_SpiceChannel *GuestFramebuffer::channel() const
{
    return d->display;
}

void GuestFramebuffer::setSurface(int spiceFormat, int width, int height, int stride, void *data)
{
    FormatInfo info;
    const bool known = qtFormatFor(spiceFormat, &info);
    if (!known || !data || width <= 0 || height <= 0 || width > MaxDimension || height > MaxDimension
        || stride < width * info.bytesPerPixel) {
        qCWarning(lcSeamless) << "ignoring unusable primary surface: format" << spiceFormat << "size" << width
                              << "x" << height << "stride" << stride;
        clearSurface();
        return;
    }
    qCDebug(lcSeamless) << "primary surface" << width << "x" << height << "format" << spiceFormat;
    // The const constructor: QImage never writes into spice-glib's memory.
    d->image = QImage(static_cast<const uchar *>(data), width, height, stride, info.format);
    emit sizeChanged();
    emit updated(d->image.rect());
}

void GuestFramebuffer::clearSurface()
{
    if (d->image.isNull())
        return;
    d->image = QImage();
    emit sizeChanged();
}

void GuestFramebuffer::invalidate(const QRect &rect)
{
    ++d->frames;
    const QRect clipped = rect.intersected(d->image.rect());
    if (!clipped.isEmpty())
        emit updated(clipped);
}
