package org.cetak.stock;

import java.util.Optional;

/**
 * A loan of blanks with its document.
 *
 * @param counterpartOfficeId the other office when it is an office of this installation; then both
 *     ledgers are written in one transaction
 * @param counterpartName the other office's name (taken from the directory when it is ours)
 */
public record LoanRequest(
    Optional<Long> counterpartOfficeId, String counterpartName, String documentNo, int quantity) {}
