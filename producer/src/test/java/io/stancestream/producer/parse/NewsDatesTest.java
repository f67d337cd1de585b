package io.stancestream.producer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NewsDatesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "June 20, 2025|2025-06-20T00:00:00Z",
        "Jun 20, 2025|2025-06-20T00:00:00Z",
        "Jun. 20, 2025|2025-06-20T00:00:00Z",
        "Sept. 3, 2025|2025-09-03T00:00:00Z",
        "Friday, June 20, 2025|2025-06-20T00:00:00Z",
        "June 20th, 2025|2025-06-20T00:00:00Z",
        "20 June 2025|2025-06-20T00:00:00Z",
        "Friday 20 June 2025|2025-06-20T00:00:00Z",
        "20 Jun. 2025|2025-06-20T00:00:00Z",
        "June 20, 2025 10:30 AM|2025-06-20T00:00:00Z",
        "2025-06-20|2025-06-20T00:00:00Z",
        "2025-06-20T10:15:30Z|2025-06-20T10:15:30Z",
        "2025-06-20T10:15:30+02:00|2025-06-20T08:15:30Z",
        "2025-06-20T10:15:30.250-04:00|2025-06-20T14:15:30.250Z",
        "2025-06-20T10:15:30|2025-06-20T10:15:30Z",
        "2025-06-20 10:15:30|2025-06-20T10:15:30Z",
        "Fri, 20 Jun 2025 14:30:00 GMT|2025-06-20T14:30:00Z",
        "Fri, 20 Jun 2025 14:30:00 +0200|2025-06-20T12:30:00Z",
        "Fri, 20 Jun 2025 14:30:00 EST|2025-06-20T19:30:00Z",
        "20 Jun 2025 14:30:00 +0000|2025-06-20T14:30:00Z",
        "1750233600|2025-06-18T08:00:00Z",
        "1750233600000|2025-06-18T08:00:00Z",
      })
  void readsTheFormsNewsUses(String text, String expected) {
    assertThat(NewsDates.parse(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "yesterday",
        "June 2025",
        "Close NATO’s Door to Ukraine",
        "February 30, 2025",
        "Smarch 20, 2025",
        "CHARLES KUPCHAN is Professor of International Affairs"
      })
  void refusesWhatIsNotADate(String text) {
    assertThat(NewsDates.parse(text)).isEmpty();
    assertThat(NewsDates.isDateLine(text)).isFalse();
  }
}
