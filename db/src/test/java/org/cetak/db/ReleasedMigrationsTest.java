package org.cetak.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A released migration is never edited (Flyway would refuse to start on every installed database):
 * the SHA-256 of each one is recorded in {@code src/test/resources/released-migrations.sha256}, in
 * the format of {@code sha256sum}. A new migration is added with {@code sha256sum V42__name.sql >>
 * ../../../../test/resources/released-migrations.sha256} run in {@code
 * db/src/main/resources/db/migration}.
 */
class ReleasedMigrationsTest {

  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Path RECORDED = Path.of("src/test/resources/released-migrations.sha256");
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

  @Test
  void no_released_migration_has_changed() throws IOException {
    Map<String, String> recorded = recorded();
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> e : recorded.entrySet()) {
      Path file = MIGRATIONS.resolve(e.getKey());
      if (Files.exists(file) && !sha256(file).equals(e.getValue())) {
        changed.add(e.getKey());
      }
    }

    assertThat(changed)
        .as("released migrations are never edited: write a new one that changes the schema")
        .isEmpty();
  }

  @Test
  void no_released_migration_is_gone() throws IOException {
    List<String> gone =
        recorded().keySet().stream().filter(f -> !Files.exists(MIGRATIONS.resolve(f))).toList();

    assertThat(gone).as("released migrations are never deleted or renamed").isEmpty();
  }

  @Test
  void every_migration_has_its_checksum_recorded() throws IOException {
    Map<String, String> recorded = recorded();
    List<String> missing = new ArrayList<>();
    for (String file : migrations()) {
      if (!recorded.containsKey(file)) {
        missing.add(sha256(MIGRATIONS.resolve(file)) + "  " + file);
      }
    }

    assertThat(missing)
        .as("add these lines to db/%s (see this test's Javadoc)", RECORDED)
        .isEmpty();
  }

  @Test
  void a_new_migration_comes_after_every_released_one() throws IOException {
    Map<String, String> recorded = recorded();
    int lastReleased =
        recorded.keySet().stream().mapToInt(ReleasedMigrationsTest::version).max().orElse(0);
    List<String> outOfOrder = new ArrayList<>();
    for (String file : migrations()) {
      if (!recorded.containsKey(file) && version(file) <= lastReleased) {
        outOfOrder.add(file);
      }
    }

    assertThat(outOfOrder)
        .as(
            "after V40 migrations form one increasing sequence: a new one takes a number above V%d,"
                + " the last released (Flyway refuses an older number on an upgraded database)",
            lastReleased)
        .isEmpty();
  }

  @Test
  void every_migration_is_named_with_one_version_of_its_own() throws IOException {
    Map<Integer, String> byVersion = new TreeMap<>();
    for (String file : migrations()) {
      String previous = byVersion.put(version(file), file);
      assertThat(previous).as("two migrations with the version of %s", file).isNull();
    }
  }

  private static int version(String file) {
    Matcher m = VERSIONED.matcher(file);
    assertThat(m.matches()).as("%s is named V<number>__<what>.sql", file).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static List<String> migrations() throws IOException {
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Map<String, String> recorded() throws IOException {
    Map<String, String> byFile = new LinkedHashMap<>();
    for (String line : Files.readAllLines(RECORDED, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.trim().split("\\s+\\*?", 2);
      byFile.put(parts[1], parts[0]);
    }
    return byFile;
  }

  /** The file's SHA-256, with CRLF read as LF so a Windows checkout gives the same sum. */
  private static String sha256(Path file) throws IOException {
    byte[] bytes =
        new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
            .replace("\r\n", "\n")
            .getBytes(StandardCharsets.UTF_8);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
