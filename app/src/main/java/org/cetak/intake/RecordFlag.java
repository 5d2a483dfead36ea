package org.cetak.intake;

/** Something odd about a record that an officer should check; the record is kept and queued. */
public enum RecordFlag {
  /** The NIK's date digits do not match the birth date (a corrected birth date keeps its NIK). */
  NIK_DATE_MISMATCH,
  /** The NIK's day (+40 for women) does not match the sex. */
  NIK_SEX_MISMATCH,
  /** The phone number is not an Indonesian mobile number: the card is printed, no SMS is sent. */
  PHONE_INVALID,
  /** No photo yet: the request cannot print until one arrives. */
  PHOTO_MISSING
}
