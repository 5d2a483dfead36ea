package org.cetak.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A streaming RFC 4180 reader of {@code records.csv}: UTF-8 (invalid bytes are an error, a leading
 * BOM is skipped), comma-separated, double-quoted fields with {@code ""} for a quote, {@code \n} or
 * {@code \r\n} line ends, a header row naming the columns. A record longer than {@code maxChars}
 * characters ends the read, so a 10 MB line never sits in memory.
 */
public final class CsvRecords implements RecordSource {

  /** Longest record accepted, in characters: far above any real row. */
  public static final int DEFAULT_MAX_CHARS = 64 * 1024;

  private final CountingInputStream counted;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
  private final CharBuffer chars = CharBuffer.allocate(16 * 1024);
  private boolean endOfInput;
  private boolean badBytesNext;
  private final int maxChars;
  private char[] buffer = new char[0];
  private int position;
  private int limit;
  private long line = 1;
  private String[] columns;
  private final List<RowError> headerErrors = new ArrayList<>();
  private final List<RowError> rowErrors = new ArrayList<>();

  public CsvRecords(InputStream in) {
    this(in, DEFAULT_MAX_CHARS);
  }

  public CsvRecords(InputStream in, int maxChars) {
    this.counted = new CountingInputStream(in);
    this.decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.maxChars = maxChars;
    try {
      readHeader();
    } catch (MalformedFileException e) {
      headerErrors.add(e.error());
      columns = new String[0];
    }
  }

  private void readHeader() {
    if (peek() == '\uFEFF') {
      position++;
    }
    List<String> header = readRecord();
    if (header == null) {
      headerErrors.add(new RowError(1, "", "the file is empty: a header row is required"));
      columns = new String[0];
      return;
    }
    Optional<String[]> other = otherDelimiter(header);
    if (other.isPresent()) {
      // a spreadsheet set up for Indonesian exports "CSV" with semicolons: say so once
      headerErrors.add(
          new RowError(
              1,
              "",
              "kolom dipisah dengan "
                  + other.get()[0]
                  + ", bukan koma: simpan ulang sebagai \"CSV UTF-8 (dipisah koma)\" / the"
                  + " columns are separated by "
                  + other.get()[1]
                  + ", not commas: save the file again as \"CSV UTF-8 (comma delimited)\""));
      columns = new String[0];
      return;
    }
    columns = new String[header.size()];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      columns[i] = name;
      if (!RecordFields.known(name)) {
        headerErrors.add(new RowError(1, name, "unknown column"));
      } else if (!seen.add(name)) {
        headerErrors.add(new RowError(1, name, "column appears twice"));
      }
    }
    for (String required : RecordFields.ALL) {
      if (RecordFields.REQUIRED.contains(required) && !seen.contains(required)) {
        headerErrors.add(new RowError(1, required, "required column is missing"));
      }
    }
  }

  /**
   * The delimiter a one-column header really uses when it names known columns split by a semicolon
   * or a tab.
   */
  private static Optional<String[]> otherDelimiter(List<String> header) {
    if (header.size() != 1) {
      return Optional.empty();
    }
    String[][] candidates = {{";", "titik koma (;)", "semicolons (;)"}, {"\t", "tab", "tabs"}};
    for (String[] candidate : candidates) {
      String[] names = header.get(0).split(candidate[0], -1);
      long known = Arrays.stream(names).map(String::strip).filter(RecordFields::known).count();
      if (names.length > 1 && known >= 2) {
        return Optional.of(new String[] {candidate[1], candidate[2]});
      }
    }
    return Optional.empty();
  }

  @Override
  public List<RowError> headerErrors() {
    return List.copyOf(headerErrors);
  }

  @Override
  public Optional<RawRecord> next() {
    while (true) {
      long start = line;
      List<String> fields = readRecord();
      if (fields == null) {
        return Optional.empty();
      }
      if (fields.size() == 1 && fields.get(0).isEmpty()) {
        continue; // a blank line
      }
      if (fields.size() != columns.length) {
        rowErrors.add(
            new RowError(
                start, "", "has " + fields.size() + " fields, the header has " + columns.length));
        return Optional.of(new RawRecord(start, Map.of()));
      }
      Map<String, String> values = new HashMap<>(columns.length * 2);
      for (int i = 0; i < columns.length; i++) {
        values.put(columns[i], fields.get(i));
      }
      return Optional.of(new RawRecord(start, values));
    }
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

  /** One record's fields, or null at the end of the input. */
  private List<String> readRecord() {
    if (peek() < 0) {
      return null;
    }
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int length = 0;
    boolean quoted = false;
    boolean afterQuote = false;
    boolean fieldStart = true;
    while (true) {
      int c = read();
      if (c >= 0 && ++length > maxChars) {
        throw malformed(start, "the line is longer than " + maxChars + " characters");
      }
      if (quoted) {
        if (c < 0) {
          throw malformed(start, "a quoted field is not closed before the end of the file");
        }
        if (c == '"') {
          if (peek() == '"') {
            read();
            field.append('"');
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
        continue;
      }
      if (c < 0 || c == '\n' || c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        if (c == ',') {
          afterQuote = false;
          fieldStart = true;
          continue;
        }
        if (c == '\n') {
          line++;
        }
        return fields;
      }
      if (c == '\r') {
        if (peek() == '\n') {
          continue;
        }
        throw malformed(line, "a carriage return not followed by a line feed");
      }
      if (afterQuote) {
        throw malformed(line, "text after the closing quote of a field");
      }
      if (c == '"') {
        if (!fieldStart) {
          throw malformed(line, "a quote inside an unquoted field");
        }
        quoted = true;
        fieldStart = false;
        continue;
      }
      fieldStart = false;
      field.append((char) c);
    }
  }

  private MalformedFileException malformed(long at, String reason) {
    return new MalformedFileException(new RowError(at, "", reason));
  }

  private int peek() {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private int read() {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++];
  }

  /**
   * Decodes the next characters. Bytes that are not UTF-8 are reported only once every character
   * before them was consumed, so the error names the line they are on.
   */
  private boolean fill() {
    while (true) {
      if (badBytesNext) {
        throw malformed(
            line,
            "berkas bukan UTF-8 (mungkin Windows-1252/ANSI dari spreadsheet): simpan ulang sebagai"
                + " \"CSV UTF-8\" / invalid UTF-8, probably Windows-1252 (ANSI) from a"
                + " spreadsheet: save the file again as \"CSV UTF-8\"");
      }
      chars.clear();
      CoderResult result = decoder.decode(bytes, chars, endOfInput);
      if (result.isError()) {
        badBytesNext = true;
      } else if (result.isUnderflow() && !endOfInput) {
        readBytes();
      } else if (endOfInput && result.isUnderflow()) {
        decoder.flush(chars);
      }
      chars.flip();
      if (chars.hasRemaining()) {
        buffer = new char[chars.remaining()];
        chars.get(buffer);
        position = 0;
        limit = buffer.length;
        return true;
      }
      if (endOfInput && !badBytesNext && !bytes.hasRemaining()) {
        return false;
      }
    }
  }

  private void readBytes() {
    try {
      bytes.compact();
      int n = counted.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        endOfInput = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the CSV file", e);
    }
  }

  @Override
  public void close() {
    try {
      counted.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the CSV file", e);
    }
  }
}
