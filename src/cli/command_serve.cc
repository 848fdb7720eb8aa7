// `grassroots serve`: the HTTP API on the database given by --db.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "http/server.h"

namespace grassroots::cli {
namespace {

struct ServeOptions {
  int port = 8080;
  std::string bind = "127.0.0.1";
  std::string tls_cert;
  std::string tls_key;
  bool secure_cookies = false;
  std::vector<std::string> trusted_proxies;
  std::string web_dir = kDefaultWebDir;
};

}  // namespace

Command AddServeCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand("serve", "Serve the HTTP API (and the web pages)");
  auto options = std::make_shared<ServeOptions>();
  app->add_option("--port", options->port, "Port (0: any free one, printed when listening)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  app->add_option("--bind", options->bind, "Address to listen on")->capture_default_str();
  auto* cert = app->add_option("--tls-cert", options->tls_cert, "TLS certificate (PEM)")
                   ->check(CLI::ExistingFile);
  auto* key = app->add_option("--tls-key", options->tls_key, "TLS private key (PEM)")
                  ->check(CLI::ExistingFile);
  app->add_flag("--secure-cookies", options->secure_cookies,
                "Mark cookies Secure without serving TLS: for a server behind a proxy that "
                "terminates TLS (browsers then send them over https only)");
  app->add_option("--trusted-proxy", options->trusted_proxies,
                  "Address of a proxy in front whose X-Forwarded-For names the client (for the "
                  "audit log and login throttling); repeat or separate by commas")
      ->delimiter(',');
  app->add_option("--web", options->web_dir, "Folder of the built web pages, served at /")
      ->capture_default_str();
  cert->needs(key);
  key->needs(cert);
  return {app, [&global, options] {
            auto policy = LoadPolicy(global);
            if (!policy.ok()) return ReportError(policy.error());
            http::ServerOptions server_options;
            server_options.db_path = global.db_path;
            server_options.policy = policy.value();
            auto checklists = LoadChecklists(global);
            if (!checklists.ok()) return ReportError(checklists.error());
            server_options.checklists = checklists.value();
            server_options.bind = options->bind;
            server_options.port = options->port;
            server_options.tls_cert = options->tls_cert;
            server_options.tls_key = options->tls_key;
            server_options.secure_cookies = options->secure_cookies;
            server_options.trusted_proxies = options->trusted_proxies;
            server_options.static_dir = options->web_dir;
            http::Server server(std::move(server_options));
            if (core::Status status = server.Run(); !status.ok()) {
              return ReportError(status.error());
            }
            return kExitOk;
          }};
}

}  // namespace grassroots::cli
