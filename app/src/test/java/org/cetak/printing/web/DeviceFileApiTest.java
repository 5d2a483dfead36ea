package org.cetak.printing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.sql.DataSource;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Reloading the device file: the demo's, by an administrator only. */
@CetakSpringTest
class DeviceFileApiTest {

  @LocalServerPort int port;
  @Autowired DataSource dataSource;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> reload(String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/devices/reload"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":cetak-demo").getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void an_administrator_reloads_the_device_file_and_sees_the_printers_of_this_node()
      throws Exception {
    long audited = reloadsAudited();
    HttpResponse<String> reloaded = reload("admin");

    assertThat(reloaded.statusCode()).isEqualTo(200);
    assertThat(reloaded.body())
        .contains("\"code\":\"PRN-1\"")
        .contains("\"code\":\"PRN-2\"")
        .contains("\"link\":\"sim:PRN-1\"")
        .contains("\"model\":\"Primacy\"")
        .contains("\"removed\":[]")
        .contains("\"changed\":[]");
    assertThat(reloadsAudited()).isEqualTo(audited + 1);
  }

  private long reloadsAudited() throws java.sql.SQLException {
    try (var c = dataSource.getConnection();
        var rs =
            c.createStatement()
                .executeQuery(
                    "select count(*) from audit_event where action = 'DEVICES_RELOADED'"
                        + " and actor = 'admin' and subject = 'device file of node demo'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void an_operator_may_not_reload_it() throws Exception {
    assertThat(reload("operator").statusCode()).isEqualTo(403);
  }
}
