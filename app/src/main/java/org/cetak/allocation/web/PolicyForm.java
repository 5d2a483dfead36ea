package org.cetak.allocation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cetak.common.WholeNumbers;
import org.cetak.intake.RequestReason;
import org.springframework.util.MultiValueMap;

/**
 * The policy editor's form: every rule of the policy as labelled fields, as typed. Reading it back
 * names each value that is not one the policy can hold by its field ({@code
 * tiers[1].rules[2].minAge}), worded in the user's language next to that field; a draft without
 * such errors becomes the {@link PolicyDocument} the API takes.
 *
 * @param version the version in force when the edit began
 * @param dailyCap empty: no cap
 */
public record PolicyForm(
    String version, String dailyCap, String urgentReserve, String note, List<Tier> tiers) {

  /** A tier as typed. */
  public record Tier(String number, String name, List<Rule> rules) {}

  /**
   * A rule as typed; {@code urgent}, {@code vulnerable} and {@code disabled} are {@code true},
   * {@code false} or empty (no condition).
   */
  public record Rule(
      String name,
      List<String> reasons,
      String urgent,
      String vulnerable,
      String disabled,
      String minAge,
      String maxAge,
      String ageOn,
      String validFrom,
      String validUntil) {

    static Rule empty() {
      return new Rule("", List.of(), "", "", "", "", "", "", "", "");
    }
  }

  /**
   * The form read back: the document, or the errors by field name (worded by {@code words}: a
   * message key and its arguments, the field's label among them).
   */
  public record Read(Optional<PolicyDocument> document, Map<String, String> errors) {}

  private static final Set<String> REASONS =
      Arrays.stream(RequestReason.values()).map(Enum::name).collect(Collectors.toSet());

  private static final Pattern TIER = Pattern.compile("tiers\\[(\\d+)]\\.(\\w+)");
  private static final Pattern RULE = Pattern.compile("tiers\\[(\\d+)]\\.rules\\[(\\d+)]\\.(\\w+)");

  /** The policy's document as the form shows it. */
  public static PolicyForm of(PolicyDocument d) {
    List<Tier> tiers = new ArrayList<>();
    for (PolicyDocument.Tier t : d.tiers()) {
      List<Rule> rules = new ArrayList<>();
      for (PolicyDocument.Rule r : t.rules()) {
        rules.add(
            new Rule(
                text(r.name()),
                r.reasons() == null ? List.of() : r.reasons(),
                text(r.urgent()),
                text(r.vulnerable()),
                text(r.disabled()),
                text(r.minAge()),
                text(r.maxAge()),
                text(r.ageOn()),
                text(r.validFrom()),
                text(r.validUntil())));
      }
      tiers.add(new Tier(String.valueOf(t.tier()), text(t.name()), rules));
    }
    return new PolicyForm(
        d.version() == null ? "0" : String.valueOf(d.version()),
        text(d.dailyCap()),
        String.valueOf(d.urgentReserve()),
        text(d.note()),
        tiers);
  }

  /** The form as posted; tiers and rules in the order of their indexes. */
  public static PolicyForm posted(MultiValueMap<String, String> form) {
    TreeMap<Integer, Map<String, List<String>>> tierFields = new TreeMap<>();
    TreeMap<Integer, TreeMap<Integer, Map<String, List<String>>>> ruleFields = new TreeMap<>();
    form.forEach(
        (key, values) -> {
          Matcher rule = RULE.matcher(key);
          Matcher tier = TIER.matcher(key);
          if (rule.matches()) {
            int t = Integer.parseInt(rule.group(1));
            tierFields.computeIfAbsent(t, i -> new LinkedHashMap<>());
            ruleFields
                .computeIfAbsent(t, i -> new TreeMap<>())
                .computeIfAbsent(Integer.parseInt(rule.group(2)), i -> new LinkedHashMap<>())
                .put(rule.group(3), values);
          } else if (tier.matches()) {
            tierFields
                .computeIfAbsent(Integer.parseInt(tier.group(1)), i -> new LinkedHashMap<>())
                .put(tier.group(2), values);
          }
        });
    List<Tier> tiers = new ArrayList<>();
    tierFields.forEach(
        (t, fields) -> {
          List<Rule> rules = new ArrayList<>();
          ruleFields
              .getOrDefault(t, new TreeMap<>())
              .values()
              .forEach(
                  f ->
                      rules.add(
                          new Rule(
                              first(f, "name"),
                              f.getOrDefault("reasons", List.of()).stream()
                                  .filter(v -> !v.isBlank())
                                  .toList(),
                              first(f, "urgent"),
                              first(f, "vulnerable"),
                              first(f, "disabled"),
                              first(f, "minAge"),
                              first(f, "maxAge"),
                              first(f, "ageOn"),
                              first(f, "validFrom"),
                              first(f, "validUntil"))));
          tiers.add(new Tier(first(fields, "number"), first(fields, "name"), rules));
        });
    return new PolicyForm(
        value(form, "version"),
        value(form, "dailyCap"),
        value(form, "urgentReserve"),
        value(form, "note"),
        tiers);
  }

  /**
   * The form after one of its buttons that change its shape: {@code addTier}, {@code addRule:T},
   * {@code removeTier:T}, {@code removeRule:T:R}, {@code moveUp:T}, {@code moveDown:T} (indexes
   * from 0); unchanged for anything else.
   */
  public PolicyForm change(String change) {
    String[] parts = change.split(":", -1);
    List<Tier> out = new ArrayList<>(tiers);
    try {
      switch (parts[0]) {
        case "addTier" ->
            out.add(
                new Tier(
                    String.valueOf(tiers.size() + 1), "", new ArrayList<>(List.of(Rule.empty()))));
        case "addRule" -> {
          int t = Integer.parseInt(parts[1]);
          Tier tier = out.get(t);
          List<Rule> rules = new ArrayList<>(tier.rules());
          rules.add(Rule.empty());
          out.set(t, new Tier(tier.number(), tier.name(), rules));
        }
        case "removeTier" -> out.remove(Integer.parseInt(parts[1]));
        case "moveUp" -> exchange(out, Integer.parseInt(parts[1]) - 1);
        case "moveDown" -> exchange(out, Integer.parseInt(parts[1]));
        case "removeRule" -> {
          int t = Integer.parseInt(parts[1]);
          Tier tier = out.get(t);
          List<Rule> rules = new ArrayList<>(tier.rules());
          rules.remove(Integer.parseInt(parts[2]));
          out.set(t, new Tier(tier.number(), tier.name(), rules));
        }
        default -> {
          return this;
        }
      }
    } catch (RuntimeException e) {
      // an index not on the form (posted by hand): nothing to change
      return this;
    }
    return new PolicyForm(version, dailyCap, urgentReserve, note, out);
  }

  /**
   * Exchanges the tiers at {@code upper} and the one below it; each takes the number of the place
   * it moves to, so the order the numbers give is the order shown.
   */
  private static void exchange(List<Tier> tiers, int upper) {
    Tier above = tiers.get(upper);
    Tier below = tiers.get(upper + 1);
    tiers.set(upper, new Tier(above.number(), below.name(), below.rules()));
    tiers.set(upper + 1, new Tier(below.number(), above.name(), above.rules()));
  }

  /**
   * Reads the form back. {@code words} words a message key with its arguments in the user's
   * language; a field's label is passed as its key {@code policy.field.<name>} worded first.
   */
  public Read read(BiFunction<String, Object[], String> words) {
    Map<String, String> errors = new LinkedHashMap<>();
    Errors e = new Errors(errors, words);
    Integer cap = dailyCap.isBlank() ? null : e.count("dailyCap", "dailyCap", dailyCap);
    Integer reserve =
        urgentReserve.isBlank() ? 0 : e.count("urgentReserve", "urgentReserve", urgentReserve);
    if (tiers.isEmpty()) {
      errors.put("tiers", words.apply("policy.invalid.noTier", new Object[0]));
    }
    List<PolicyDocument.Tier> out = new ArrayList<>();
    Set<Integer> numbers = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (int t = 0; t < tiers.size(); t++) {
      Tier tier = tiers.get(t);
      String at = "tiers[" + t + "].";
      Integer number = null;
      if (tier.number().isBlank()) {
        e.put(at + "number", "policy.invalid.required", e.label("tierNumber"));
      } else {
        number = e.count(at + "number", "tierNumber", tier.number());
      }
      if (number != null && (number < 1 || number > tiers.size())) {
        e.put(at + "number", "policy.invalid.tierRange", tiers.size());
        number = null;
      } else if (number != null && !numbers.add(number)) {
        e.put(at + "number", "policy.invalid.tierTwice", number);
        number = null;
      }
      if (tier.rules().isEmpty()) {
        e.put(at + "name", "policy.invalid.noRule");
      }
      List<PolicyDocument.Rule> rules = new ArrayList<>();
      for (int r = 0; r < tier.rules().size(); r++) {
        Rule rule = tier.rules().get(r);
        String field = at + "rules[" + r + "].";
        String name = rule.name().strip();
        if (name.isEmpty()) {
          e.put(field + "name", "policy.invalid.required", e.label("ruleName"));
        } else if (!names.add(name)) {
          e.put(field + "name", "policy.invalid.ruleTwice", name);
        }
        for (String reason : rule.reasons()) {
          if (!REASONS.contains(reason)) {
            e.put(field + "reasons", "policy.invalid.choice", e.label("reasons"), reason);
          }
        }
        Integer min = e.optionalCount(field + "minAge", "minAge", rule.minAge());
        Integer max = e.optionalCount(field + "maxAge", "maxAge", rule.maxAge());
        if (min != null && max != null && min > max) {
          e.put(field + "maxAge", "policy.invalid.ageRange", min, max);
        }
        LocalDate from = e.date(field + "validFrom", "validFrom", rule.validFrom());
        LocalDate until = e.date(field + "validUntil", "validUntil", rule.validUntil());
        if (from != null && until != null && from.isAfter(until)) {
          e.put(field + "validUntil", "policy.invalid.window");
        }
        rules.add(
            new PolicyDocument.Rule(
                name,
                rule.reasons(),
                e.condition(field + "urgent", "urgent", rule.urgent()),
                e.condition(field + "vulnerable", "vulnerable", rule.vulnerable()),
                e.condition(field + "disabled", "disabled", rule.disabled()),
                min,
                max,
                e.date(field + "ageOn", "ageOn", rule.ageOn()),
                from,
                until));
      }
      out.add(new PolicyDocument.Tier(number == null ? 0 : number, tier.name().strip(), rules));
    }
    if (!errors.isEmpty()) {
      return new Read(Optional.empty(), errors);
    }
    return new Read(Optional.of(new PolicyDocument(null, cap, reserve, note.strip(), out)), errors);
  }

  /** The errors found so far, by field, and the wording of a new one. */
  private record Errors(Map<String, String> byField, BiFunction<String, Object[], String> words) {

    String label(String name) {
      return words.apply("policy.field." + name, new Object[0]);
    }

    void put(String field, String key, Object... args) {
      byField.putIfAbsent(field, words.apply(key, args));
    }

    Integer optionalCount(String field, String label, String text) {
      return text.isBlank() ? null : count(field, label, text);
    }

    /** A whole number from 0 (officers write 1.000 for a thousand). */
    Integer count(String field, String label, String text) {
      try {
        int n = WholeNumbers.parse(text);
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException ignored) {
        // worded below
      }
      put(field, "policy.invalid.number", label(label));
      return null;
    }

    LocalDate date(String field, String label, String text) {
      if (text.isBlank()) {
        return null;
      }
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException ignored) {
        put(field, "policy.invalid.date", label(label));
        return null;
      }
    }

    Boolean condition(String field, String label, String text) {
      return switch (text.strip()) {
        case "" -> null;
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> {
          put(field, "policy.invalid.choice", label(label), text.strip());
          yield null;
        }
      };
    }
  }

  private static String first(Map<String, List<String>> fields, String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
  }

  private static String value(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value;
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
