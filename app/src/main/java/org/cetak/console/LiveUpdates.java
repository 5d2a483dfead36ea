package org.cetak.console;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the open console pages: every few seconds the offices someone watches are
 * read once ({@link Dashboard}), and each watcher whose view changed is sent the new one, limited
 * to what their permissions in that office see. A stream ends after a while and the browser opens
 * it again, so access is decided afresh at each reconnection; the first event of a stream is the
 * current view.
 */
public final class LiveUpdates implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

  /** The event name the pages listen to. */
  static final String EVENT = "state";

  private final Dashboard dashboard;
  private final SharedSnapshots shared;
  private final LiveView.Builder views;
  private final Duration every;
  private final Duration stream;
  private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService ticker;
  private ScheduledFuture<?> ticking;

  public LiveUpdates(
      Dashboard dashboard,
      SharedSnapshots shared,
      LiveView.Builder views,
      Duration every,
      Duration stream) {
    this.dashboard = dashboard;
    this.shared = shared;
    this.views = views;
    this.every = every;
    this.stream = stream;
  }

  /** One open page. */
  private static final class Watcher {
    final SseEmitter emitter;
    final Office office;
    final Set<Permission> may;
    final Locale locale;
    LiveView last;

    Watcher(SseEmitter emitter, Office office, Set<Permission> may, Locale locale) {
      this.emitter = emitter;
      this.office = office;
      this.may = may;
      this.locale = locale;
    }
  }

  /** Opens a stream of the office's view for a reader with these permissions there. */
  public SseEmitter watch(Office office, Set<Permission> may, Locale locale) {
    SseEmitter emitter = new SseEmitter(stream.toMillis());
    Watcher watcher = new Watcher(emitter, office, Set.copyOf(may), locale);
    emitter.onCompletion(() -> watchers.remove(watcher));
    emitter.onTimeout(
        () -> {
          watchers.remove(watcher);
          emitter.complete();
        });
    emitter.onError(e -> watchers.remove(watcher));
    // the page that opens the stream was drawn from the shared snapshot a moment ago
    send(watcher, views.of(shared.snapshot(office, watcher.may), locale, watcher.may));
    watchers.add(watcher);
    return emitter;
  }

  /** Reads each watched office once and sends every watcher whose view changed. */
  void tick() {
    Map<Long, List<Watcher>> byOffice = new HashMap<>();
    for (Watcher w : watchers) {
      byOffice.computeIfAbsent(w.office.id(), id -> new java.util.ArrayList<>()).add(w);
    }
    for (List<Watcher> group : byOffice.values()) {
      Set<Permission> union = EnumSet.noneOf(Permission.class);
      group.forEach(w -> union.addAll(w.may));
      Dashboard.Snapshot snapshot;
      try {
        snapshot = dashboard.snapshot(group.get(0).office, union);
      } catch (RuntimeException e) {
        log.warn("Live view of office {} could not be read", group.get(0).office.code(), e);
        continue;
      }
      for (Watcher w : group) {
        LiveView view = views.of(snapshot, w.locale, w.may);
        if (!sameButTime(view, w.last)) {
          send(w, view);
        }
      }
    }
  }

  /** Open streams, for the health of the page and the tests. */
  public int watching() {
    return watchers.size();
  }

  private static boolean sameButTime(LiveView view, LiveView last) {
    if (last == null) {
      return false;
    }
    Map<String, String> a = new HashMap<>(view.values());
    Map<String, String> b = new HashMap<>(last.values());
    a.remove("at");
    b.remove("at");
    return a.equals(b)
        && view.states().equals(last.states())
        && Objects.equals(view.alerts(), last.alerts());
  }

  private void send(Watcher w, LiveView view) {
    try {
      w.emitter.send(
          SseEmitter.event()
              .name(EVENT)
              .reconnectTime(Math.min(stream.toMillis(), 3000))
              .data(view, MediaType.APPLICATION_JSON));
      w.last = view;
    } catch (IOException | IllegalStateException e) {
      // the page was closed: the stream ends here
      watchers.remove(w);
      w.emitter.completeWithError(e);
    }
  }

  @Override
  public synchronized void start() {
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "console-live");
              t.setDaemon(true);
              return t;
            });
    ticking =
        ticker.scheduleWithFixedDelay(
            () -> {
              try {
                tick();
              } catch (RuntimeException e) {
                log.warn("Live updates failed this time", e);
              }
            },
            every.toMillis(),
            every.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /** Ends every open stream (the pages reconnect to another node or after the restart). */
  @Override
  public synchronized void stop() {
    if (ticker != null) {
      ticking.cancel(false);
      ticker.shutdownNow();
      ticker = null;
    }
    for (Watcher w : watchers) {
      w.emitter.complete();
    }
    watchers.clear();
  }

  @Override
  public synchronized boolean isRunning() {
    return ticker != null;
  }
}
