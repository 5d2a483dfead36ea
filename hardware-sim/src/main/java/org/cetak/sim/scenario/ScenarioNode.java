package org.cetak.sim.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mapping of a scenario document with its path ({@code every-fault.yaml/printers[0]/head}), read
 * strictly: a key not allowed, a value of the wrong kind or a missing required one is a {@link
 * ScenarioException} that names where it is.
 */
final class ScenarioNode {
  final String source;
  final Map<String, Object> map;

  ScenarioNode(String source, Map<String, Object> map) {
    this.source = source;
    this.map = map;
  }

  String path(String key) {
    return source + "/" + key;
  }

  void allow(String... keys) {
    Set<String> ok = Set.of(keys);
    for (String k : map.keySet()) {
      if (!ok.contains(k)) {
        throw new ScenarioException(path(k) + ": unknown key; allowed: " + List.of(keys));
      }
    }
  }

  boolean has(String k) {
    return map.get(k) != null;
  }

  Object get(String k) {
    return map.get(k);
  }

  Object require(String k) {
    Object v = map.get(k);
    if (v == null) {
      throw new ScenarioException(path(k) + ": required");
    }
    return v;
  }

  ScenarioException error(String k, String message) {
    return new ScenarioException(path(k) + ": " + message);
  }

  ScenarioNode child(String k) {
    return new ScenarioNode(path(k), map(path(k), map.get(k)));
  }

  List<ScenarioNode> children(String k) {
    Object v = map.get(k);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw error(k, "expected a list");
    }
    List<ScenarioNode> out = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      String p = path(k) + "[" + i + "]";
      out.add(new ScenarioNode(p, map(p, l.get(i))));
    }
    return out;
  }

  String string(String k, String dflt) {
    Object v = map.get(k);
    return v == null ? dflt : String.valueOf(v);
  }

  long longValue(String k, long dflt) {
    Object v = map.get(k);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw error(k, "expected a whole number, found " + v);
  }

  double doubleValue(String k, double dflt) {
    Object v = map.get(k);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw error(k, "expected a number, found " + v);
  }

  Duration duration(String k, Duration dflt) {
    Object v = map.get(k);
    if (v == null) {
      return dflt;
    }
    try {
      if (v instanceof Number n) {
        throw new IllegalArgumentException("a duration needs a unit (ms, s, m, h, d): " + n);
      }
      return ScenarioLoader.duration(String.valueOf(v));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw error(k, e.getMessage());
    }
  }

  /** A time with its offset, as YAML gives it (a date) or as text. */
  Instant instant(String k) {
    Object v = require(k);
    if (v instanceof Date d) {
      return d.toInstant();
    }
    try {
      return OffsetDateTime.parse(String.valueOf(v)).toInstant();
    } catch (DateTimeParseException e) {
      throw new ScenarioException(path(k) + ": not an ISO-8601 time with offset: " + v);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(String path, Object o) {
    if (!(o instanceof Map<?, ?> m)) {
      throw new ScenarioException(path + ": expected a mapping");
    }
    for (Object k : m.keySet()) {
      if (!(k instanceof String)) {
        throw new ScenarioException(path + ": keys must be text, found " + k);
      }
    }
    return (Map<String, Object>) m;
  }
}
