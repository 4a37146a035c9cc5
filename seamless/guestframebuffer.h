#pragma once

#include <QImage>
#include <QObject>
#include <QRect>
#include <QSize>
#include <QtQml/qqmlregistration.h>

#include <memory>

struct _SpiceChannel;

/// The guest's primary display surface as SPICE delivers it.
///
/// The pixels live in spice-glib's memory and change in place; updated()
/// names the rectangle that changed. Read them only on the GUI thread.
class GuestFramebuffer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by SpiceConnection")
    /// Size of the guest surface in pixels; empty while there is none.
    Q_PROPERTY(QSize size READ size NOTIFY sizeChanged)

public:
    ~GuestFramebuffer() override;

    /// Largest width or height accepted from the SPICE server.
    static constexpr int MaxDimension = 16384;

    QSize size() const;
    /// The surface, sharing spice-glib's memory (no copy). Valid until the
    /// next sizeChanged(); null while there is no surface.
    QImage image() const;
    /// Deep copy of @p rect clipped to the surface, or of the whole surface
    /// when @p rect is empty. Null while there is no surface.
    QImage grab(const QRect &rect = {}) const;
    /// Number of display-invalidate notifications seen since creation.
    quint64 frameCount() const;

signals:
    /// The surface was created, re-created or destroyed: image() changed,
    /// any QImage obtained earlier must no longer be used.
    void sizeChanged();
    /// The guest changed @p rect (surface coordinates, clipped to size()).
    void updated(const QRect &rect);

private:
    friend class SpiceConnection;
    friend class tst_GuestDisplay;

    explicit GuestFramebuffer(QObject *parent = nullptr);

    // SPICE glue, used by SpiceConnection.
    void attach(_SpiceChannel *display);
    void detach();
    _SpiceChannel *channel() const;

    void setSurface(int spiceFormat, int width, int height, int stride, void *data);
    void clearSurface();
    void invalidate(const QRect &rect);

    struct Private;
    std::unique_ptr<Private> d;
};
