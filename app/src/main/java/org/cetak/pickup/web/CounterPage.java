package org.cetak.pickup.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cetak.common.DateText;
import org.cetak.common.DomainException;
import org.cetak.common.Field;
import org.cetak.common.OfficeZones;
import org.cetak.office.Access;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.pickup.CardAtCounter;
import org.cetak.pickup.Handover;
import org.cetak.pickup.HandoverForm;
import org.cetak.pickup.OldCard;
import org.cetak.pickup.PickupService;
import org.cetak.pickup.Recipient;
import org.cetak.platform.FieldLabel;
import org.cetak.platform.Problems;
import org.cetak.printing.FirstCard;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counter officer's pages (loket pengambilan): find a card, hand it over with the identity
 * checks, and the cards nobody collected yet. A refused handover answers in the officer's language
 * and changes nothing; a user without the counter role gets 403.
 */
@Controller
public class CounterPage {

  private final PickupService pickup;
  private final CurrentUser currentUser;
  private final Access access;
  private final MessageSource messages;
  private final Clock clock;
  private final Problems problems;
  private final OfficeZones zones;

  public CounterPage(
      PickupService pickup,
      CurrentUser currentUser,
      Access access,
      MessageSource messages,
      Clock clock,
      Problems problems,
      OfficeZones zones) {
    this.problems = problems;
    this.zones = zones;
    this.access = access;
    this.pickup = pickup;
    this.currentUser = currentUser;
    this.messages = messages;
    this.clock = clock;
  }

  /** The counter's page with its search forms. */
  @GetMapping("/pickup")
  @Allow(Permission.FIND_CARD)
  String page(Office office, Locale locale, Model model) {
    User user = currentUser.get();
    model.addAttribute("office", office);
    model.addAttribute("when", new DateText(clock.withZone(zones.of(office.id())), locale));
    pickup.unclaimed(office.id(), user); // the page is the counter's: refuse others now
    return "pickup";
  }

  /**
   * A search by NIK, by name (and birth date) or by Suket number. The form posts it, so what was
   * typed stays out of the address, the browser's history and the access logs.
   */
  @PostMapping("/pickup")
  @Allow(Permission.FIND_CARD)
  String find(
      Office office,
      @RequestParam(name = "nik", defaultValue = "") String nik,
      @RequestParam(name = "name", defaultValue = "") String name,
      @RequestParam(name = "birthDate", defaultValue = "") String birthDate,
      @RequestParam(name = "suket", defaultValue = "") String suket,
      Locale locale,
      Model model) {
    if (nik.isBlank() && name.isBlank() && suket.isBlank()) {
      model.addAttribute("error", messages.getMessage("pickup.searchEmpty", null, locale));
      return page(office, locale, model);
    }
    User user = currentUser.get();
    model.addAttribute("office", office);
    model.addAttribute("name", name);
    model.addAttribute("birthDate", birthDate);
    model.addAttribute("suket", suket);
    model.addAttribute("when", new DateText(clock.withZone(zones.of(office.id())), locale));
    try {
      Optional<LocalDate> born = parseDate(birthDate);
      List<CardAtCounter> cards =
          pickup.find(office.id(), PickupApi.query(nik, name, born.orElse(null), suket), user);
      model.addAttribute("cards", cards);
    } catch (DomainException e) {
      if (e.kind() == org.cetak.common.ErrorCode.Kind.FORBIDDEN) {
        throw e;
      }
      model.addAttribute("error", wording(e, locale));
    }
    return "pickup";
  }

  @GetMapping("/pickup/{requestId}")
  @Allow(Permission.FIND_CARD)
  String card(
      Office office,
      @PathVariable("requestId") long requestId,
      @RequestParam(name = "show", defaultValue = "") String show,
      Locale locale,
      Model model) {
    User user = currentUser.get();
    CardAtCounter card = pickup.card(office.id(), requestId, user);
    boolean mayShow = access.allows(user, Permission.HAND_OVER_CARD, office.id());
    model.addAttribute("mayShowNik", mayShow);
    model.addAttribute("mayHandOver", mayShow);
    boolean firstCardMissing = pickup.firstCardAwaited(office.id(), requestId, user);
    model.addAttribute("firstCardMissing", firstCardMissing);
    boolean reprintAwaitingPrint = pickup.reprintAwaitingPrint(office.id(), requestId, user);
    model.addAttribute("reprintAwaitingPrint", reprintAwaitingPrint);
    model.addAttribute("collectable", card.collectable() && !reprintAwaitingPrint);
    model.addAttribute(
        "firstCardAwaited", card.collectable() && !reprintAwaitingPrint && firstCardMissing);
    if (mayShow && show.equals("nik")) {
      model.addAttribute("fullNik", pickup.showNik(office.id(), requestId, user));
    }
    model.addAttribute("office", office);
    model.addAttribute("card", card);
    model.addAttribute("handover", pickup.handover(office.id(), requestId, user).orElse(null));
    model.addAttribute("fingerprintReader", pickup.fingerprintReader());
    model.addAttribute("when", new DateText(clock.withZone(zones.of(office.id())), locale));
    return "pickup-card";
  }

