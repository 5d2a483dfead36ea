package org.cetak.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetak.approval.Approval;
import org.cetak.printing.device.PrinterCondition;
import org.cetak.stock.Printer;
import org.cetak.stock.Printers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words a user reads for the codes Cetak keeps (statuses, locations, reasons, audit events,
 * printer states): {@code label.<kind>.<code>} of the message bundles in the reader's language,
 * Bahasa Indonesia unless English is chosen. A template calls it as {@code ${@labels.of('audit',
 * e.action)}}; a code without wording shows as it is.
 *
 * <p>Some texts are kept as the domain writes them, in a fixed form with values in it (a printer's
 * reason, a request's history note, an audit subject, an import row's refusal): each form has a
 * rule here and a {@code label.<kind>.<rule>} wording with the values as arguments. A text of no
 * known form (a device's own message, an officer's typed reason) shows as it is.
 */
@Component("labels")
public class Labels {

  /** One form of text: its pattern and the wording; each group is an argument of the wording. */
  private record Rule(Pattern pattern, String key, List<String> argKinds) {
    static Rule of(String regex, String key, String... argKinds) {
      return new Rule(Pattern.compile(regex), key, List.of(argKinds));
    }
  }

  private static final String WHY = "why";

  private static final Pattern PCSC_CODE = Pattern.compile("SCARD_[EFW]_[A-Z_]+");

  private static final Pattern NO_CARD =
      Pattern.compile("card (?:is )?not present|no card present", Pattern.CASE_INSENSITIVE);

  /** The PC/SC faults a chip encoder reports that have a wording ({@code label.pcsc.<code>}). */
  static final Set<String> PCSC_FAULTS =
      Set.of(
          "SCARD_W_UNRESPONSIVE_CARD",
          "SCARD_W_UNPOWERED_CARD",
          "SCARD_W_UNSUPPORTED_CARD",
          "SCARD_W_REMOVED_CARD",
          "SCARD_W_RESET_CARD",
          "SCARD_E_NO_SMARTCARD",
          "SCARD_E_NOT_TRANSACTED",
          "SCARD_E_PROTO_MISMATCH",
          "SCARD_E_TIMEOUT",
          "SCARD_E_NO_SERVICE",
          "SCARD_E_SERVICE_STOPPED",
          "SCARD_E_INVALID_HANDLE",
          "SCARD_F_COMM_ERROR",
          "SCARD_E_NO_READERS_AVAILABLE",
          "SCARD_E_UNKNOWN_READER",
          "SCARD_E_READER_UNAVAILABLE",
          "SCARD_E_SHARING_VIOLATION");

  private static final List<Rule> PRINTER_REASONS =
      List.of(
          Rule.of(
              "settled by ([^:]+): ([A-Z_]+)(.*?)(?:; resume when the printer is ready)?",
              "label.printerReason.settled",
              "",
              "sighting",
              ""),
          Rule.of("paused by ([^:]+)", "label.printerReason.paused"),
          Rule.of("paused by ([^:]+): (.*)", "label.printerReason.pausedBecause"),
          Rule.of("resumed by (.+)", "label.printerReason.resumed"),
          Rule.of("demo started", "label.printerReason.demoStarted"),
          Rule.of("cooled", "label.printerReason.cooled"),
          Rule.of("outcome settled from evidence", "label.printerReason.settledFromEvidence"),
          Rule.of("duty cycle of (.+) reached: resting (\\d+) s", "label.printerReason.dutyCycle"));

