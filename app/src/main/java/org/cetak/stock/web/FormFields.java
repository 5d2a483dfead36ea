package org.cetak.stock.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.common.Field;
import org.cetak.common.WholeNumbers;
import org.cetak.stock.SpoilReason;
import org.cetak.stock.StockError;
import org.springframework.util.MultiValueMap;

/** The fields of the stock page's forms as the domain takes them; a bad one is a clear refusal. */
final class FormFields {

  private FormFields() {}

  static String text(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value.strip();
  }

  static Optional<String> optional(MultiValueMap<String, String> form, String name) {
    String value = FormFields.text(form, name);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  static int quantity(MultiValueMap<String, String> form) {
    String value = WholeNumbers.ungrouped(FormFields.text(form, "quantity"));
    if (value.isEmpty()) {
      throw new DomainException(StockError.QUANTITY_REQUIRED, "quantity is required");
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new DomainException(StockError.INVALID_QUANTITY, "quantity is not a whole number");
    }
  }

  /**
   * A date field: missing is refused as {@code missing}; a text that is no date (31-02-2026, abc)
   * as unreadable, naming the field by its {@code label} and the format the form takes.
   */
  static LocalDate date(
      MultiValueMap<String, String> form, String name, String label, StockError missing) {
    String value = FormFields.text(form, name);
    if (value.isEmpty()) {
      throw new DomainException(missing, name + " is required");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new DomainException(
          StockError.INVALID_DATE,
          name + " is not a date",
          new Field(label),
          value,
          new Field("body.expected.date"));
    }
  }

  static SpoilReason spoilReason(MultiValueMap<String, String> form) {
    try {
      return SpoilReason.valueOf(text(form, "reason"));
    } catch (IllegalArgumentException e) {
      throw new DomainException(StockError.INVALID_SPOIL_REASON, "Choose why the blanks spoiled");
    }
  }
}
