package org.cetak.stock.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.office.Office;
import org.cetak.platform.Problems;
import org.cetak.stock.Location;
import org.cetak.stock.Place;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.StockError;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How every form of the stock page answers: with the stock page again, a notice when done, or the
 * error in the user's language on the form it came from, with what was typed kept and nothing
 * changed.
 */
@Component
public class StockForm {

  private final PrinterRegistry registry;
  private final Problems problems;

  public StockForm(PrinterRegistry registry, Problems problems) {
    this.registry = registry;
    this.problems = problems;
  }

  /** What a form does, answering with its notice. */
  interface Action {
    String run();
  }

  String act(
      Office office,
      String formName,
      MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect,
      Action action) {
    try {
      redirect.addFlashAttribute("notice", action.run());
    } catch (DomainException e) {
      if (e.kind() == ErrorCode.Kind.FORBIDDEN) {
        throw e;
      }
      redirect.addFlashAttribute("formError", problems.refusal(e, locale));
      redirect.addFlashAttribute("errorCode", e.code());
      redirect.addFlashAttribute("failedForm", formName);
      Map<String, String> typed = new LinkedHashMap<>();
      form.forEach((k, v) -> typed.put(k, String.join("\n", v)));
      redirect.addFlashAttribute("typed", typed);
    }
    redirect.addAttribute("office", office.code());
    return "redirect:/stock#form-" + formName;
  }

  /** The place the form names: a location, and the printer of a per-printer one. */
  Place place(Office office, MultiValueMap<String, String> form) {
    Location location;
    try {
      location = Location.valueOf(FormFields.text(form, "location"));
    } catch (IllegalArgumentException e) {
      throw new DomainException(StockError.LOCATION_REQUIRED, "Choose where the blanks are");
    }
    return location.isPerPrinter()
        ? new Place(
            location,
            Optional.of(registry.printer(office.id(), FormFields.text(form, "printerCode")).id()))
        : Place.of(location);
  }
}
