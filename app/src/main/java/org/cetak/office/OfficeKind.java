package org.cetak.office;

/** The level of a civil-registry office. */
public enum OfficeKind {
  /** Dinas Kependudukan dan Pencatatan Sipil of a kabupaten or kota. */
  KABUPATEN_KOTA,
  /** A kecamatan print point served by its kabupaten/kota office. */
  KECAMATAN
}