  private static final List<Rule> REQUEST_NOTES =
      List.of(
          Rule.of("printing", "label.note.printing"),
          Rule.of("handed over", "label.note.handedOver"),
          Rule.of(
              "handed over to a representative (.+) with authority letter (.+)",
              "label.note.handedOverRepresentative"),
          Rule.of("approved reprint", "label.note.reprint"),
          Rule.of("printed, chip (\\S*)", "label.note.printed"),
          Rule.of("printed, chip (\\S*), to be checked", "label.note.printedToCheck"),
          Rule.of("quality check passed: chip (\\S+)", "label.note.checkPassed"),
          Rule.of("rejected at quality check: (\\w+)", "label.note.checkRejected", "checkReason"),
          Rule.of(
              "rejected at quality check: (\\w+), (.*)",
              "label.note.checkRejectedBecause",
              "checkReason",
              WHY),
          Rule.of(
              "reserved by allocation run (\\d+), tier (\\d+), rule (.*), rank (\\d+)",
              "label.note.reserved"),
          Rule.of("urgent walk-in approved, run (\\d+)", "label.note.urgentWalkIn"),
          Rule.of(
              "reservation released: (\\d+) usable blanks for (\\d+) reservations after blanks"
                  + " were spoiled or lost; back in the queue with its priority",
              "label.note.reservationReleased"),
          Rule.of("record changed upstream, imported from (.+)", "label.note.changedUpstream"),
          Rule.of(
              "withdrawn: upstream status is no longer PRINT_READY_RECORD, imported from (.+)",
              "label.note.withdrawnUpstream"),
          Rule.of("follows closed request (\\d+), imported from (.+)", "label.note.followsRequest"),
          Rule.of("imported from (.+)", "label.note.imported"),
          Rule.of("upstream status (\\S+)", "label.note.upstreamStatus"),
          Rule.of("no card picked: (.+)", "label.note.noCardPicked", WHY),
          Rule.of("spoiled \\((\\w+)\\): (.*)", "label.note.spoiled", "spoilReason", WHY));

  private static final List<Rule> AUDIT_SUBJECTS =
      List.of(
          Rule.of("unknown user", "label.subject.unknownUser"),
          Rule.of("user (.+)", "label.subject.user"),
          Rule.of("request (\\d+) \\(NIK (\\S+)\\)", "label.subject.requestOfNik"),
          Rule.of("request (\\d+)", "label.subject.request"),
          Rule.of("print job (\\d+)", "label.subject.printJob"),
          Rule.of("device file of node (.+)", "label.subject.deviceFile"),
          Rule.of("printer (.+)", "label.subject.printer"),
          Rule.of("loan (.+)", "label.subject.loan"),
          Rule.of("drop (.+)", "label.subject.drop"),
          Rule.of("approval (\\d+)", "label.subject.approval"),
          Rule.of("priority policy v(\\d+)", "label.subject.policy"),
          Rule.of("token (.+)", "label.subject.token"),
          Rule.of("status push (\\d+)", "label.subject.statusPush"),
          Rule.of("loss report (.+)", "label.subject.lossReport"),
          Rule.of("NIK (\\S+)", "label.subject.nik"),
          Rule.of("office:(\\d+)", "label.subject.office"),
          Rule.of("sms_outbox:(\\d+)", "label.subject.sms"),
          Rule.of("ByNik\\[(\\S+)\\]", "label.subject.byNik"),
          Rule.of("ByName\\[(\\d+) letters\\]", "label.subject.byName"),
          Rule.of("ByName\\[(\\d+) letters, born\\]", "label.subject.byNameBorn"),
          Rule.of("BySuket\\[number=(.*)\\]", "label.subject.bySuket"));

  private static final List<Rule> AUDIT_DETAILS =
      List.of(
          Rule.of("(\\d+) found", "label.detail.found"),
          Rule.of("(\\d+) blanks", "label.detail.blanks"),
          Rule.of("(\\d+) blanks to (.+)", "label.detail.blanksTo"),
          Rule.of("(\\d+) blanks returned, document (.+)", "label.detail.blanksReturned"),
          Rule.of("(\\d+) blanks back in the vault", "label.detail.blanksBack"),
          Rule.of(
              "(\\d+) blanks from ([A-Z_]+(?:\\(printer \\d+\\))?)",
              "label.detail.lostFrom",
              "",
              "place"),
          Rule.of("(\\d+) blanks from (.+)", "label.detail.blanksFrom"),
          Rule.of("from (\\S+), wrong password (\\d+) of (\\d+)", "label.detail.wrongPassword"),
          Rule.of("(\\d+) wrong passwords in a row", "label.detail.lockedAfter"),
          Rule.of("from (\\S+)", "label.detail.from"),
          Rule.of("(\\S+) from (\\S+)", "label.detail.signedIn"),
          Rule.of("card face (FRONT|BACK)", "label.detail.cardFace", "side"),
          Rule.of("counter handover", "label.detail.counterHandover"),
          Rule.of(
              "(\\d+) printer\\(s\\) on this node; added (.+); removed (.+); changed (.+)",
              "label.detail.devicesReloaded"),
          Rule.of(
              "rows (\\d+): new (\\d+), reopened (\\d+), updated (\\d+), withdrawn (\\d+),"
                  + " unchanged (\\d+), not ready (\\d+), being printed (\\d+); flagged: birth"
                  + " date (\\d+), sex (\\d+), phone (\\d+), photo (\\d+)",
              "label.detail.imported"),
          Rule.of("role ([A-Z_]+)", "label.detail.role", "role"),
          Rule.of("([A-Z_]+) left by node (\\S+)", "label.detail.leftByNode", "sighting", ""),
          Rule.of(
              "chip (\\S+) already recorded for the card of print job (\\d+)",
              "label.detail.chipUidRepeated"),
          Rule.of(
              "request (\\d+) passed, chip (\\S+) \\(reader\\)",
              "label.detail.cardCheckedByReader"),
          Rule.of("request (\\d+) passed, chip (\\S+)", "label.detail.cardChecked"),
          Rule.of(
              "request (\\d+) rejected: ([A-Z_]+), chip (\\S+)",
              "label.detail.cardRejected",
              "",
              "checkReason",
              ""),
          Rule.of(
              "request (\\d+) rejected: ([A-Z_]+), chip ?",
              "label.detail.cardRejectedNoChip",
              "",
              "checkReason"));

