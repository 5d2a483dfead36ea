package org.cetak.console;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cetak.console.Dashboard.Snapshot;
import org.cetak.office.Permission;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * What the dashboard draws from a snapshot alone, drawn once for all the readers given the same
 * {@link SharedSnapshots shared snapshot} in the same language instead of once a view: the live
 * values in words ({@link LiveView}) and the rows of the printers' and the queue's tables (drawing
 * the page's expressions was the largest part of a view's processor time, the printers' rows most
 * of them). The rows are drawn from {@code fragments/dashboard.html} and carry no link and no form,
 * so nothing of one session (its CSRF token, its session id in a URL) is in what readers share.
 */
public final class SharedDrawings {

  /**
   * A snapshot drawn for one language and set of permissions.
   *
   * @param printerRows the {@code <tr>} rows of the printers' table, HTML
   * @param queueRows the {@code <tr>} rows of the queue's table by tier, HTML
   */
  public record Drawn(LiveView live, String printerRows, String queueRows) {}

  /** Drawings kept at most; past it all are dropped (snapshots are replaced every few seconds). */
  private static final int KEEP = 64;

  private static final String TEMPLATE = "fragments/dashboard";

  private final LiveView.Builder views;
  private final ITemplateEngine templates;
  private final Map<Key, Drawn> drawn = new ConcurrentHashMap<>();

  public SharedDrawings(LiveView.Builder views, ITemplateEngine templates) {
    this.views = views;
    this.templates = templates;
  }

  /** The snapshot drawn for a reader with these permissions in this language. */
  public Drawn of(Snapshot snapshot, Locale locale, Set<Permission> may) {
    Key key = new Key(snapshot, locale, Set.copyOf(may));
    Drawn found = drawn.get(key);
    if (found != null) {
      return found;
    }
    LiveView live = views.of(snapshot, locale, may);
    Context context = new Context(locale, Map.of("snapshot", snapshot, "live", live));
    Drawn fresh =
        new Drawn(
            live,
            snapshot.printers().isPresent()
                ? templates.process(TEMPLATE, Set.of("printer-rows"), context)
                : "",
            snapshot.queue().isPresent()
                ? templates.process(TEMPLATE, Set.of("queue-rows"), context)
                : "");
    if (drawn.size() >= KEEP) {
      drawn.clear();
    }
    drawn.put(key, fresh);
    return fresh;
  }

  /**
   * The same snapshot object (not an equal one: comparing two snapshots field by field would cost
   * what drawing saves), language and permissions.
   */
  private static final class Key {
    private final Snapshot snapshot;
    private final Locale locale;
    private final Set<Permission> may;

    Key(Snapshot snapshot, Locale locale, Set<Permission> may) {
      this.snapshot = snapshot;
      this.locale = locale;
      this.may = may;
    }

    @Override
    @SuppressWarnings("ReferenceEquality") // the same snapshot object, as the class says why
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.snapshot == snapshot
          && k.locale.equals(locale)
          && k.may.equals(may);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(snapshot) * 31 + locale.hashCode();
    }
  }
}
