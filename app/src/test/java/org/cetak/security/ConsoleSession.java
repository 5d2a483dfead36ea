package org.cetak.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user signed in to the console with the form, as a browser would be: a session and its CSRF
 * token.
 */
public final class ConsoleSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final HttpClient http;
  private final String base;
  private String csrf;

  private ConsoleSession(int port) {
    this.base = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Signs in; fails when the sign-in does not land on the home page. */
  public static ConsoleSession signIn(int port, String username, String password)
      throws IOException, InterruptedException {
    ConsoleSession session = new ConsoleSession(port);
    String token = session.token(session.get("/login").body());
    HttpResponse<String> login =
        session.http.send(
            HttpRequest.newBuilder(URI.create(session.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + enc(username)
                            + "&password="
                            + enc(password)
                            + "&_csrf="
                            + enc(token)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = login.headers().firstValue("Location").orElse("");
    if (login.statusCode() != 302 || location.contains("/login")) {
      throw new IllegalStateException(username + " could not sign in: " + location);
    }
    session.csrf = session.token(session.get("/").body());
    return session;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "text/html,*/*;q=0.8")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Any method, with the session's CSRF token; {@code contentType} null sends no body. */
  public HttpResponse<String> send(String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-TOKEN", csrf),
        method,
        contentType,
        body);
  }

  /**
   * Any method on the session's cookie alone, as another site's page could make the browser send
   * it: without the CSRF token.
   */
  public HttpResponse<String> sendWithoutToken(
      String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)), method, contentType, body);
  }

  private HttpResponse<String> send(
      HttpRequest.Builder request, String method, String contentType, String body)
      throws IOException, InterruptedException {
    if (contentType == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A form posted as a browser posts it, answered as a page (HTML). */
  public HttpResponse<String> post(String path, String form)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "text/html,*/*;q=0.8")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(csrf)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String token(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("No CSRF token on the page");
    }
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
