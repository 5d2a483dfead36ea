package org.cetak.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads a console page or an API answer on a test server as one of the demo's users. */
public final class DemoHttp {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private DemoHttp() {}

  /** GET as {@code user} (the demo's password), which must answer 200. */
  public static HttpResponse<String> get(int port, String path, String user)
      throws IOException, InterruptedException {
    String credentials = user + ":cetak-demo";
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s as %s", path, user).isEqualTo(200);
    return response;
  }
}
