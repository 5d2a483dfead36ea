package org.cetak.intake.web;

import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.security.Allow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's intake page: a bundle uploaded to {@code POST /api/offices/{office}/imports} from
 * the browser, with the upload's progress, then the import's report with every refused row, named
 * after the file as it was uploaded.
 */
@Controller
public class ImportsPage {

  private final DataSize maxUpload;

  public ImportsPage(@Value("${cetak.imports.max-upload}") DataSize maxUpload) {
    this.maxUpload = maxUpload;
  }

  @GetMapping("/imports")
  @Allow(Permission.IMPORT_RECORDS)
  String imports(Office office, Model model) {
    model.addAttribute("office", office);
    model.addAttribute("maxBytes", maxUpload.toBytes());
    model.addAttribute("maxMegabytes", maxUpload.toMegabytes());
    return "imports";
  }
}
