package org.cetak.stock;

/** The document or job a movement belongs to. */
public enum ReferenceKind {
  /** A drop from the centre (berita acara serah terima); id of the drop. */
  DROP,
  /** A printer, for loads and unloads; id of the printer. */
  PRINTER,
  /** A print job of the print station; id of the job. */
  PRINT_JOB,
  /** A destruction report (berita acara pemusnahan); id of the report. */
  DESTRUCTION_REPORT,
  /** A loan to or from another office; id of the loan. */
  LOAN,
  /** A two-person approval (write-off); id of the approval. */
  APPROVAL,
  /** A print request (an old card withdrawn at its pickup); id of the request. */
  REQUEST,
  /** A loss report (berita acara kehilangan); id of the report. */
  LOSS_REPORT
}
