package org.cetak.platform;

import java.util.List;
import java.util.stream.Stream;
import org.cetak.allocation.AllocationError;
import org.cetak.approval.ApprovalError;
import org.cetak.common.CommonError;
import org.cetak.common.ErrorCode;
import org.cetak.consolidation.ConsolidationError;
import org.cetak.intake.IntakeError;
import org.cetak.notify.NotifyError;
import org.cetak.office.OfficeError;
import org.cetak.pickup.PickupError;
import org.cetak.printing.PrintingError;
import org.cetak.quality.CheckError;
import org.cetak.stock.StockError;

/**
 * Every error code Cetak answers with, domain by domain: the catalogue of {@code docs/ERRORS.md}.
 */
public final class ErrorCatalogue {

  private ErrorCatalogue() {}

  /** The catalogue's enums, in the order the documentation lists them. */
  public static final List<Class<? extends ErrorCode>> DOMAINS =
      List.of(
          ApiError.class,
          CommonError.class,
          OfficeError.class,
          IntakeError.class,
          AllocationError.class,
          StockError.class,
          PrintingError.class,
          ApprovalError.class,
          PickupError.class,
          ConsolidationError.class,
          NotifyError.class,
          CheckError.class);

  /** Every code of every domain. */
  public static List<ErrorCode> all() {
    return DOMAINS.stream().flatMap(d -> Stream.<ErrorCode>of(d.getEnumConstants())).toList();
  }
}
