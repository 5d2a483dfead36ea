package org.cetak.db.testing;

import javax.sql.DataSource;

/**
 * A database of one test class: created from the migrated template before the class, dropped after
 * it. Its session time zone is Asia/Jakarta so that time bugs show.
 */
public record TestDatabase(
    String name, String jdbcUrl, String user, String password, DataSource dataSource) {}
