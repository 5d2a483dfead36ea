package org.cetak.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cetak.common.OfficeZones;
import org.cetak.region.RegionTable;

/**
 * Checks one raw record against IMPORT-FORMAT.md and DOMAIN.md "Identifiers". Malformed fields are
 * errors (the file is refused); odd but possible facts are flags (the record is kept). Thread-safe.
 */
public final class RecordValidator {

  /** Longest text accepted in a free-text field. */
  static final int MAX_TEXT = 200;

  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
  private static final Pattern BLOOD = Pattern.compile("(A|B|AB|O)[+-]?|-");
  private static final Pattern RT_RW = Pattern.compile("[0-9]{1,3}");
  private static final Pattern STATUS = Pattern.compile("[A-Z][A-Z_]{1,40}");
  private static final Set<String> RELIGIONS =
      Set.of("ISLAM", "KRISTEN", "KATOLIK", "HINDU", "BUDDHA", "KONGHUCU", "KEPERCAYAAN");
  private static final Set<String> MARITAL =
      Set.of("BELUM KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI");

  private final RegionTable regions;
  private final OfficeZones zones;
  private final Clock clock;

  public RecordValidator(RegionTable regions, OfficeZones zones, Clock clock) {
    this.regions = regions;
    this.zones = zones;
    this.clock = clock;
  }

  /** The outcome of checking one record. */
  public sealed interface Checked {}

  public record Valid(IncomingRecord record) implements Checked {}

  public record Invalid(List<RowError> errors) implements Checked {}

  /** Today in the office's own time zone: the day an import's records are checked against. */
  public LocalDate today(long officeId) {
    return LocalDate.now(clock.withZone(zones.of(officeId)));
  }

  /** Checks a record imported on {@code today}, the office's day ({@link #today}). */
  public Checked check(RawRecord raw, PayloadResolver payloads, LocalDate today) {
    Row row = new Row(raw);

    String nik = row.required("nik");
    if (!nik.isEmpty()) {
      Nik.malformed(nik, regions).ifPresent(reason -> row.error("nik", reason));
    }
    String kk = row.required("kk");
    if (!kk.isEmpty()) {
      Nik.malformedKk(kk, regions).ifPresent(reason -> row.error("kk", reason));
    }
    String name = row.text("name", 60).toUpperCase(Locale.ROOT);
    String sex = row.oneOf("sex", Set.of("L", "P"));
    String birthPlace = row.text("birth_place", MAX_TEXT);
    LocalDate birthDate = row.date("birth_date", true);
    if (birthDate != null && (birthDate.isBefore(EARLIEST_BIRTH) || birthDate.isAfter(today))) {
      row.error("birth_date", "date " + birthDate + " is not a possible birth date");
      birthDate = null;
    }
    String blood = row.optional("blood_type");
    if (!blood.isEmpty() && !BLOOD.matcher(blood).matches()) {
      row.error("blood_type", "must be A, B, AB or O with an optional + or -, or -");
    }
    String address = row.text("address", MAX_TEXT);
    String rt = row.matching("rt", RT_RW, "must be 1 to 3 digits");
    String rw = row.matching("rw", RT_RW, "must be 1 to 3 digits");
    String village = row.text("village", MAX_TEXT);
    String district = row.text("district", MAX_TEXT);
    String regency = row.text("regency", MAX_TEXT);
    String province = row.text("province", MAX_TEXT);
    String religion = row.oneOf("religion", RELIGIONS);
    String marital = row.oneOf("marital_status", MARITAL);
    String occupation = row.text("occupation", MAX_TEXT);
    String citizenship = row.oneOf("citizenship", Set.of("WNI", "WNA"));
    String siakStatus = row.matching("siak_status", STATUS, "must be a SIAK status name");
    OffsetDateTime siakStatusAt = row.instant("siak_status_at");
    if (siakStatusAt != null && siakStatusAt.toLocalDate().isAfter(today.plusDays(1))) {
      row.error("siak_status_at", "time " + siakStatusAt + " is in the future");
    }
    RequestReason reason = row.reason();
    String urgentReason = row.optionalText("urgent_reason");
    boolean vulnerable = row.flag("vulnerable");
    boolean disabled = row.flag("disabled");
    String suketNumber = row.optionalText("suket_number");
    LocalDate suketDate = row.date("suket_date", false);
    if (suketDate != null
        && (suketDate.isAfter(today) || (birthDate != null && suketDate.isBefore(birthDate)))) {
      row.error("suket_date", "date " + suketDate + " is not a possible Suket issue date");
    }

    Set<RecordFlag> flags = EnumSet.noneOf(RecordFlag.class);
    String phoneGiven = row.optional("phone");
    Optional<String> phone = Optional.empty();
    Optional<String> phoneRaw = Optional.empty();
    if (!phoneGiven.isEmpty()) {
      phone = PhoneNumbers.normalise(phoneGiven);
      if (phone.isEmpty()) {
        flags.add(RecordFlag.PHONE_INVALID);
        phoneRaw = Optional.of(phoneGiven.length() > 40 ? phoneGiven.substring(0, 40) : phoneGiven);
      }
    }

    Optional<byte[]> photo = row.payload(payloads, RecordFields.PHOTO);
    Optional<byte[]> signature = row.payload(payloads, RecordFields.SIGNATURE);
    Optional<byte[]> fingerprints = row.payload(payloads, RecordFields.FINGERPRINTS);
    photo.ifPresent(
        bytes -> {
          if (!isJpeg(bytes)) {
            row.error(RecordFields.PHOTO, "not a JPEG file");
          }
        });
    signature.ifPresent(
        bytes -> {
          if (!isJpeg(bytes) && !isPng(bytes)) {
            row.error(RecordFields.SIGNATURE, "not a PNG or JPEG file");
          }
        });

    if (!row.errors.isEmpty()) {
      return new Invalid(List.copyOf(row.errors));
    }
    flags.addAll(Nik.disagreements(nik, birthDate, sex));
    if (photo.isEmpty()) {
      flags.add(RecordFlag.PHOTO_MISSING);
    }
    ResidentRecord record =
        new ResidentRecord(
            nik,
            kk,
            name,
            sex,
            birthPlace,
            birthDate,
            blood.isEmpty() ? Optional.empty() : Optional.of(blood),
            address,
            rt,
            rw,
            village,
            district,
            regency,
            province,
            religion,
            marital,
            occupation,
            citizenship,
            siakStatus,
            siakStatusAt,
            reason,
            Optional.ofNullable(urgentReason),
            vulnerable,
            disabled,
            Optional.ofNullable(suketNumber),
            Optional.ofNullable(suketDate),
            phone);
    Payloads found = new Payloads(photo, signature, fingerprints);
    return new Valid(
        new IncomingRecord(raw.line(), record, flags, phoneRaw, found, hash(raw, found)));
  }

