package org.cetak.printing.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.cetak.office.Permission;
import org.cetak.platform.Refuses;
import org.cetak.printing.config.DeviceFileReloads;
import org.cetak.printing.config.StationDevices;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The device file of this node, for administrators: {@code POST /api/devices/reload} reads it again
 * and answers the printers this node now drives; a file that cannot be used is refused as a problem
 * document ({@code DEVICE_FILE_INVALID}) listing every mistake, and the devices stay as they were.
 */
@RestController
@RequestMapping("/api/devices")
public class DeviceFileController {

  private final DeviceFileReloads reloads;
  private final CurrentUser currentUser;

  public DeviceFileController(DeviceFileReloads reloads, CurrentUser currentUser) {
    this.reloads = reloads;
    this.currentUser = currentUser;
  }

  /** One printer of this node as the device file now says. */
  public record DeviceView(
      String office, String code, String link, String reader, String dialect, String model) {}

  /**
   * What a reload did on this node, each printer as {@code office/code}.
   *
   * @param printers the printers this node now drives
   * @param added printers the file now gives this node (started)
   * @param removed printers the file no longer gives this node (stopped after their card in flight,
   *     and released)
   * @param changed printers whose port, baud, dialect, reader or model changed (restarted after
   *     their card in flight)
   */
  public record ReloadView(
      List<DeviceView> printers, List<String> added, List<String> removed, List<String> changed) {}

  @PostMapping("/reload")
  @Allow(Permission.RELOAD_DEVICES)
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      summary = "Re-reads the device file and answers the printers this node now drives",
      description =
          "The file is checked whole first: a file with any mistake (unknown port, two printers on"
              + " one port, one printer claimed by two nodes, a bad baud, dialect or model) is"
              + " refused with DEVICE_FILE_INVALID listing every mistake, and nothing changes. A"
              + " file that can be used is taken: printers added are started, printers removed"
              + " are stopped after the card in flight and released, and a printer whose port,"
              + " dialect, reader or model changed is restarted after the card in flight. Every"
              + " reload, taken or refused, is in the audit trail.")
  @Refuses({"DEVICE_FILE_INVALID", "NO_DEVICE_FILE"})
  public ReloadView reload() {
    StationDevices.Reloaded reloaded = reloads.reload(currentUser.get());
    return new ReloadView(
        reloaded.devices().stream()
            .map(
                d ->
                    new DeviceView(
                        d.link().office(),
                        d.link().code(),
                        d.link().link(),
                        d.link().reader(),
                        d.link().printerDialect().map(p -> p.word()).orElse("detect"),
                        d.model().map(m -> m.name()).orElse("")))
            .toList(),
        reloaded.added(),
        reloaded.removed(),
        reloaded.changed());
  }
}
