/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.transpiler.yaml.GoYaml.Type;
import dev.kindling.transpiler.yaml.YNode.Style;
import dev.kindling.transpiler.yaml.YNode.YScalar;
import java.math.BigInteger;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GoYamlTest {
    private static GoYaml.Resolved plain(String s) throws Exception {
        return GoYaml.resolve(new YScalar(null, s, Style.PLAIN, 1, 1));
    }

    @ParameterizedTest
    @CsvSource({
        "0644, 420", "0o644, 420", "0x1A4, 420", "0X1ed, 493", "0b110100100, 420", "420, 420",
        "1_000, 1000", "-0x0, 0", "+12, 12", "-7, -7"
    })
    void integersFollowGoBaseZeroParsing(String text, long want) throws Exception {
        GoYaml.Resolved r = plain(text);
        assertThat(r.type()).isEqualTo(Type.INT);
        assertThat(r.value()).isEqualTo(want);
    }

    @Test
    void invalidOctalFallsBackToAFloat() throws Exception {
        // 0999 is no octal number, but it reads as the float 999
        assertThat(plain("0999").type()).isEqualTo(Type.FLOAT);
        assertThat(plain("0o999").type()).isEqualTo(Type.STR);
    }

    @Test
    void hugeIntegersBecomeUnsignedOrFloats() throws Exception {
        assertThat(plain("18446744073709551615").value()).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(plain("99999999999999999999").type()).isEqualTo(Type.FLOAT);
        // Go's ParseUint takes no sign: with a '+', only int64 is an integer; beyond it a float
        // (or, where no float form fits, a string)
        assertThat(plain("+9223372036854775807").value()).isEqualTo(Long.MAX_VALUE);
        assertThat(plain("+9223372036854775808").type()).isEqualTo(Type.FLOAT);
        assertThat(plain("+18446744073709551615").type()).isEqualTo(Type.FLOAT);
        assertThat(plain("+0x8000000000000000").type()).isEqualTo(Type.STR);
    }

    @ParameterizedTest
    @CsvSource({"true, BOOL", "False, BOOL", "yes, STR", "on, STR", "~, NULL", "null, NULL", "'', NULL",
        ".inf, FLOAT", ".5, FLOAT", "1e3, FLOAT", "hello, STR", "2001-12-14, STR"})
    void coreSchemaResolution(String text, Type want) throws Exception {
        assertThat(plain(text).type()).isEqualTo(want);
    }

    @Test
    void quotedScalarsAreStrings() throws Exception {
        assertThat(GoYaml.resolve(new YScalar(null, "0644", Style.SINGLE_QUOTED, 1, 1)).type()).isEqualTo(Type.STR);
        assertThat(GoYaml.resolve(new YScalar(null, "true", Style.LITERAL, 1, 1)).type()).isEqualTo(Type.STR);
    }

    @Test
    void explicitTagsMustAgreeWithTheText() {
        assertThatThrownBy(() -> GoYaml.resolve(new YScalar("!!bool", "yes", Style.PLAIN, 1, 1)))
                .isInstanceOf(GoYaml.TagMismatch.class);
    }

    @Test
    void explicitFloatTagAcceptsIntegers() throws Exception {
        assertThat(GoYaml.resolve(new YScalar("!!float", "1", Style.PLAIN, 1, 1)).type()).isEqualTo(Type.FLOAT);
    }

    @Test
    void binaryIsKeptForDecoding() throws Exception {
        assertThat(GoYaml.resolve(new YScalar("!!binary", "aGk=", Style.PLAIN, 1, 1)).type()).isEqualTo(Type.BINARY);
    }

    @Test
    void theFloatFormCheckAgreesWithGoYamlsRegularExpression() {
        Pattern yamlFloat = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
        String[] fixed = {"", "1", "1.", ".5", ".", "+.5", "-1.5e3", "1e", "1e+", "1E-7", "e5", "1.2.3", "+", "-.",
            "1_0", "١", "1.5e3\n", "12a", "0x10", " 1"};
        for (String s : fixed) {
            assertThat(GoYaml.isYamlFloat(s)).as(s).isEqualTo(yamlFloat.matcher(s).matches());
        }
        Random r = new Random(7);
        String alphabet = "0123456789.eE+-x_ \n";
        for (int i = 0; i < 20000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(8);
            for (int j = 0; j < n; j++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertThat(GoYaml.isYamlFloat(s)).as(s).isEqualTo(yamlFloat.matcher(s).matches());
        }
    }

    @Test
    void stringsAreQuotedAsGoQuotesThem() {
        // expected texts written by Go's strconv.Quote (checked against Butane's messages)
        assertThat(GoYaml.goQuote("")).isEqualTo("\"\"");
        assertThat(GoYaml.goQuote("plain key")).isEqualTo("\"plain key\"");
        assertThat(GoYaml.goQuote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(GoYaml.goQuote("\n\t\r\u0007\b\f\u000b")).isEqualTo("\"\\n\\t\\r\\a\\b\\f\\v\"");
        assertThat(GoYaml.goQuote("\u0001\u007f")).isEqualTo("\"\\x01\\x7f\"");
        assertThat(GoYaml.goQuote("\u00e9\uD83D\uDE00")).isEqualTo("\"\u00e9\uD83D\uDE00\""); // printable: kept
        assertThat(GoYaml.goQuote("\u00a0\u2028\u0085\u200b\ue000"))
                .isEqualTo("\"\\u00a0\\u2028\\u0085\\u200b\\ue000\"");
        assertThat(GoYaml.goQuote("\uDB80\uDC00")).isEqualTo("\"\\U000f0000\""); // private use, plane 15
    }
}
