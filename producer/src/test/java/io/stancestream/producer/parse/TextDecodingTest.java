package io.stancestream.producer.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

  @Test
  void decodesUtf8AndDropsTheByteOrderMark() throws Exception {
    byte[] text = "\uFEFFKyiv’s café".getBytes(StandardCharsets.UTF_8);
    assertThat(TextDecoding.decode(text)).isEqualTo("Kyiv’s café");
  }

  @Test
  void decodesUtf16WhenTheBomSaysSo() throws Exception {
    byte[] text = "\uFEFFNATO summit".getBytes(StandardCharsets.UTF_16LE);
    assertThat(TextDecoding.decode(text)).isEqualTo("NATO summit");
    assertThat(TextDecoding.looksBinary(text)).isFalse();
  }

  @Test
  void rejectsInvalidUtf8NamingLineColumnAndByte() {
    byte[] latin1 = "first\nsecond\nthe café\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> TextDecoding.decode(latin1))
        .isInstanceOf(TextDecoding.UndecodableException.class)
        .hasMessage("invalid UTF-8 at line 3, column 8 (byte 0xE9); re-encode the file as UTF-8")
        .satisfies(e -> assertThat(((TextDecoding.UndecodableException) e).line()).isEqualTo(3));
  }

  @Test
  void decodesADeclaredCharset() throws Exception {
    byte[] latin1 = "the café".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(TextDecoding.decode(latin1, StandardCharsets.ISO_8859_1)).isEqualTo("the café");
  }

  @Test
  void nulBytesMeanBinary() {
    assertThat(TextDecoding.looksBinary(new byte[] {'%', 'P', 'D', 'F', 0, 1})).isTrue();
    assertThat(TextDecoding.looksBinary("plain".getBytes(StandardCharsets.UTF_8))).isFalse();
  }
}
