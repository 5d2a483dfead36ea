package org.cetak.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Cetak keeps its data. Environment variables override the file: {@code CETAK_DATABASE_URL},
 * {@code CETAK_DATABASE_USER}, {@code CETAK_DATABASE_PASSWORD}. With no URL, an embedded PostgreSQL
 * starts with its data in {@code embeddedDataDir}, kept between runs.
 */
@ConfigurationProperties("cetak.database")
public record DatabaseProperties(
    String url,
    String user,
    String password,
    Path embeddedDataDir,
    int embeddedPort,
    int poolSize) {

  public DatabaseProperties {
    if (embeddedDataDir == null) {
      embeddedDataDir = Path.of(".cetak", "pgdata");
    }
    if (poolSize <= 0) {
      poolSize = 20;
    }
  }

  boolean embedded() {
    return url == null || url.isBlank();
  }
}
