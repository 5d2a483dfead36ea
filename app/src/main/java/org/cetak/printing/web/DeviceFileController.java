package org.cetak.printing.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.cetak.office.Permission;
import org.cetak.platform.Refuses;
import org.cetak.printing.config.StationDevices;
import org.cetak.security.Allow;
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

  private final StationDevices devices;

  public DeviceFileController(StationDevices devices) {
    this.devices = devices;
  }

  /** One printer of this node as the device file now says. */
  public record DeviceView(
      String office, String code, String link, String reader, String dialect, String model) {}

  @PostMapping("/reload")
  @Allow(Permission.RELOAD_DEVICES)
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Re-reads the device file and answers the printers this node now drives")
  @Refuses({"DEVICE_FILE_INVALID", "NO_DEVICE_FILE"})
  public List<DeviceView> reload() {
    return devices.reload().stream()
        .map(
            d ->
                new DeviceView(
                    d.link().office(),
                    d.link().code(),
                    d.link().link(),
                    d.link().reader(),
                    d.link().printerDialect().map(p -> p.word()).orElse("detect"),
                    d.model().map(m -> m.name()).orElse("")))
        .toList();
  }
}