  /** A place of the ledger as {@code Place} writes it: {@code VAULT}, {@code FEEDER(printer 3)}. */
  private static final String PLACE = "([A-Z_]+(?:\\(printer \\d+\\))?)";

  /**
   * The summary each kind of two-person approval is proposed with, one form per kind, worded as
   * {@code label.approval.<kind>}.
   */
  private static final Map<String, Rule> APPROVAL_SUMMARIES =
      Map.of(
          "REPRINT",
          Rule.of("reprint of request (\\d+)", "label.approval.REPRINT"),
          "WRITE_OFF",
          Rule.of(
              "Write off (\\d+) blanks from " + PLACE + " \\(([A-Z_]+)\\)",
              "label.approval.WRITE_OFF",
              "",
              "place",
              "spoilReason"),
          "DESTRUCTION",
          Rule.of("Destruction report (.+): (\\d+) cards", "label.approval.DESTRUCTION"),
          "LOSS",
          Rule.of(
              "Berita acara kehilangan (.+): (\\d+) blanko dari " + PLACE,
              "label.approval.LOSS",
              "",
              "",
              "place"),
          "DROP_REVERSAL",
          Rule.of(
              "Pembatalan serah terima (.+): (\\d+) blanko kembali ke pusat",
              "label.approval.DROP_REVERSAL"));

  /** What the audit trail keeps of an approval proposed or decided: its kind and summary. */
  private static final Pattern APPROVAL_DETAIL = Pattern.compile("([A-Z_]+): (.+)");

