package org.cetak.drivers.chip.pcsc;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's PC/SC provider keeps one static context per JVM ({@code
 * sun.security.smartcardio.PCSCTerminals.contextId}) and never establishes a new one: after pcscd
 * restarts, every call fails with {@code SCARD_E_NO_SERVICE} forever. {@link #reset} drops that
 * context and establishes a fresh one, by reflection, and empties the provider's static cache of
 * terminals (each remembers the context it was made with). It needs the JVM flag {@code --add-opens
 * java.smartcardio/sun.security.smartcardio=ALL-UNNAMED}; without it, reset reports false and the
 * encoder keeps reporting the service unavailable (restart the JVM).
 */
final class JdkPcscContext {

  private static final Logger log = LoggerFactory.getLogger(JdkPcscContext.class);
  private static final String TERMINALS = "sun.security.smartcardio.PCSCTerminals";

  private JdkPcscContext() {}

  /** True when a fresh context was established. */
  static boolean reset() {
    Class<?> terminals;
    Field context;
    Field cache;
    Method init;
    try {
      terminals = Class.forName(TERMINALS);
      context = terminals.getDeclaredField("contextId");
      init = terminals.getDeclaredMethod("initContext");
      cache = terminals.getDeclaredField("terminals");
      context.setAccessible(true);
      cache.setAccessible(true);
      init.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn(
          "cannot reset the JDK's PC/SC context ({}); start the JVM with --add-opens"
              + " java.smartcardio/sun.security.smartcardio=ALL-UNNAMED",
          e.toString());
      return false;
    }
    synchronized (terminals) { // initContext is static synchronized on the same class
      try {
        long old = context.getLong(null);
        context.setLong(null, 0L);
        init.invoke(null);
        // terminals are cached per name with the context they were made with: drop them too
        ((java.util.Map<?, ?>) cache.get(null)).clear();
        log.info(
            "PC/SC context re-established (old {}, new {})",
            Long.toHexString(old),
            Long.toHexString(context.getLong(null)));
        return true;
      } catch (InvocationTargetException e) {
        // tried at every read while pcscd is away: one line, not a stack trace each time
        log.info("PC/SC service still unavailable: {}", String.valueOf(e.getCause()));
        return false;
      } catch (IllegalAccessException e) {
        log.warn("cannot reset the JDK's PC/SC context", e);
        return false;
      }
    }
  }
}
