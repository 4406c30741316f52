package org.deepgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {

  @Test
  void parsesObjectsArraysStringsAndIntegersKeepingKeyOrder() throws Exception {
    Object v = JsonReader.parse(" {\"b\" : [1, -20, 0, 9223372036854775807], \"a\":{}, \"c\":[] }  ");
    assertEquals(Map.of("b", List.of(1L, -20L, 0L, Long.MAX_VALUE), "a", Map.of(), "c", List.of()), v);
    assertEquals(List.of("b", "a", "c"), new ArrayList<>(((Map<?, ?>) v).keySet()));
  }

  @Test
  void decodesEveryEscape() throws Exception {
    String json = "\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\u00E9 \\ud83d\\ude00\"";
    assertEquals("q\" b\\ s/ \b\f\n\r\t é é 😀", JsonReader.parse(json));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "true                | unexpected character 't'",
      "null                | unexpected character 'n'",
      "1.5                 | fractional or exponent",
      "1e3                 | fractional or exponent",
      "01                  | leading zero",
      "-                   | expected a digit",
      "99999999999999999999 | too large",
      "[1,]                | unexpected character ']'",
      "{\"a\":1,}          | expected a string key",
      "{\"a\":1 \"b\":2}   | expected ',' or '}'",
      "{\"a\" 1}           | expected ':'",
      "{\"a\":1,\"a\":2}   | duplicate key",
      "\"abc               | unterminated string",
      "\"\\x\"             | invalid escape",
      "\"\\u12zz\"         | invalid hex digit",
      "\"\\u12\"           | truncated",
      "\"\\ud800\"         | unpaired high surrogate",
      "\"\\udc00\"         | unpaired low surrogate",
      "\"\\ud800\\u0041\"  | unpaired high surrogate",
      "{} {}               | after the JSON value",
      "''                  | unexpected end"})
  void rejects(String json, String fragment) {
    JsonReader.SyntaxException e = assertThrows(JsonReader.SyntaxException.class, () -> JsonReader.parse(json));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void documentsAlsoHoldFractionsExponentsBooleansAndNull() throws Exception {
    Object v = JsonReader.parseDocument("{\"a\": [0.25, -1e-3, 2E+2, 12, 99999999999999999999], \"b\": true,"
        + " \"c\": false, \"d\": null}");
    Map<?, ?> m = (Map<?, ?>) v;
    assertEquals(List.of(new BigDecimal("0.25"), new BigDecimal("-1e-3"), new BigDecimal("2E+2"), 12L,
        new BigDecimal("99999999999999999999")), m.get("a"));
    assertEquals(Arrays.asList(true, false, null), Arrays.asList(m.get("b"), m.get("c"), m.get("d")));
    assertTrue(m.containsKey("d"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "1.                  | expected a digit",
      ".5                  | unexpected character '.'",
      "1e                  | expected a digit",
      "-01                 | leading zero",
      "1e99999999999       | out of range",
      "nul                 | unexpected character 'n'",
      "{\"a\":null,\"a\":1} | duplicate key",
      "TRUE                | unexpected character 'T'"})
  void documentsRejectMalformedValues(String json, String fragment) {
    JsonReader.SyntaxException e = assertThrows(JsonReader.SyntaxException.class, () -> JsonReader.parseDocument(json));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void rejectsNumbersTooLongToParseQuickly() {
    String digits = "1".repeat(JsonReader.MAX_NUMBER_CHARS + 1);
    JsonReader.SyntaxException e = assertThrows(JsonReader.SyntaxException.class, () -> JsonReader.parseDocument(digits));
    assertTrue(e.getMessage().contains("more than " + JsonReader.MAX_NUMBER_CHARS + " characters"), e.getMessage());
  }

  @Test
  void rejectsRawControlCharactersAndDeepNesting() {
    assertThrows(JsonReader.SyntaxException.class, () -> JsonReader.parse("\"a\nb\""));
    String deep = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
    assertThrows(JsonReader.SyntaxException.class, () -> JsonReader.parse(deep));
  }

  @Test
  void writerOutputReadsBackForEveryBmpCharacterAndPairs() throws Exception {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < Character.MIN_SURROGATE; c++) all.append(c);
    all.append("😀 end");
    StringBuilder json = new StringBuilder();
    JsonWriter.writeString(json, all.toString());
    assertEquals(all.toString(), JsonReader.parse(json.toString()));
  }

  @Test
  void writerEscapesAsSerdeJson() {
    StringBuilder json = new StringBuilder();
    JsonWriter.writeString(json, "a\"\\/\n\u0001é");
    assertEquals("\"a\\\"\\\\/\\n\\u0001é\"", json.toString());
    assertThrows(IllegalArgumentException.class, () -> JsonWriter.writeString(new StringBuilder(), "\uDC00x"));
  }
}
