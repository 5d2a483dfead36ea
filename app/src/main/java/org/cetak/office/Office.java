package org.cetak.office;

import java.util.Optional;

/**
 * An office of this installation.
 *
 * @param code Kemendagri region code of the office's area, for example {@code 32.71} for Kota Bogor
 */
public record Office(
    long id, String code, String name, OfficeKind kind, Optional<Long> parentId, String address) {}
