package org.cetak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.cetak.common.ErrorCode;
import org.junit.jupiter.api.Test;

class ErrorCatalogueTest {

  private static final Path DOCS = Path.of("..", "docs", "ERRORS.md");

  @Test
  void every_code_is_unique_across_the_domains() {
    List<String> names = ErrorCatalogue.all().stream().map(ErrorCode::name).toList();
    assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThan(60);
  }

  @Test
  void every_enum_of_error_codes_is_in_the_catalogue() {
    Set<String> implementations =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.cetak")
                .stream()
                .filter(
                    c -> c.isAssignableTo(ErrorCode.class) && !c.isEquivalentTo(ErrorCode.class))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
    assertThat(implementations)
        .containsExactlyInAnyOrderElementsOf(
            ErrorCatalogue.DOMAINS.stream().map(Class::getName).toList());
  }

  @Test
  void every_code_has_its_wording_in_indonesian_and_english() throws IOException {
    for (String bundle : List.of("i18n/messages.properties", "i18n/messages_en.properties")) {
      Properties messages = load(bundle);
      for (ErrorCode code : ErrorCatalogue.all()) {
        assertThat(messages.getProperty("error." + code.name()))
            .as("error.%s in %s", code.name(), bundle)
            .isNotBlank();
      }
    }
  }

  @Test
  void every_code_has_a_worded_detail_naming_the_same_values_in_both_languages()
      throws IOException {
    Properties indonesian = load("i18n/messages.properties");
    Properties english = load("i18n/messages_en.properties");
    for (ErrorCode code : ErrorCatalogue.all()) {
      String key = "error." + code.name() + ".detail";
      assertThat(indonesian.getProperty(key)).as("%s in Indonesian", key).isNotBlank();
      assertThat(english.getProperty(key)).as("%s in English", key).isNotBlank();
      assertThat(indonesian.getProperty(key))
          .as("%s says more than the title", key)
          .isNotEqualTo(indonesian.getProperty("error." + code.name()));
      assertThat(named(indonesian.getProperty(key)))
          .as("values %s names in Indonesian and English", key)
          .isEqualTo(named(english.getProperty(key)));
    }
  }

  private static int named(String pattern) {
    return new java.text.MessageFormat(pattern).getFormatsByArgumentIndex().length;
  }

  @Test
  void every_detail_wording_is_of_a_code_and_in_both_languages() throws IOException {
    Properties indonesian = load("i18n/messages.properties");
    Properties english = load("i18n/messages_en.properties");
    Set<String> codes =
        ErrorCatalogue.all().stream().map(ErrorCode::name).collect(Collectors.toSet());
    Set<String> details = new HashSet<>();
    for (Properties bundle : List.of(indonesian, english)) {
      bundle.stringPropertyNames().stream()
          .filter(k -> k.startsWith("error.") && k.endsWith(".detail"))
          .forEach(details::add);
    }
    assertThat(details).isNotEmpty();
    for (String key : details) {
      assertThat(codes)
          .contains(key.substring("error.".length(), key.length() - ".detail".length()));
      assertThat(indonesian.getProperty(key)).as("%s in Indonesian", key).isNotBlank();
      assertThat(english.getProperty(key)).as("%s in English", key).isNotBlank();
    }
  }

  @Test
  void the_documentation_lists_every_code_with_its_status() throws IOException {
    String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
    Set<String> documented = new HashSet<>();
    for (String line : docs.lines().toList()) {
      if (line.startsWith("| `")) {
        String[] cells = line.split("\\|", -1);
        documented.add(cells[1].strip().replace("`", "") + " " + cells[2].strip());
      }
    }
    Set<String> expected =
        ErrorCatalogue.all().stream()
            .map(c -> c.name() + " " + Problems.status(c.kind()).value())
            .collect(Collectors.toSet());
    assertThat(documented).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = ErrorCatalogueTest.class.getClassLoader().getResourceAsStream(name)) {
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
