// What a request must look like before the server reads its body. cpp-httplib reads a body of
// the length the client announces, and for a length over the limit (or a negative one, which it
// reads as a huge number) it first skips that many bytes, waiting out the read timeout for bytes
// that never come. These checks run before any body is read (the pre-routing hook), so such a
// request is answered at once.
#pragma once

#include <httplib.h>

#include <cstddef>

namespace grassroots::http {

inline constexpr std::size_t kPayloadMax = 8 * 1024 * 1024;
// An evidence upload: a file of core::kMaxEvidenceBytes and its form's framing.
inline constexpr std::size_t kUploadMax = 21 * 1024 * 1024;

// Whether the request is an upload (POST /api/v1/items/{id}/evidence, POST
// /api/v1/first-secretary-reports/{id}/photos, POST /api/v1/spot-check-findings/{id}/evidence),
// the routes that take a multipart/form-data body:
// its other routes' CSRF header still guards it, which a form another site makes a browser post
// cannot carry.
bool IsUpload(const httplib::Request& req);

// True when the body may be read: no Transfer-Encoding (a chunked body has no length to check
// up front: 411), at most one Content-Length, written as decimal digits (400 otherwise), of at
// most `max` bytes (413), and not a form (415: the API takes JSON, and CSV for imports; a form
// is what another site can make a browser post without asking, and cpp-httplib would parse a
// multipart one before any handler saw it). Otherwise writes the error, asks the client to
// close the connection (the unread body must not be taken for the next request) and returns
// false.
// An upload (IsUpload) may be multipart/form-data of at most kUploadMax bytes.
bool BodyMayBeRead(const httplib::Request& req, httplib::Response& res,
                   std::size_t max = kPayloadMax);

}  // namespace grassroots::http
