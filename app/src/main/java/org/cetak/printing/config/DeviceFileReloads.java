package org.cetak.printing.config;

import java.util.List;
import org.cetak.common.DomainException;
import org.cetak.office.Audit;
import org.cetak.office.User;

/**
 * An administrator's reload of this node's device file, from the console or the API: the file is
 * checked whole first (a file that cannot be used changes nothing, and the running stations keep
 * going), then the stations follow it between cards. Each reload, taken or refused, is in the audit
 * trail as an installation-wide event: {@code DEVICES_RELOADED} with what changed, or {@code
 * DEVICE_FILE_REFUSED} with the file's mistakes.
 */
public final class DeviceFileReloads {

  /** The audit trail's detail column keeps at most this much of a refusal's mistakes. */
  private static final int DETAIL_LIMIT = 1000;

  private final StationDevices devices;
  private final Audit audit;
  private final String node;

  public DeviceFileReloads(StationDevices devices, Audit audit, String node) {
    this.devices = devices;
    this.audit = audit;
    this.node = node;
  }

  /**
   * Reads the device file again for {@code by}.
   *
   * @throws InvalidDeviceFileException the file cannot be used; nothing changed
   * @throws DomainException {@code NO_DEVICE_FILE}: this node has none
   */
  public StationDevices.Reloaded reload(User by) {
    StationDevices.Reloaded reloaded;
    try {
      reloaded = devices.reload();
    } catch (InvalidDeviceFileException e) {
      String mistakes = String.join("; ", e.errors());
      audit.record(
          null,
          by.username(),
          "DEVICE_FILE_REFUSED",
          "device file of node " + node,
          mistakes.length() > DETAIL_LIMIT ? mistakes.substring(0, DETAIL_LIMIT) + "…" : mistakes);
      throw e;
    }
    audit.record(
        null, by.username(), "DEVICES_RELOADED", "device file of node " + node, detail(reloaded));
    return reloaded;
  }

  /** {@code "2 printer(s) on this node; added 32.71/PRN-3; removed -; changed 32.71/PRN-1"}. */
  private static String detail(StationDevices.Reloaded reloaded) {
    return reloaded.devices().size()
        + " printer(s) on this node; added "
        + listed(reloaded.added())
        + "; removed "
        + listed(reloaded.removed())
        + "; changed "
        + listed(reloaded.changed());
  }

  private static String listed(List<String> printers) {
    return printers.isEmpty() ? "-" : String.join(", ", printers);
  }
}
