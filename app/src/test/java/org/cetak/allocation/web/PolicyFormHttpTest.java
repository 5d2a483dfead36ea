package org.cetak.allocation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cetak.allocation.PolicyService;
import org.cetak.allocation.PriorityPolicy;
import org.cetak.office.OfficeDirectory;
import org.cetak.security.ConsoleSession;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * The policy form posted as a browser posts it: a value a rule cannot hold is refused beside its
 * field, named by the field's label in the supervisor's language, and nothing is saved; a save from
 * a version no longer in force is refused with 409.
 */
@CetakSpringTest
class PolicyFormHttpTest {

  @LocalServerPort int port;
  @Autowired PolicyService policies;
  @Autowired OfficeDirectory offices;

  @Test
  void an_age_that_is_no_number_is_refused_beside_its_field_and_nothing_is_saved()
      throws Exception {
    long office = offices.officeByCode("32.71").orElseThrow().id();
    PriorityPolicy before = policies.current(office);
    ConsoleSession kabid = ConsoleSession.signIn(port, "kabid", "cetak-demo");
    Map<String, String> form = oneRule(before.version());
    form.put("tiers[0].rules[0].minAge", "enam puluh");
    form.put("tiers[0].rules[0].urgent", "mungkin");

    HttpResponse<String> answer = kabid.post("/policy?office=32.71", encode(form));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(fieldError(answer.body(), "rule-0-0-minAge"))
        .isEqualTo("Umur paling rendah (tahun) harus bilangan bulat 0 atau lebih");
    assertThat(fieldError(answer.body(), "rule-0-0-urgent"))
        .isEqualTo("Kebutuhan mendesak yang didokumentasikan: 'mungkin' bukan salah satu pilihan");
    assertThat(HtmlUtils.htmlUnescape(answer.body()))
        .contains("Kebijakan tidak disimpan: perbaiki isian yang ditandai.")
        .contains("value=\"enam puluh\"");

    HttpResponse<String> preview = kabid.post("/policy/preview?office=32.71&lang=en", encode(form));
    assertThat(preview.statusCode()).isEqualTo(400);
    assertThat(fieldError(preview.body(), "rule-0-0-minAge"))
        .isEqualTo("Lowest age (years) must be a whole number from 0");
    assertThat(preview.body()).doesNotContain("id=\"preview-summary\"");

    PriorityPolicy after = policies.current(office);
    assertThat(after.version()).isEqualTo(before.version());
    assertThat(after.tiers()).isEqualTo(before.tiers());
  }

  @Test
  void an_age_with_a_decimal_point_is_refused_not_read_as_a_larger_number() throws Exception {
    long office = offices.officeByCode("32.71").orElseThrow().id();
    PriorityPolicy before = policies.current(office);
    ConsoleSession kabid = ConsoleSession.signIn(port, "kabid", "cetak-demo");
    Map<String, String> form = oneRule(before.version());
    form.put("tiers[0].rules[0].minAge", "6.5");

    HttpResponse<String> answer = kabid.post("/policy?office=32.71", encode(form));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(fieldError(answer.body(), "rule-0-0-minAge"))
        .isEqualTo("Umur paling rendah (tahun) harus bilangan bulat 0 atau lebih");
    assertThat(policies.current(office).version()).isEqualTo(before.version());
  }

  @Test
  void a_rule_with_the_same_conditions_as_another_tiers_is_refused_beside_it() throws Exception {
    long office = offices.officeByCode("32.71").orElseThrow().id();
    PriorityPolicy before = policies.current(office);
    ConsoleSession kabid = ConsoleSession.signIn(port, "kabid", "cetak-demo");
    Map<String, String> form = oneRule(before.version());
    form.put("tiers[0].rules[0].name", "LANSIA");
    form.put("tiers[0].rules[0].minAge", "60");
    form.put("tiers[1].number", "2");
    form.put("tiers[1].name", "Lansia lagi");
    form.put("tiers[1].rules[0].name", "LANSIA_LAGI");
    form.put("tiers[1].rules[0].minAge", "60");

    HttpResponse<String> answer = kabid.post("/policy?office=32.71", encode(form));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(fieldError(answer.body(), "rule-1-0-name"))
        .isEqualTo(
            "Syarat aturan ini sama dengan aturan LANSIA di tingkat 1: satu permohonan tidak dapat"
                + " masuk dua tingkat");
    assertThat(fieldError(answer.body(), "tier-1-name"))
        .startsWith("Tingkat ini tidak pernah mendapat permohonan");
    assertThat(answer.body()).contains("POLICY_OVERLAPPING_TIERS");
    assertThat(policies.current(office)).isEqualTo(before);
  }

  @Test
  void the_buttons_add_and_remove_rules_and_tiers_keeping_what_was_typed() throws Exception {
    long office = offices.officeByCode("32.71").orElseThrow().id();
    PriorityPolicy before = policies.current(office);
    ConsoleSession kabid = ConsoleSession.signIn(port, "kabid", "cetak-demo");
    Map<String, String> form = oneRule(before.version());
    form.put("tiers[0].rules[0].minAge", "61");

    form.put("change", "addRule:0");
    String added = kabid.post("/policy/preview?office=32.71", encode(form)).body();
    assertThat(added)
        .contains("name=\"tiers[0].rules[1].name\"")
        .contains("value=\"61\"")
        .doesNotContain("id=\"preview-summary\"");

    form.put("change", "addTier");
    assertThat(kabid.post("/policy/preview?office=32.71", encode(form)).body())
        .contains("name=\"tiers[1].rules[0].name\"")
        .contains("id=\"tier-1-number\" inputmode=\"numeric\" value=\"2\"");

    form.put("change", "removeRule:0:0");
    assertThat(kabid.post("/policy/preview?office=32.71", encode(form)).body())
        .doesNotContain("name=\"tiers[0].rules[0].name\"")
        .contains("name=\"tiers[0].name\"");
    assertThat(policies.current(office)).isEqualTo(before);
  }

  @Test
  void a_save_from_a_version_no_longer_in_force_is_refused_with_409() throws Exception {
    long office = offices.officeByCode("32.71").orElseThrow().id();
    PriorityPolicy inForce = policies.current(office);
    ConsoleSession kabid = ConsoleSession.signIn(port, "kabid", "cetak-demo");
    HttpResponse<String> answer =
        kabid.post("/policy?office=32.71", encode(oneRule(inForce.version() - 1)));
    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(HtmlUtils.htmlUnescape(answer.body()))
        .contains(
            "Perubahan Anda tidak disimpan: Anda mulai dari versi " + (inForce.version() - 1));
    assertThat(policies.current(office).version()).isEqualTo(inForce.version());
  }

  /** A whole policy of one tier and one rule, as the form posts it. */
  private static Map<String, String> oneRule(int version) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("version", String.valueOf(version));
    form.put("dailyCap", "");
    form.put("urgentReserve", "0");
    form.put("tiers[0].number", "1");
    form.put("tiers[0].name", "Semua");
    form.put("tiers[0].rules[0].name", "ANY");
    form.put("tiers[0].rules[0].urgent", "");
    form.put("tiers[0].rules[0].minAge", "");
    form.put("note", "uji");
    return form;
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** The error shown beside a field, by the field's id. */
  private static String fieldError(String page, String field) {
    Matcher m =
        Pattern.compile("<p [^>]*id=\"error-" + Pattern.quote(field) + "\"[^>]*>([^<]*)</p>")
            .matcher(page);
    assertThat(m.find()).as("an error beside %s", field).isTrue();
    return HtmlUtils.htmlUnescape(m.group(1)).strip();
  }
}
