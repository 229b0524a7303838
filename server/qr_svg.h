#pragma once
// A QR code (libqrencode) as inline SVG: no image file, no script, allowed by the console's CSP.
#include <string>

namespace taizhang::server {

// The SVG of text encoded at error correction level M, with the 4-module quiet zone; "" if the
// text is too long for a QR code.
std::string qrSvg(const std::string& text);

}  // namespace taizhang::server
