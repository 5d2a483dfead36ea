package org.cetak.allocation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cetak.allocation.QueueDesk;
import org.cetak.allocation.QueueExplanation;
import org.cetak.allocation.QueueLookup;
import org.cetak.common.DateText;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.common.OfficeZones;
import org.cetak.office.Access;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.platform.ApiError;
import org.cetak.printing.face.CardSide;
import org.cetak.request.RequestSearch;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The queue page (antrean): find a resident's request by NIK, by name (with the birth date) or by
 * Suket number, and read its history, why it is not printed yet with the estimated print date, and
 * (for those who may) its card face. The NIK and name are masked; the card face, which shows the
 * full NIK, is drawn only when the officer asks for it, and each view is in the audit trail.
 */
@Controller
public class QueuePage {

  private final QueueDesk desk;
  private final CurrentUser currentUser;
  private final Access access;
  private final MessageSource messages;
  private final Clock clock;
  private final OfficeZones zones;

  public QueuePage(
      QueueDesk desk,
      CurrentUser currentUser,
      Access access,
      MessageSource messages,
      Clock clock,
      OfficeZones zones) {
    this.desk = desk;
    this.zones = zones;
    this.currentUser = currentUser;
    this.access = access;
    this.messages = messages;
    this.clock = clock;
  }

  /** A blocker in the reader's language. */
  public record BlockerText(String kind, String text) {}

  /** The page, and a request of the office by its number (the links of a search's results). */
  @GetMapping("/queue")
  @Allow(Permission.EXPLAIN_QUEUE)
  String page(
      Office office,
      @RequestParam(name = "request", required = false) Long requestId,
      @RequestParam(name = "face", defaultValue = "") String face,
      Locale locale,
      Model model) {
    return render(office, Search.NONE, requestId, face, locale, model);
  }

  /**
   * A search by NIK, by name (with the birth date) or by Suket number. The form posts it, so what
   * was typed stays out of the address, the browser's history and the access logs.
   */
  @PostMapping("/queue")
  @Allow(Permission.EXPLAIN_QUEUE)
  String search(
      Office office,
      @RequestParam(name = "nik", defaultValue = "") String nik,
      @RequestParam(name = "name", defaultValue = "") String name,
      @RequestParam(name = "birthDate", defaultValue = "") String birthDate,
      @RequestParam(name = "suket", defaultValue = "") String suket,
      Locale locale,
      Model model) {
    return render(office, new Search(nik, name, birthDate, suket), null, "", locale, model);
  }

  /** What the officer typed into one of the search forms. */
  private record Search(String nik, String name, String birthDate, String suket) {
    static final Search NONE = new Search("", "", "", "");

    boolean given() {
      return !nik.isBlank() || !name.isBlank() || !suket.isBlank();
    }

    @Override
    public String toString() {
      return "Search[" + (nik.isBlank() ? "" : "nik") + "]";
    }
  }

  private String render(
      Office office, Search search, Long shown, String face, Locale locale, Model model) {
    User user = currentUser.get();
    Long requestId = shown;
    model.addAttribute("office", office);
    model.addAttribute("name", search.name());
    model.addAttribute("birthDate", search.birthDate());
    model.addAttribute("suket", search.suket());
    model.addAttribute("when", new DateText(clock.withZone(zones.of(office.id())), locale));
    boolean maySeeFace = access.allows(user, Permission.SEE_CARD_FACE, office.id());
    model.addAttribute("maySeeFace", maySeeFace);
    try {
      if (search.given()) {
        RequestSearch query =
            QueueDesk.search(
                search.nik(), search.name(), parseDate(search.birthDate()), search.suket());
        List<QueueLookup.Entry> found = desk.find(office.id(), query, user);
        model.addAttribute("found", found);
        if (found.size() == 1) {
          requestId = found.get(0).requestId();
        } else if (!found.isEmpty()
            && found.stream().map(QueueLookup.Entry::nik).distinct().count() == 1) {
          // one resident who came back: the latest request is the one asked about, the list
          // above it names the earlier ones
          requestId = found.stream().mapToLong(QueueLookup.Entry::requestId).max().getAsLong();
        }
      }
      if (requestId != null) {
        QueueLookup.Entry request = desk.request(office.id(), requestId, user);
        model.addAttribute("request", request);
        model.addAttribute("history", desk.history(request));
        Optional<QueueExplanation> why = desk.explain(request);
        model.addAttribute("why", why.orElse(null));
        model.addAttribute(
            "blockers",
            why.map(w -> w.blockers().stream().map(b -> blocker(b, locale)).toList())
                .orElse(List.of()));
        model.addAttribute("drop", why.map(w -> assumption(w.expectedDrop(), locale)).orElse(""));
        if (maySeeFace) {
          parseSide(face).ifPresent(side -> model.addAttribute("face", side.name()));
        }
      }
    } catch (DomainException e) {
      if (e.kind() == ErrorCode.Kind.FORBIDDEN) {
        throw e;
      }
      model.addAttribute("error", messages.getMessage("error." + e.code(), null, e.code(), locale));
    }
    return "queue";
  }

  private BlockerText blocker(QueueExplanation.Blocker b, Locale locale) {
    Object value =
        b.kind() == QueueExplanation.Blocker.Kind.NOT_WAITING
            ? messages.getMessage("label.status." + b.value(), null, b.value(), locale)
            : b.value();
    return new BlockerText(
        b.kind().name(),
        messages.getMessage("queue.blocker." + b.kind().name(), new Object[] {value}, locale));
  }

  /** What the estimate assumes of the next drops, in the reader's language. */
  private String assumption(QueueExplanation.ExpectedDrop drop, Locale locale) {
    DateText dates = new DateText(clock, locale);
    return messages.getMessage(
        "queue.drop." + drop.source(),
        new Object[] {drop.quantity(), drop.everyDays(), drop.deliveries(), dates.day(drop.next())},
        locale);
  }

  private static Optional<LocalDate> parseDate(String text) {
    if (text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      throw new DomainException(
          ApiError.INVALID_PARAMETER, "birthDate: " + text.length() + " characters");
    }
  }

  private static Optional<CardSide> parseSide(String face) {
    for (CardSide side : CardSide.values()) {
      if (side.name().equals(face)) {
        return Optional.of(side);
      }
    }
    return Optional.empty();
  }
}