  private static final List<Rule> ROW_REASONS =
      List.of(
          Rule.of("is required", "label.row.required"),
          Rule.of("required field is missing", "label.row.fieldMissing"),
          Rule.of("required column is missing", "label.row.columnMissing"),
          Rule.of("unknown column", "label.row.unknownColumn"),
          Rule.of("unknown field", "label.row.unknownField"),
          Rule.of("column appears twice", "label.row.columnTwice"),
          Rule.of("field appears twice", "label.row.fieldTwice"),
          Rule.of("must be text \\(a JSON string\\)", "label.row.notText"),
          Rule.of("records.json must be an array of objects", "label.row.notArray"),
          Rule.of("the file is empty: a header row is required", "label.row.emptyFile"),
          Rule.of("the file holds no records", "label.row.noRecords"),
          Rule.of("has (\\d+) fields, the header has (\\d+)", "label.row.fieldCount"),
          Rule.of("longer than (\\d+) characters", "label.row.tooLong"),
          Rule.of("the line is longer than (\\d+) characters", "label.row.lineTooLong"),
          Rule.of("contains a control character", "label.row.controlCharacter"),
          Rule.of("'(.*)' is not one of \\[(.*)\\]", "label.row.notOneOf"),
          Rule.of("'(.*)' is not a date YYYY-MM-DD", "label.row.notDate"),
          Rule.of("'(.*)' is not an ISO-8601 time with offset", "label.row.notTime"),
          Rule.of("must be 1, 0 or empty, was '(.*)'", "label.row.notFlag"),
          Rule.of("must be 1 to 3 digits, was '(.*)'", "label.row.notRtRw"),
          Rule.of("must be a SIAK status name, was '(.*)'", "label.row.notStatus"),
          Rule.of(
              "must be A, B, AB or O with an optional \\+ or -, or -", "label.row.notBloodType"),
          Rule.of("date (\\S+) is not a possible birth date", "label.row.birthDate"),
          Rule.of("date (\\S+) is not a possible Suket issue date", "label.row.suketDate"),
          Rule.of("time (\\S+) is in the future", "label.row.future"),
          Rule.of(
              "path '(.*)' must be relative and stay inside the bundle", "label.row.pathOutside"),
          Rule.of("path '(.*)' leaves the bundle", "label.row.pathOutside"),
          Rule.of("path '(.*)' links outside the bundle", "label.row.pathLinks"),
          Rule.of("file '(.*)' is larger than (\\d+) KB", "label.row.payloadTooLarge"),
          Rule.of(
              "cannot read '(.*)': it is encrypted or compressed with a method Cetak cannot read",
              "label.row.payloadUnreadable"),
          Rule.of(
              "cannot read '(.*)': its data does not match its CRC", "label.row.payloadDamaged"),
          Rule.of(
              "cannot read '(.*)': its compressed data is damaged(?:: .*)?",
              "label.row.payloadCompressedDamaged"),
          Rule.of(
              "cannot read '(.*)': (?:its compressed data ends early|the zip ends inside it)",
              "label.row.payloadCutShort"),
          Rule.of(
              "cannot read '(.*)': (?:its data does not match its size|its stored size does not"
                  + " match its size|its compressed size does not fit its size)",
              "label.row.payloadSizeWrong"),
          Rule.of("cannot read '(.*)': (.*)", "label.row.payloadCannotRead"),
          Rule.of("not a JPEG file", "label.row.notJpeg"),
          Rule.of("not a PNG or JPEG file", "label.row.notPngOrJpeg"),
          Rule.of("must be 16 digits", "label.row.sixteenDigits"),
          Rule.of("unknown kecamatan code (\\d+)", "label.row.unknownDistrict"),
          Rule.of(
              "date digits (\\d+) are not a date \\(DDMMYY, \\+40 for women\\)",
              "label.row.nikDate"),
          Rule.of("sequence 0000 is not issued \\(it starts at 0001\\)", "label.row.nikSequence"),
          Rule.of("the same NIK is already on line (\\d+) of this file", "label.row.sameNik"),
          Rule.of(
              "double data: this NIK already has an active print request at office (\\S+)",
              "label.row.doubleData"),
          Rule.of("a quoted field is not closed before the end of the file", "label.row.openQuote"),
          Rule.of("a carriage return not followed by a line feed", "label.row.loneReturn"),
          Rule.of("text after the closing quote of a field", "label.row.afterQuote"),
          Rule.of("a quote inside an unquoted field", "label.row.strayQuote"));

  /** What a print station writes as the actor of its steps: the printer's code or its number. */
  private static final Pattern STATION = Pattern.compile("station:(.+)");

  private final MessageSource messages;
  private final Printers printers;

  public Labels(MessageSource messages, Printers printers) {
    this.messages = messages;
    this.printers = printers;
  }

  /**
   * Who did something, as a person reads it: a print station's step ({@code station:PRN-1}, or
   * {@code station:3} by the printer's number) is the printer's own doing, "Printer PRN-1
   * (otomatis)"; a user's name shows as it is.
   */
  public String actor(String actor) {
    return actor(actor, LocaleContextHolder.getLocale());
  }

  /** The same in a given language. */
  public String actor(String actor, Locale locale) {
    if (actor == null || actor.isBlank()) {
      return "-";
    }
    Matcher m = STATION.matcher(actor);
    if (!m.matches()) {
      return actor;
    }
    String printer = m.group(1);
    if (printer.chars().allMatch(Character::isDigit) && printer.length() < 19) {
      printer = printers.byId(Long.parseLong(printer)).map(Printer::code).orElse("#" + printer);
    }
    return messages.getMessage("label.actor.station", new Object[] {printer}, actor, locale);
  }

  /** The wording of {@code code} of a kind ({@code status}, {@code location}, {@code audit}…). */
  public String of(String kind, Object code) {
    return of(kind, code, LocaleContextHolder.getLocale());
  }

  /** The same in a given language. */
  public String of(String kind, Object code, Locale locale) {
    if (code == null) {
      return "-";
    }
    String text = String.valueOf(code);
    return messages.getMessage("label." + kind + "." + text, null, text, locale);
  }

