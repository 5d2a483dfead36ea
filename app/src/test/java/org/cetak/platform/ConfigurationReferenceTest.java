package org.cetak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cetak.printing.config.StationProperties;
import org.cetak.stock.config.StockProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code docs/CONFIGURATION.md} is generated from the code: the keys of {@code application.yml},
 * every {@code @Value("${key:default}")} of the sources, and every component of the
 * {@code @ConfigurationProperties} records with the default their constructor gives. The test fails
 * when the committed file is not what the code says; {@code -Dcetak.write-docs=true} writes it.
 */
class ConfigurationReferenceTest {

  private static final Path DOC = Path.of("..", "docs", "CONFIGURATION.md");
  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final Path YAML = Path.of("src", "main", "resources", "application.yml");
  private static final Pattern VALUE =
      Pattern.compile("\\$\\{([a-z][a-z0-9.\\-\\[\\]]*)(?::([^}]*))?}");
  private static final Pattern ENVIRONMENT = Pattern.compile("\\$\\{([A-Z_]+):?([^}]*)}");

  private record Entry(String defaultValue, String environment, String where, String meaning) {}

  @Test
  void the_configuration_reference_in_docs_is_generated_from_the_code() throws Exception {
    String generated = reference();
    if (Boolean.getBoolean("cetak.write-docs")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "")
        .as("docs/CONFIGURATION.md is stale: run this test with -Dcetak.write-docs=true")
        .isEqualTo(generated);
  }

  private static String reference() throws Exception {
    Map<String, Entry> entries = new TreeMap<>();
    fromYaml(entries);
    fromValueAnnotations(entries);
    for (Class<?> properties :
        List.of(DatabaseProperties.class, StationProperties.class, StockProperties.class)) {
      fromRecord(properties, entries);
    }
    StringBuilder out = new StringBuilder();
    out.append("# Configuration reference\n\n")
        .append("Generated from the code by `ConfigurationReferenceTest` (run it with")
        .append(
            " `-Dcetak.write-docs=true` after adding a setting). Every setting can be given in\n")
        .append(
            "`application.yml` (or a file named by `--spring.config.additional-location`), as an")
        .append(
            " environment variable, or as a\n`--key=value` argument (to the server and to every")
        .append(" command). The environment variable is Spring's name for the key\n(dots and")
        .append(
            " brackets become `_`, dashes go, upper case); where `application.yml` names one of")
        .append(" its own, that\nname is listed.\n\n")
        .append("| setting | environment variable | default | where | meaning |\n")
        .append("|---|---|---|---|---|\n");
    entries.forEach(
        (key, e) ->
            out.append("| `")
                .append(key)
                .append("` | `")
                .append(e.environment())
                .append("` | ")
                .append(e.defaultValue().isEmpty() ? "" : "`" + e.defaultValue() + "`")
                .append(" | ")
                .append(e.where())
                .append(" | ")
                .append(e.meaning().replace("|", "\\|"))
                .append(" |\n"));
    return out.toString();
  }

  /**
   * application.yml, its comments as meanings; {@code ${ENV:default}} values name their variable.
   */
  private static void fromYaml(Map<String, Entry> entries) throws IOException {
    Deque<String[]> path = new ArrayDeque<>(); // {indent, key}
    List<String> comment = new ArrayList<>();
    for (String line : Files.readAllLines(YAML, StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#")) {
        comment.add(trimmed.substring(1).strip());
        continue;
      }
      if (trimmed.isEmpty() || trimmed.startsWith("-")) {
        continue;
      }
      int indent = line.indexOf(trimmed);
      int colon = trimmed.indexOf(':');
      String key = trimmed.substring(0, colon).strip();
      String value = trimmed.substring(colon + 1).strip();
      while (!path.isEmpty() && Integer.parseInt(path.peek()[0]) >= indent) {
        path.pop();
      }
      List<String> parts = new ArrayList<>();
      path.descendingIterator().forEachRemaining(p -> parts.add(p[1]));
      parts.add(key);
      String full = String.join(".", parts);
      if (value.isEmpty()) {
        path.push(new String[] {Integer.toString(indent), key});
        if (!comment.isEmpty() && !full.contains(".")) {
          comment.clear();
        }
        continue;
      }
      Matcher env = ENVIRONMENT.matcher(value);
      String variable = env.matches() ? env.group(1) : environmentName(full);
      String defaultValue = env.matches() ? env.group(2) : value.replace("\"", "");
      entries.put(
          full, new Entry(defaultValue, variable, "application.yml", String.join(" ", comment)));
      comment.clear();
    }
  }

  private static void fromValueAnnotations(Map<String, Entry> entries) throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = VALUE.matcher(source);
        while (m.find()) {
          String key = m.group(1);
          if (entries.containsKey(key) || !key.startsWith("cetak.")) {
            continue;
          }
          String name = file.getFileName().toString().replace(".java", "");
          entries.put(
              key,
              new Entry(
                  m.group(2) == null ? "" : m.group(2),
                  environmentName(key),
                  "`" + name + "`",
                  ""));
        }
      }
    }
  }

  /** A record's components with the defaults its compact constructor fills in. */
  private static void fromRecord(Class<?> type, Map<String, Entry> entries) throws Exception {
    String prefix = type.getAnnotation(ConfigurationProperties.class).value();
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = Stream.of(components).map(RecordComponent::getType).toArray(Class[]::new);
    Object[] empty = Stream.of(types).map(ConfigurationReferenceTest::zero).toArray();
    Constructor<?> constructor = type.getDeclaredConstructor(types);
    Object defaults = constructor.newInstance(empty);
    for (RecordComponent c : components) {
      String key = prefix + "." + kebab(c.getName());
      Object value = c.getAccessor().invoke(defaults);
      String shown = value == null ? "" : value.toString();
      if (c.getName().equals("node")) {
        shown = "(the host name)";
      } else if ((value instanceof List<?> l && l.isEmpty())
          || (value instanceof Map<?, ?> mp && mp.isEmpty())) {
        shown = "";
      }
      Entry existing = entries.get(key);
      entries.put(
          key,
          existing != null
              ? new Entry(
                  existing.defaultValue().isEmpty() ? shown : existing.defaultValue(),
                  existing.environment(),
                  existing.where() + ", `" + type.getSimpleName() + "`",
                  existing.meaning())
              : new Entry(shown, environmentName(key), "`" + type.getSimpleName() + "`", ""));
    }
  }

  private static Object zero(Class<?> type) {
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == double.class) {
      return 0.0;
    }
    if (type == boolean.class) {
      return false;
    }
    return null;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** Spring Boot's environment variable for a key. */
  static String environmentName(String key) {
    return key.replace("-", "")
        .replace(".", "_")
        .replace("[", "_")
        .replace("]", "")
        .toUpperCase(Locale.ROOT);
  }
}
