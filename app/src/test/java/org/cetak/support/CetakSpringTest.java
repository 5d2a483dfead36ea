package org.cetak.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.cetak.CetakApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port against a fresh test database, with the demo's offices and
 * users. Test classes sharing this annotation share one context and one database, so each test
 * makes the data it needs and does not assume an empty table.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = CetakApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.quartz.auto-startup=true"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ActiveProfiles({"demo", "test"})
public @interface CetakSpringTest {}
