package org.cetak.office;

/**
 * A user who held a role in an office at some moment, with the full name, NIP and position
 * (jabatan) the account had then.
 *
 * @param nip blank when none was entered
 * @param position blank when none was entered
 */
public record RoleHolder(long userId, String name, String nip, String position) {}
