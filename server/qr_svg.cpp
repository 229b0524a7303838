#include "qr_svg.h"

#include <qrencode.h>

#include <memory>

namespace taizhang::server {

std::string qrSvg(const std::string& text)
{
    std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                       QRcode_free);
    if (!qr) return {};
    const int width = qr->width, quiet = 4, size = width + 2 * quiet;
    std::string path;
    for (int y = 0; y < width; ++y)
        for (int x = 0; x < width; ++x)
            if (qr->data[y * width + x] & 1)  // bit 0: a dark module
                path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
    const std::string s = std::to_string(size);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + s + " " + s +
           "\" width=\"220\" height=\"220\" shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"" + s + "\" height=\"" + s +
           "\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
}

}  // namespace taizhang::server
