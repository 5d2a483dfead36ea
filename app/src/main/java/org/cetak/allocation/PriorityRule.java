package org.cetak.allocation;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.cetak.intake.RequestReason;
import org.cetak.intake.ResidentRecord;

/**
 * One way into a tier: every condition it sets must hold; an empty condition holds always.
 *
 * @param reasons request reasons it takes; empty = any
 * @param urgent whether a documented urgent need ({@code urgent_reason}) must be present or absent
 * @param minAge age in whole years on {@code ageOn} (the day of the run when empty), at least
 * @param maxAge age in whole years on {@code ageOn}, at most
 * @param validFrom first day the rule applies (a date window, for example before an election)
 * @param validUntil last day the rule applies
 */
public record PriorityRule(
    String name,
    Set<RequestReason> reasons,
    Optional<Boolean> urgent,
    Optional<Boolean> vulnerable,
    Optional<Boolean> disabled,
    Optional<Integer> minAge,
    Optional<Integer> maxAge,
    Optional<LocalDate> ageOn,
    Optional<LocalDate> validFrom,
    Optional<LocalDate> validUntil) {

  public PriorityRule {
    reasons = Set.copyOf(reasons);
  }

  /** A rule with no condition yet; add them with the {@code with...} methods. */
  public static PriorityRule named(String name) {
    return new PriorityRule(
        name,
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public PriorityRule withReasons(RequestReason... values) {
    return new PriorityRule(
        name,
        Set.of(values),
        urgent,
        vulnerable,
        disabled,
        minAge,
        maxAge,
        ageOn,
        validFrom,
        validUntil);
  }

  public PriorityRule withUrgent(boolean value) {
    return new PriorityRule(
        name,
        reasons,
        Optional.of(value),
        vulnerable,
        disabled,
        minAge,
        maxAge,
        ageOn,
        validFrom,
        validUntil);
  }

  public PriorityRule withVulnerable(boolean value) {
    return new PriorityRule(
        name,
        reasons,
        urgent,
        Optional.of(value),
        disabled,
        minAge,
        maxAge,
        ageOn,
        validFrom,
        validUntil);
  }

  public PriorityRule withDisabled(boolean value) {
    return new PriorityRule(
        name,
        reasons,
        urgent,
        vulnerable,
        Optional.of(value),
        minAge,
        maxAge,
        ageOn,
        validFrom,
        validUntil);
  }

  /** Age in whole years between {@code min} and {@code max} (either may be null) on {@code on}. */
  public PriorityRule withAge(Integer min, Integer max, LocalDate on) {
    return new PriorityRule(
        name,
        reasons,
        urgent,
        vulnerable,
        disabled,
        Optional.ofNullable(min),
        Optional.ofNullable(max),
        Optional.ofNullable(on),
        validFrom,
        validUntil);
  }

  public PriorityRule withWindow(LocalDate from, LocalDate until) {
    return new PriorityRule(
        name,
        reasons,
        urgent,
        vulnerable,
        disabled,
        minAge,
        maxAge,
        ageOn,
        Optional.ofNullable(from),
        Optional.ofNullable(until));
  }

  /** Whether the rule applies at all on {@code today} (its date window). */
  public boolean activeOn(LocalDate today) {
    return validFrom.map(from -> !today.isBefore(from)).orElse(true)
        && validUntil.map(until -> !today.isAfter(until)).orElse(true);
  }

  /** The latest birth date that is at least {@code minAge} on the reference day. */
  public Optional<LocalDate> bornOnOrBefore(LocalDate today) {
    LocalDate on = ageOn.orElse(today);
    return minAge.map(on::minusYears);
  }

  /** The earliest birth date that is at most {@code maxAge} on the reference day, exclusive. */
  public Optional<LocalDate> bornAfter(LocalDate today) {
    LocalDate on = ageOn.orElse(today);
    return maxAge.map(max -> on.minusYears(max + 1L));
  }

  /** Whether this rule takes the record on {@code today}. */
  public boolean matches(ResidentRecord record, LocalDate today) {
    if (!activeOn(today)) {
      return false;
    }
    if (!reasons.isEmpty() && !reasons.contains(record.reason())) {
      return false;
    }
    if (urgent.isPresent() && urgent.get() != record.urgentReason().isPresent()) {
      return false;
    }
    if (vulnerable.isPresent() && vulnerable.get() != record.vulnerable()) {
      return false;
    }
    if (disabled.isPresent() && disabled.get() != record.disabled()) {
      return false;
    }
    LocalDate born = record.birthDate();
    if (bornOnOrBefore(today).map(latest -> born.isAfter(latest)).orElse(false)) {
      return false;
    }
    return !bornAfter(today).map(earliest -> !born.isAfter(earliest)).orElse(false);
  }

  /**
   * Whether this rule takes every record that {@code other} takes (so {@code other} is shadowed).
   */
  boolean covers(PriorityRule other) {
    boolean reasonsCovered =
        reasons.isEmpty() || (!other.reasons.isEmpty() && reasons.containsAll(other.reasons));
    boolean ageCovered =
        (minAge.isEmpty() && maxAge.isEmpty())
            || (ageOn.equals(other.ageOn)
                && minAge.map(m -> other.minAge.map(o -> o >= m).orElse(false)).orElse(true)
                && maxAge.map(m -> other.maxAge.map(o -> o <= m).orElse(false)).orElse(true));
    boolean windowCovered =
        validFrom.map(f -> other.validFrom.map(o -> !o.isBefore(f)).orElse(false)).orElse(true)
            && validUntil
                .map(u -> other.validUntil.map(o -> !o.isAfter(u)).orElse(false))
                .orElse(true);
    return reasonsCovered
        && flagCovers(urgent, other.urgent)
        && flagCovers(vulnerable, other.vulnerable)
        && flagCovers(disabled, other.disabled)
        && ageCovered
        && windowCovered;
  }

  /** Whether no record can ever match (an empty age range or date window). */
  boolean impossible() {
    boolean emptyAge = minAge.isPresent() && maxAge.isPresent() && minAge.get() > maxAge.get();
    boolean emptyWindow =
        validFrom.isPresent()
            && validUntil.isPresent()
            && validFrom.get().isAfter(validUntil.get());
    return emptyAge || emptyWindow;
  }

  /** The same conditions (names aside). */
  boolean sameConditions(PriorityRule other) {
    return covers(other) && other.covers(this);
  }

  private static boolean flagCovers(Optional<Boolean> mine, Optional<Boolean> theirs) {
    return mine.isEmpty() || mine.equals(theirs);
  }
}
