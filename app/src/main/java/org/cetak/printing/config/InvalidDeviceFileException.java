package org.cetak.printing.config;

import java.util.List;
import org.cetak.common.DomainException;
import org.cetak.printing.PrintingError;

/** A device file that cannot be used; it lists every mistake, in Bahasa Indonesia and English. */
public final class InvalidDeviceFileException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> errors;

  public InvalidDeviceFileException(String source, List<String> errors) {
    super(
        PrintingError.DEVICE_FILE_INVALID,
        "Berkas perangkat "
            + source
            + " tidak dapat dipakai / device file cannot be used:\n  - "
            + String.join("\n  - ", errors),
        source,
        String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  /** Each mistake, one line each. */
  public List<String> errors() {
    return errors;
  }
}
