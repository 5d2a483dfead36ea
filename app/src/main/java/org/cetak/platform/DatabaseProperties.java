package org.cetak.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Cetak keeps its data. Environment variables override the file: {@code CETAK_DATABASE_URL},
 * {@code CETAK_DATABASE_USER}, {@code CETAK_DATABASE_PASSWORD}. With no URL, an embedded PostgreSQL
 * starts with its data in {@code embeddedDataDir}, kept between runs.
 *
 * @param poolSize connections of the main pool (the print station, the API, the jobs)
 * @param consolePoolSize connections of the console pages' own pool ({@link ConsoleConnections}),
 *     as many as pages are worked on at once ({@code cetak.console.concurrent-pages})
 */
@ConfigurationProperties("cetak.database")
public record DatabaseProperties(
    String url,
    String user,
    String password,
    Path embeddedDataDir,
    int embeddedPort,
    int poolSize,
    int consolePoolSize) {

  public DatabaseProperties {
    if (embeddedDataDir == null) {
      embeddedDataDir = Path.of(".cetak", "pgdata");
    }
    if (poolSize <= 0) {
      poolSize = 20;
    }
    if (consolePoolSize <= 0) {
      consolePoolSize = 6;
    }
  }

  boolean embedded() {
    return url == null || url.isBlank();
  }
}