  /**
   * A place of the ledger as {@code Place} writes it ({@code FEEDER(printer 3)}, {@code VAULT}) in
   * the reader's language: "Feeder printer 3", "Gudang".
   */
  public String place(Object place) {
    return place(place, LocaleContextHolder.getLocale());
  }

  private String place(Object place, Locale locale) {
    String text = String.valueOf(place);
    Matcher m = Pattern.compile("([A-Z_]+)\\(printer (\\d+)\\)").matcher(text);
    if (m.matches()) {
      return messages.getMessage(
          "label.location.atPrinter",
          new Object[] {of("location", m.group(1), locale), m.group(2)},
          locale);
    }
    return of("location", text, locale);
  }

  /**
   * Why a printer is in its state, as the station or an officer put it, in the reader's language
   * where Cetak knows the wording; other reasons (a device's own message) show as they are.
   */
  public String printerReason(String reason) {
    return printerReason(reason, LocaleContextHolder.getLocale());
  }

  /** The same in a given language. */
  public String printerReason(String reason, Locale locale) {
    if (reason == null || reason.isBlank()) {
      return "";
    }
    for (PrinterCondition condition : PrinterCondition.values()) {
      if (!condition.advice().isEmpty() && reason.equals(condition.advice())) {
        return messages.getMessage("label.condition." + condition.name(), null, reason, locale);
      }
    }
    return word(PRINTER_REASONS, reason, locale);
  }

  /**
   * Why a printer is in its mode, as an operator reads it: the wording of the station's {@link
   * org.cetak.printing.HaltCause} (what happened and what to do) when it halted the printer,
   * otherwise the reason as {@link #printerReason(String)} words it.
   */
  public String printerReason(Optional<String> cause, String reason) {
    return printerReason(cause, reason, LocaleContextHolder.getLocale());
  }

  /** The same in a given language. */
  public String printerReason(Optional<String> cause, String reason, Locale locale) {
    return cause
        .map(c -> messages.getMessage("label.haltCause." + c, null, c, locale))
        .orElseGet(() -> printerReason(reason, locale));
  }

  /**
   * The same followed by the device's own text ("Keterangan perangkat: no reply to Rst"), for a
   * place with room for one line.
   */
  public String printerReasonWithDetail(Optional<String> cause, String reason, Locale locale) {
    String worded = printerReason(cause, reason, locale);
    if (cause.isEmpty() || reason == null || reason.isBlank()) {
      return worded;
    }
    return worded + ". " + deviceDetail(reason, locale);
  }

  /**
   * The device's own text beside a station's cause: "Keterangan perangkat: …", led by what a chip
   * encoder's PC/SC fault means ({@code label.pcsc.<code>}) when the text names a known one; {@link
   * #deviceExplained} tells whether it did, so the page keeps the device's text beside.
   */
  public String deviceDetail(String detail) {
    return deviceDetail(detail, LocaleContextHolder.getLocale());
  }

  /** The same in a given language. */
  public String deviceDetail(String detail, Locale locale) {
    String said =
        pcscFault(detail)
            .map(code -> messages.getMessage("label.pcsc." + code, null, detail, locale))
            .orElse(detail);
    return messages.getMessage("label.deviceDetail", new Object[] {said}, detail, locale);
  }

  /** Whether {@link #deviceDetail} words the device's text in the reader's language. */
  public boolean deviceExplained(String detail) {
    return pcscFault(detail).isPresent();
  }

  /** The device's own text, as it came, under the explanation: "Teks perangkat: …". */
  public String deviceText(String detail) {
    return deviceText(detail, LocaleContextHolder.getLocale());
  }

  /** The same in a given language. */
  public String deviceText(String detail, Locale locale) {
    return messages.getMessage("label.deviceText", new Object[] {detail}, detail, locale);
  }

  /**
   * The PC/SC code a reader's text names ({@code SCARD_W_UNRESPONSIVE_CARD}), or {@code NO_CARD}
   * for the JDK's "card not present", when Cetak has its wording.
   */
  private static Optional<String> pcscFault(String detail) {
    if (detail == null) {
      return Optional.empty();
    }
    Matcher code = PCSC_CODE.matcher(detail);
    if (code.find() && PCSC_FAULTS.contains(code.group())) {
      return Optional.of(code.group());
    }
    return NO_CARD.matcher(detail).find() ? Optional.of("NO_CARD") : Optional.empty();
  }

