// The web pages (web/dist) as the server sends them: the build writes each text asset
// compressed beside it (NAME.br, NAME.gz; web/vite.config.js), and a browser that accepts one
// gets it as is, instead of the file compressed anew for every request (brotli of the charts'
// 600 KB took seconds each time).
#pragma once

#include <httplib.h>

#include <string>

namespace grassroots::http {

// Called after cpp-httplib read the file for `req` from `root` into `res` (its Content-Type
// set): replaces the body with the precompressed copy the client accepts (br before gzip),
// setting Content-Encoding and Vary. Leaves `res` as it is when there is none, when the
// client accepts neither, or for a range request.
void UsePrecompressed(const std::string& root, const httplib::Request& req, httplib::Response& res);

}  // namespace grassroots::http
