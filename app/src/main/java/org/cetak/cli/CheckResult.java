package org.cetak.cli;

/**
 * The outcome of one check of {@code cetak check}: what was checked, and when it failed, why in
 * both languages.
 */
record CheckResult(boolean ok, String what, String indonesian, String english) {

  static CheckResult ok(String what, String detail) {
    return new CheckResult(true, what, detail, detail);
  }

  static CheckResult fail(String what, String indonesian, String english) {
    return new CheckResult(false, what, indonesian, english);
  }

  String line() {
    return ok
        ? String.format("ok     %s: %s", what, indonesian)
        : String.format("GAGAL  %s: %s%n       FAIL: %s", what, indonesian, english);
  }

  /** The innermost cause's message: what actually went wrong, without the wrapping. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
