package org.cetak.db.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a fresh, migrated PostgreSQL database of its own; inject {@link
 * TestDatabase} or {@link javax.sql.DataSource} into constructors, lifecycle methods or tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresExtension.class)
public @interface DatabaseTest {}