  @PostMapping("/pickup/{requestId}/handover")
  @Allow(Permission.HAND_OVER_CARD)
  String handOver(
      Office office,
      @PathVariable("requestId") long requestId,
      @RequestParam(name = "suketShown", defaultValue = "false") boolean suketShown,
      @RequestParam(name = "faceMatches", defaultValue = "false") boolean faceMatches,
      @RequestParam(name = "fingerprintVerified", required = false) Boolean fingerprintVerified,
      @RequestParam(name = "recipient", defaultValue = "RESIDENT") @FieldLabel("pickup.recipient")
          Recipient recipient,
      @RequestParam(name = "representativeName", defaultValue = "") String representativeName,
      @RequestParam(name = "authorityLetterNo", defaultValue = "") String authorityLetterNo,
      @RequestParam(name = "oldCard", defaultValue = "NONE") @FieldLabel("pickup.oldCard")
          OldCard oldCard,
      @RequestParam(name = "oldCardUid", defaultValue = "") String oldCardUid,
      @RequestParam(name = "oldCardSerial", defaultValue = "") String oldCardSerial,
      @RequestParam(name = "policeReportNo", defaultValue = "") String policeReportNo,
      @RequestParam(name = "firstCardOutcome", defaultValue = "") String firstCardOutcome,
      @RequestParam(name = "firstCardUid", defaultValue = "") String firstCardUid,
      @RequestParam(name = "firstCardSerial", defaultValue = "") String firstCardSerial,
      @RequestParam(name = "firstCardPoliceReportNo", defaultValue = "")
          String firstCardPoliceReportNo,
      Locale locale,
      RedirectAttributes redirect) {
    User user = currentUser.get();
    try {
      HandoverForm form =
          new HandoverForm(
              suketShown,
              faceMatches,
              pickup.fingerprintReader()
                  ? Optional.of(Boolean.TRUE.equals(fingerprintVerified))
                  : Optional.empty(),
              recipient,
              Optional.of(representativeName),
              Optional.of(authorityLetterNo),
              oldCard,
              Optional.of(oldCardUid),
              Optional.of(oldCardSerial),
              Optional.of(policeReportNo),
              FirstCard.of(
                  firstCardOutcome, firstCardUid, firstCardSerial, firstCardPoliceReportNo));
      Handover handover = pickup.handOver(office.id(), requestId, form, user);
      redirect.addFlashAttribute(
          "notice",
          messages.getMessage(
              "pickup.done." + handover.form().oldCard(),
              new Object[] {handover.cardUid()},
              locale));
    } catch (DomainException e) {
      if (e.kind() == org.cetak.common.ErrorCode.Kind.FORBIDDEN) {
        throw e;
      }
      redirect.addFlashAttribute("error", wording(e, locale));
    }
    return "redirect:/pickup/" + requestId + "?office=" + office.code();
  }

  @GetMapping("/pickup/unclaimed")
  @Allow(Permission.SEE_HANDOVERS)
  String unclaimed(Office office, Locale locale, Model model) {
    User user = currentUser.get();
    model.addAttribute("office", office);
    model.addAttribute("cards", pickup.unclaimed(office.id(), user));
    model.addAttribute("when", new DateText(clock.withZone(zones.of(office.id())), locale));
    return "pickup-unclaimed";
  }

  /**
   * A refusal in the officer's language; one that names a field (a text too long, a date that is
   * none) says which, with what was wrong.
   */
  private String wording(DomainException e, Locale locale) {
    String said =
        Arrays.stream(e.args()).anyMatch(Field.class::isInstance)
            ? problems
                .detail(e.error(), e.args(), locale)
                .orElseGet(() -> problems.title(e.error(), locale))
            : messages.getMessage("error." + e.code(), null, e.getMessage(), locale);
    return messages.getMessage("pickup.refused", new Object[] {said}, locale);
  }

  private static Optional<LocalDate> parseDate(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      throw new DomainException(
          org.cetak.platform.ApiError.INVALID_PARAMETER,
          "The birth date is not a date",
          new Field("pickup.birthDate"),
          text.strip());
    }
  }
}
