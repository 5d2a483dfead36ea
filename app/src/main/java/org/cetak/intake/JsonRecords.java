package org.cetak.intake;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * A streaming reader of {@code records.json}: an array of objects whose keys are the columns of
 * IMPORT-FORMAT.md and whose values are text (or null for absent). One object at a time is held.
 */
public final class JsonRecords implements RecordSource {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(CsvRecords.DEFAULT_MAX_CHARS)
                  .maxNameLength(200)
                  .maxNestingDepth(4)
                  .build())
          .build();

  private final CountingInputStream counted;
  private final JsonParser parser;
  private final List<RowError> headerErrors = new ArrayList<>();
  private final List<RowError> rowErrors = new ArrayList<>();
  private boolean done;

  public JsonRecords(InputStream in) {
    this.counted = new CountingInputStream(in);
    this.parser = guard(() -> FACTORY.createParser(ObjectReadContext.empty(), counted));
    JsonToken first = guard(parser::nextToken);
    if (first != JsonToken.START_ARRAY) {
      headerErrors.add(new RowError(line(), "", "records.json must be an array of objects"));
      done = true;
    }
  }

  @Override
  public List<RowError> headerErrors() {
    return List.copyOf(headerErrors);
  }

  @Override
  public Optional<RawRecord> next() {
    if (done) {
      return Optional.empty();
    }
    JsonToken token = guard(parser::nextToken);
    if (token == JsonToken.END_ARRAY || token == null) {
      done = true;
      if (token != null && guard(parser::nextToken) != null) {
        throw malformed(line(), "content after the end of the array");
      }
      return Optional.empty();
    }
    long start = line();
    if (token != JsonToken.START_OBJECT) {
      throw malformed(start, "array elements must be objects");
    }
    Map<String, String> values = new HashMap<>();
    // a field of the wrong type is reported once, as such, not again as missing
    Set<String> present = new HashSet<>();
    for (JsonToken t = guard(parser::nextToken);
        t != JsonToken.END_OBJECT;
        t = guard(parser::nextToken)) {
      String name = parser.currentName();
      JsonToken value = guard(parser::nextToken);
      if (!RecordFields.known(name)) {
        rowErrors.add(new RowError(start, name, "unknown field"));
      } else if (!present.add(name)) {
        rowErrors.add(new RowError(start, name, "field appears twice"));
      }
      if (value == JsonToken.VALUE_STRING) {
        values.put(name, guard(parser::getString));
      } else if (value == JsonToken.VALUE_NULL) {
        values.put(name, "");
      } else {
        rowErrors.add(new RowError(start, name, "must be text (a JSON string)"));
        guard(parser::skipChildren);
      }
    }
    for (String required : RecordFields.REQUIRED) {
      if (!present.contains(required)) {
        rowErrors.add(new RowError(start, required, "required field is missing"));
      }
    }
    return Optional.of(new RawRecord(start, values));
  }

  @Override
  public List<RowError> rowErrors() {
    List<RowError> drained = List.copyOf(rowErrors);
    rowErrors.clear();
    return drained;
  }

  @Override
  public long bytesRead() {
    return counted.count();
  }

  private long line() {
    TokenStreamLocation location = parser == null ? null : parser.currentTokenLocation();
    return location == null ? 1 : location.getLineNr();
  }

  private <T> T guard(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (JacksonException e) {
      TokenStreamLocation location = e.getLocation();
      long at = location == null || location.getLineNr() < 1 ? line() : location.getLineNr();
      throw malformed(at, "not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static MalformedFileException malformed(long line, String reason) {
    return new MalformedFileException(new RowError(line, "", reason));
  }

  @Override
  public void close() {
    parser.close();
  }
}