  /** A note of a request's status history ("printed, chip 04A1…") in the reader's language. */
  public String requestNote(String note) {
    return word(REQUEST_NOTES, note, LocaleContextHolder.getLocale());
  }

  /**
   * A move of a request's status history in the reader's language: a move to outcome unknown with
   * the station's {@link org.cetak.printing.HaltCause} reads as the print's outcome awaiting the
   * operator's decision, for that cause; any other as {@link #requestNote(String)} words its note.
   */
  public String requestNote(Optional<String> cause, String note) {
    return requestNote(cause, note, LocaleContextHolder.getLocale());
  }

  /** The same in a given language. */
  public String requestNote(Optional<String> cause, String note, Locale locale) {
    if (cause.isEmpty()) {
      return word(REQUEST_NOTES, note, locale);
    }
    String code = cause.get();
    String worded =
        messages.getMessage(
            "label.cardUnknown." + code,
            null,
            messages.getMessage("label.haltCause." + code, null, code, locale),
            locale);
    return messages.getMessage("label.note.outcomeUnknownCause", new Object[] {worded}, locale);
  }

  /** What an audit event is about ("request 12", "user budi") in the reader's language. */
  public String auditSubject(String subject) {
    return auditSubject(subject, LocaleContextHolder.getLocale());
  }

  /** The same in a given language. */
  public String auditSubject(String subject, Locale locale) {
    return word(AUDIT_SUBJECTS, subject, locale);
  }

  /** The detail of an audit event ("3 found", "12 blanks") in the reader's language. */
  public String auditDetail(String detail) {
    return auditDetail(detail, LocaleContextHolder.getLocale());
  }

  /**
   * The same in a given language. A proposal or decision of an approval ({@code REPRINT: reprint of
   * request 12}) reads as its summary does on the pages.
   */
  public String auditDetail(String detail, Locale locale) {
    Matcher m = detail == null ? null : APPROVAL_DETAIL.matcher(detail);
    if (m != null && m.matches()) {
      Rule rule = APPROVAL_SUMMARIES.get(m.group(1));
      if (rule != null && rule.pattern().matcher(m.group(2)).matches()) {
        return word(List.of(rule), m.group(2), locale);
      }
    }
    return word(AUDIT_DETAILS, detail, locale);
  }

  /**
   * What an approval is about, as its kind's proposal summarises it ("reprint of request 12"), in
   * the reader's language: "Cetak ulang permohonan 12"; a summary of no known form shows as stored.
   */
  public String approvalSummary(Approval approval) {
    return approvalSummary(approval, LocaleContextHolder.getLocale());
  }

  /** The same in a given language. */
  public String approvalSummary(Approval approval, Locale locale) {
    Rule rule = APPROVAL_SUMMARIES.get(approval.kind());
    return rule == null ? approval.summary() : word(List.of(rule), approval.summary(), locale);
  }

  /** Why an import refused a row, in a given language. */
  public String rowReason(String reason, Locale locale) {
    String text = bilingual(reason, locale);
    return word(ROW_REASONS, text, locale);
  }

  private String word(List<Rule> rules, String text, Locale locale) {
    if (text == null || text.isBlank()) {
      return "";
    }
    for (Rule rule : rules) {
      Matcher m = rule.pattern().matcher(text);
      if (m.matches()) {
        Object[] args = new Object[m.groupCount()];
        for (int i = 0; i < args.length; i++) {
          String kind = i < rule.argKinds().size() ? rule.argKinds().get(i) : "";
          args[i] = argument(kind, m.group(i + 1), locale);
        }
        return messages.getMessage(rule.key(), args, text, locale);
      }
    }
    return text;
  }

  private String argument(String kind, String value, Locale locale) {
    if (value == null) {
      return "";
    }
    return switch (kind) {
      case "" -> value;
      case WHY -> printerReason(value, locale);
      case "place" -> place(value, locale);
      default -> of(kind, value, locale);
    };
  }

  /**
   * A text the domain writes in both languages ("Indonesian / English") in the reader's one; any
   * other text as it is.
   */
  private static String bilingual(String text, Locale locale) {
    int slash = text.indexOf(" / ");
    if (slash < 0 || text.indexOf(" / ", slash + 1) >= 0) {
      return text;
    }
    return "en".equals(locale.getLanguage()) ? text.substring(slash + 3) : text.substring(0, slash);
  }
}
