package io.stancestream.producer.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads publication dates in the forms news sites write them and normalises them to a UTC {@link
 * Instant}: "June 20, 2025", "Jun. 20, 2025", "20 June 2025", "Friday, June 20, 2025", ISO-8601
 * dates and date-times (with or without offset; without one they are taken as UTC), RFC-822 / RFC
 * 1123 ("Fri, 20 Jun 2025 14:30:00 GMT") and epoch seconds or milliseconds. A date without a time
 * is the start of that day in UTC.
 */
public final class NewsDates {

  private NewsDates() {}

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String WEEKDAY =
      "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  private static final String TAIL = "(?:\\s*(?:[,|·•-]|at)?\\s*\\d{1,2}[:.]\\d{2}.*)?";

  /** "June 20, 2025", "Jun. 20 2025", "Friday, June 20, 2025". */
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "^" + WEEKDAY + MONTH + "\\s+" + DAY + ",?\\s+(\\d{4})" + TAIL + "$",
          Pattern.CASE_INSENSITIVE);

  /** "20 June 2025", "Friday 20 June 2025", "20 Jun. 2025". */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "^" + WEEKDAY + DAY + "\\s+" + MONTH + ",?\\s+(\\d{4})" + TAIL + "$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern RFC_822_ZONE =
      Pattern.compile("\\s(UT|GMT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT)$", Pattern.CASE_INSENSITIVE);

  private static final Pattern EPOCH = Pattern.compile("^\\d{9,13}$");

  private static final List<DateTimeFormatter> RFC_822 =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss zzz", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm zzz", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss Z", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss zzz", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("EEE, d MMM yy HH:mm:ss Z", Locale.ENGLISH));

  /** The instant a date string denotes, if it is one of the supported forms. */
  public static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip().replaceAll("\\s+", " ");
    if (s.isEmpty() || s.length() > 80) {
      return Optional.empty();
    }
    if (EPOCH.matcher(s).matches()) {
      long n = Long.parseLong(s);
      return Optional.of(
          n >= 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
    }
    Optional<Instant> iso = iso(s);
    if (iso.isPresent()) {
      return iso;
    }
    String rfc = rfc822Zone(s);
    for (DateTimeFormatter f : RFC_822) {
      try {
        return Optional.of(ZonedDateTime.parse(rfc, f).toInstant());
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    Matcher m = MONTH_DAY_YEAR.matcher(s);
    if (m.matches()) {
      return day(m.group(3), m.group(1), m.group(2));
    }
    m = DAY_MONTH_YEAR.matcher(s);
    if (m.matches()) {
      return day(m.group(3), m.group(2), m.group(1));
    }
    return Optional.empty();
  }

  /**
   * RFC 822 zone names are fixed offsets ("EST" is always -0500), unlike Java's zone names, which
   * follow daylight saving; replace them with the offset before parsing.
   */
  private static String rfc822Zone(String s) {
    Matcher m = RFC_822_ZONE.matcher(s);
    if (!m.find()) {
      return s;
    }
    String offset =
        switch (m.group(1).toUpperCase(Locale.ROOT)) {
          case "EST", "CDT" -> "-0500";
          case "EDT" -> "-0400";
          case "CST", "MDT" -> "-0600";
          case "MST", "PDT" -> "-0700";
          case "PST" -> "-0800";
          default -> "+0000";
        };
    return s.substring(0, m.start(1)) + offset;
  }

  /** True when the whole line is a date (used to find the date line of a scrape header). */
  public static boolean isDateLine(String line) {
    return line != null && line.length() <= 60 && parse(line).isPresent();
  }

  private static Optional<Instant> iso(String s) {
    String t = s.contains("T") || !s.contains(" ") ? s : s.replaceFirst(" ", "T");
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      // not an offset date-time
    }
    try {
      return Optional.of(ZonedDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      // not a zoned date-time
    }
    try {
      return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // not a local date-time
    }
    try {
      return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> day(String year, String month, String day) {
    Integer mm = MONTHS.get(month.substring(0, 3).toLowerCase(Locale.ROOT));
    try {
      return Optional.of(
          LocalDate.of(Integer.parseInt(year), mm, Integer.parseInt(day))
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
