package org.cetak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.cetak.CetakApplication;
import org.cetak.support.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The production profile over HTTPS: with an SSL bundle (a self-signed certificate made by keytool
 * here, the office's own in an office) the console answers over TLS with HSTS and a Secure session
 * cookie, and plain HTTP on its port is refused. Behind the guide's reverse proxy (no bundle),
 * plain HTTP is answered on loopback only, and only the proxy on loopback may say a request came
 * over HTTPS.
 */
class HttpsTest {

  private static final String STORE_PASSWORD = "uji-tls-2026";

  @TempDir Path home;

  @Test
  void the_console_answers_over_tls_with_hsts_and_a_secure_cookie_and_refuses_plain_http()
      throws Exception {
    Path keystore = selfSigned();
    try (ConfigurableApplicationContext app =
        start(
            "--server.ssl.bundle=cetak",
            "--spring.ssl.bundle.jks.cetak.keystore.location=file:" + keystore,
            "--spring.ssl.bundle.jks.cetak.keystore.password=" + STORE_PASSWORD,
            "--spring.ssl.bundle.jks.cetak.keystore.type=PKCS12")) {
      int port = port(app);
      HttpResponse<String> login = get(tlsClient(keystore), "https://localhost:" + port + "/login");
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.headers().firstValue("Strict-Transport-Security"))
          .as("HSTS")
          .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
      assertThat(login.headers().allValues("Set-Cookie"))
          .as("session cookie")
          .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("; Secure"));

      HttpResponse<String> plain =
          get(HttpClient.newHttpClient(), "http://localhost:" + port + "/login");
      assertThat(plain.statusCode()).as("plain HTTP on the TLS port").isEqualTo(400);
      assertThat(plain.body()).contains("requires TLS");
    }
  }

  @Test
  void behind_the_proxy_plain_http_is_answered_on_loopback_only() throws Exception {
    try (ConfigurableApplicationContext app = start("--server.address=0.0.0.0")) {
      int port = port(app);
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> local = get(client, "http://127.0.0.1:" + port + "/login");
      assertThat(local.statusCode()).as("plain HTTP on loopback").isEqualTo(200);
      assertThat(local.headers().firstValue("Strict-Transport-Security")).isEmpty();
      HttpResponse<String> proxied =
          send(client, "http://127.0.0.1:" + port + "/login", "X-Forwarded-Proto", "https");
      assertThat(proxied.statusCode()).isEqualTo(200);
      assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
          .as("HSTS on what the proxy on loopback received over HTTPS")
          .isPresent();

      Optional<InetAddress> lan = nonLoopbackAddress();
      if (lan.isPresent()) {
        String url = "http://" + lan.get().getHostAddress() + ":" + port + "/login";
        HttpResponse<String> remote = get(client, url);
        assertThat(remote.statusCode()).as("plain HTTP from " + lan.get()).isEqualTo(403);
        assertThat(remote.body()).contains("HTTPS_REQUIRED", "Gunakan https://");
        HttpResponse<String> spoofed = send(client, url, "X-Forwarded-Proto", "https");
        assertThat(spoofed.statusCode())
            .as("a client on the office network claiming HTTPS")
            .isEqualTo(403);
      } else {
        System.out.println("No non-loopback address on this machine: decided by the filter below");
      }
    }
  }

  @Test
  void the_filter_refuses_plain_http_from_another_machine_and_lets_loopback_and_https_through()
      throws Exception {
    HttpsOnly filter = new HttpsOnly();
    assertThat(status(filter, "192.168.1.20", false)).isEqualTo(403);
    assertThat(status(filter, "10.0.0.5", false)).isEqualTo(403);
    assertThat(status(filter, "192.168.1.20", true)).isEqualTo(200);
    assertThat(status(filter, "127.0.0.1", false)).isEqualTo(200);
    assertThat(status(filter, "0:0:0:0:0:0:0:1", false)).isEqualTo(200);
  }

  private static int status(HttpsOnly filter, String from, boolean secure) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
    request.setRemoteAddr(from);
    request.setSecure(secure);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response.getStatus();
  }

  /** The production profile on a fresh test database, on a free port. */
  private static ConfigurableApplicationContext start(String... settings) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.quartz.auto-startup=false",
                "--cetak.station.enabled=false",
                "--cetak.sms.gateway=file"));
    args.addAll(List.of(settings));
    return new SpringApplicationBuilder(CetakApplication.class)
        .profiles("production")
        .initializers(
            new TestDatabaseInitializer(),
            // the tests' PostgreSQL lets the test user in without a password, which production
            // refuses to run with: any password does here
            context -> {
              if (context.getEnvironment().getProperty("cetak.database.password", "").isBlank()) {
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new MapPropertySource(
                            "production-password",
                            Map.of("cetak.database.password", "uji-produksi-2026")));
              }
            })
        .run(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext app) {
    return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  /** A self-signed certificate for localhost and 127.0.0.1, made by the JDK's keytool. */
  private Path selfSigned() throws Exception {
    Path keystore = home.resolve("cetak.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "cetak",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost, O=Disdukcapil Uji",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-keypass",
                STORE_PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output =
        new String(
            keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();
    return keystore;
  }

  /** A client that trusts the self-signed certificate and nothing else. */
  private static HttpClient tlsClient(Path keystore) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trusted.load(in, STORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).build();
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(
      HttpClient client, String url, String header, String value) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header(header, value)
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** An IPv4 address of this machine that is not loopback, when it has one that is up. */
  private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
    return NetworkInterface.networkInterfaces()
        .filter(
            i -> {
              try {
                return i.isUp() && !i.isLoopback();
              } catch (java.net.SocketException e) {
                return false;
              }
            })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
  }
}