  /** SHA-256 over the fields in a fixed order (not the payload paths) and the payload bytes. */
  static String hash(RawRecord raw, Payloads payloads) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    for (String field : RecordFields.ALL) {
      if (field.equals(RecordFields.PHOTO)) {
        break;
      }
      digest.update(raw.get(field).strip().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0x1f);
    }
    for (Optional<byte[]> payload :
        List.of(payloads.photo(), payloads.signature(), payloads.fingerprints())) {
      digest.update((byte) (payload.isPresent() ? 1 : 0));
      payload.ifPresent(digest::update);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static boolean isJpeg(byte[] b) {
    return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
  }

  private static boolean isPng(byte[] b) {
    return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
  }

  /** One row's fields and the errors found so far. */
  private static final class Row {
    private final RawRecord raw;
    private final List<RowError> errors = new ArrayList<>();

    Row(RawRecord raw) {
      this.raw = raw;
    }

    void error(String column, String reason) {
      errors.add(new RowError(raw.line(), column, reason));
    }

    String optional(String column) {
      String value = raw.get(column).strip();
      for (int i = 0; i < value.length(); i++) {
        if (Character.isISOControl(value.charAt(i))) {
          error(column, "contains a control character");
          return "";
        }
      }
      return value;
    }

    String required(String column) {
      String value = optional(column);
      if (value.isEmpty() && errors.stream().noneMatch(e -> e.column().equals(column))) {
        error(column, "is required");
      }
      return value;
    }

    String text(String column, int max) {
      String value = required(column);
      if (value.length() > max) {
        error(column, "longer than " + max + " characters");
      }
      return value;
    }

    String optionalText(String column) {
      String value = optional(column);
      if (value.length() > MAX_TEXT) {
        error(column, "longer than " + MAX_TEXT + " characters");
      }
      return value.isEmpty() ? null : value;
    }

    String oneOf(String column, Set<String> allowed) {
      String value = required(column);
      if (!value.isEmpty() && !allowed.contains(value)) {
        error(column, "'" + shorten(value) + "' is not one of " + new java.util.TreeSet<>(allowed));
      }
      return value;
    }

    String matching(String column, Pattern pattern, String what) {
      String value = required(column);
      if (!value.isEmpty() && !pattern.matcher(value).matches()) {
        error(column, what + ", was '" + shorten(value) + "'");
      }
      return value;
    }

    LocalDate date(String column, boolean required) {
      String value = required ? required(column) : optional(column);
      if (value.isEmpty()) {
        return null;
      }
      try {
        return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
      } catch (DateTimeParseException e) {
        error(column, "'" + shorten(value) + "' is not a date YYYY-MM-DD");
        return null;
      }
    }

    OffsetDateTime instant(String column) {
      String value = required(column);
      if (value.isEmpty()) {
        return null;
      }
      try {
        return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        error(column, "'" + shorten(value) + "' is not an ISO-8601 time with offset");
        return null;
      }
    }

    RequestReason reason() {
      String value = required("reason");
      if (value.isEmpty()) {
        return null;
      }
      try {
        return RequestReason.valueOf(value);
      } catch (IllegalArgumentException e) {
        error(
            "reason",
            "'"
                + shorten(value)
                + "' is not one of "
                + java.util.Arrays.toString(RequestReason.values()));
        return null;
      }
    }

    boolean flag(String column) {
      String value = optional(column);
      return switch (value) {
        case "", "0" -> false;
        case "1" -> true;
        default -> {
          error(column, "must be 1, 0 or empty, was '" + shorten(value) + "'");
          yield false;
        }
      };
    }

    Optional<byte[]> payload(PayloadResolver resolver, String column) {
      String reference = optional(column);
      if (reference.isEmpty()) {
        return Optional.empty();
      }
      PayloadResolver.Resolved resolved = resolver.resolve(column, reference);
      if (resolved instanceof PayloadResolver.Found found) {
        return Optional.of(found.bytes());
      }
      if (resolved instanceof PayloadResolver.Invalid invalid) {
        error(column, invalid.reason());
      }
      return Optional.empty();
    }

    private static String shorten(String value) {
      return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
  }
}
