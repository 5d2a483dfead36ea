package org.cetak.stock.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.common.DomainException;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Problems;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.cetak.stock.DestructionLine;
import org.cetak.stock.DestructionProposal;
import org.cetak.stock.Destructions;
import org.cetak.stock.Item;
import org.cetak.stock.SpoilRecords;
import org.cetak.stock.SpoilRequest;
import org.cetak.stock.StockError;
import org.cetak.stock.WriteOffs;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The stock page's forms of blanks that leave the usable stock: spoiled blanks recorded, a
 * write-off and a destruction report proposed for a second person to decide.
 */
@Controller
public class DisposalForms {

  private final SpoilRecords spoils;
  private final WriteOffs writeOffs;
  private final Destructions destructions;
  private final StockForm forms;
  private final CurrentUser currentUser;
  private final Problems problems;

  public DisposalForms(
      SpoilRecords spoils,
      WriteOffs writeOffs,
      Destructions destructions,
      StockForm forms,
      CurrentUser currentUser,
      Problems problems) {
    this.spoils = spoils;
    this.writeOffs = writeOffs;
    this.destructions = destructions;
    this.forms = forms;
    this.currentUser = currentUser;
    this.problems = problems;
  }

  @PostMapping("/stock/spoils")
  @Allow(Permission.RECORD_SPOIL)
  String spoil(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return forms.act(
        office,
        "spoil",
        form,
        locale,
        redirect,
        () -> {
          var recorded =
              spoils.spoiled(
                  office.id(),
                  new SpoilRequest(
                      FormFields.text(form, "printerCode"),
                      "true".equals(FormFields.text(form, "fromInside")),
                      FormFields.quantity(form),
                      FormFields.spoilReason(form),
                      FormFields.optional(form, "chipUid"),
                      Optional.empty(),
                      FormFields.text(form, "note")),
                  currentUser.get());
          return problems.message(
              "stockpage.done.spoil", locale, recorded.movement().quantity(), recorded.id());
        });
  }

  @PostMapping("/stock/write-offs")
  @Allow(Permission.PROPOSE_DISPOSAL)
  String writeOff(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return forms.act(
        office,
        "writeOff",
        form,
        locale,
        redirect,
        () -> {
          Approval approval =
              writeOffs.propose(
                  office.id(),
                  forms.place(office, form),
                  FormFields.quantity(form),
                  FormFields.spoilReason(form),
                  FormFields.text(form, "note"),
                  currentUser.get());
          return problems.message("stockpage.done.proposed", locale, approval.id());
        });
  }

  @PostMapping("/stock/destruction-reports")
  @Allow(Permission.PROPOSE_DISPOSAL)
  String destruction(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return forms.act(
        office,
        "destruction",
        form,
        locale,
        redirect,
        () -> {
          List<DestructionLine> lines = new ArrayList<>();
          for (String picked : form.getOrDefault("spoil", List.of())) {
            String[] parts = picked.split(":", -1);
            try {
              lines.add(DestructionLine.spoil(Item.valueOf(parts[0]), Long.parseLong(parts[1])));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
              throw new DomainException(
                  StockError.INVALID_DESTRUCTION_LINE, "Unreadable spoiled card " + picked);
            }
          }
          for (String serial : FormFields.text(form, "serials").lines().toList()) {
            if (!serial.isBlank()) {
              lines.add(DestructionLine.serial(Item.BLANK, serial.strip()));
            }
          }
          List<String> witnesses =
              form.getOrDefault("witness", List.of()).stream()
                  .map(String::strip)
                  .filter(w -> !w.isEmpty())
                  .toList();
          var report =
              destructions.propose(
                  office.id(),
                  new DestructionProposal(
                      FormFields.date(form, "date", "stockpage.date", StockError.DATE_REQUIRED),
                      FormFields.text(form, "place"),
                      witnesses,
                      lines),
                  currentUser.get());
          return problems.message(
              "stockpage.done.destruction", locale, report.number(), report.cards().size());
        });
  }
}
