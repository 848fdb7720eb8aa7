// The web pages are sent precompressed when the build wrote a compressed copy and the browser
// accepts it (http/static_files.h); otherwise as they are.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>

#include "server_process.h"

namespace grassroots::testing {
namespace {

TEST(HttpStatic, APrecompressedCopyIsSentToABrowserThatAcceptsIt) {
  Scratch web;
  const std::string script(4000, 'x');
  web.Write("index.html", "<!doctype html><title>t</title>");
  std::filesystem::create_directories(web.Path("assets"));
  web.Write("assets/app.js", script);
  web.Write("assets/app.js.br", "BROTLI-BYTES");  // what the build wrote; sent as is
  web.Write("assets/app.js.gz", "GZIP-BYTES");
  ServerProcess server({"--web", web.dir()});
  httplib::Client client("127.0.0.1", server.port());
  client.set_decompress(false);

  auto br = client.Get("/assets/app.js", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_TRUE(br);
  EXPECT_EQ(br->status, 200);
  EXPECT_EQ(br->get_header_value("Content-Encoding"), "br");
  EXPECT_EQ(br->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_EQ(br->body, "BROTLI-BYTES");
  EXPECT_NE(br->get_header_value("Content-Type").find("javascript"), std::string::npos);
  EXPECT_EQ(br->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");

  auto gzip = client.Get("/assets/app.js", {{"Accept-Encoding", "gzip, br;q=0"}});
  ASSERT_TRUE(gzip);
  EXPECT_EQ(gzip->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(gzip->body, "GZIP-BYTES");

  auto plain = client.Get("/assets/app.js", {{"Accept-Encoding", "identity"}});
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(plain->body, script);

  // A file without a compressed copy is sent as before.
  auto page = client.Get("/", {{"Accept-Encoding", "identity"}});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<title>t</title>"), std::string::npos);
}

}  // namespace
}  // namespace grassroots::testing
