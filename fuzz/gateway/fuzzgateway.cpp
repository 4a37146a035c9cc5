// libFuzzer entry: guest bytes through GatewayFrameParser, fed in pieces of sizes the input
// chooses, checking what the gateway relies on: every frame it returns is well-formed for its
// type and bounded, the parser never holds more than one incomplete frame beyond the last
// piece, an error is final, and a frame re-encoded parses to the same frame.
#include "gatewayframe.h"
#include "gatewayframeparser.h"

#include <QtEndian>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

void checkFrame(const GatewayFrame &frame)
{
    check(GatewayFrameParser::validate(frame).isEmpty(), "a returned frame validates");
    check(frame.type >= GatewayFrame::Hello && frame.type <= GatewayFrame::Window, "known type");
    check(frame.payload.size() <= GatewayFrame::MaxPayload, "payload bounded");
    if (frame.type == GatewayFrame::Open) {
        // What handleOpen reads: a port, a length that matches, a host of 1-255 safe bytes.
        check(frame.stream != 0 && frame.payload.size() >= 4, "open has a stream and a host");
        const QByteArray host = frame.payload.mid(3);
        check(quint8(frame.payload.at(2)) == host.size(), "open host length");
        for (char c : host)
            check(c != ' ' && c != '\0' && c != '/' && quint8(c) < 0x80, "open host bytes");
    }
    if (frame.type == GatewayFrame::Window)
        check(frame.payload.size() == 4, "window grant size");
    if (frame.type == GatewayFrame::Data)
        check(!frame.payload.isEmpty(), "data not empty");
    // Re-encoded, it parses to itself.
    GatewayFrameParser again;
    again.feed(frame.encode());
    GatewayFrame back;
    check(again.next(&back) && back.type == frame.type && back.stream == frame.stream && back.payload == frame.payload,
          "round trip");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte sets the piece size (1-256 bytes): frames split across reads, as a
    // socket delivers them.
    const size_t piece = size_t(data[0]) + 1;
    GatewayFrameParser parser;
    bool failed = false;
    for (size_t at = 1; at < size; at += piece) {
        const size_t length = std::min(piece, size - at);
        parser.feed(QByteArray(reinterpret_cast<const char *>(data) + at, qsizetype(length)));
        GatewayFrame frame;
        while (parser.next(&frame))
            checkFrame(frame);
        if (parser.hasError()) {
            check(!parser.error().isEmpty(), "an error says why");
            failed = true;
        } else {
            check(!failed, "an error is final");
            // Whatever is left is one incomplete frame: never more than a header and a payload.
            check(parser.buffered() < GatewayFrame::HeaderSize + GatewayFrame::MaxPayload, "one incomplete frame at most");
        }
    }
    return 0;
}
