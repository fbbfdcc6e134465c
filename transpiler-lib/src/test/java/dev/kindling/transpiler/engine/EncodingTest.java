/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Data URLs, systemd escaping, decimal modes and version parsing. */
class EncodingTest {
    @Test
    void shortTextIsPercentEncoded() {
        DataUrls.Encoded e = DataUrls.encode("a=1\n".getBytes(StandardCharsets.UTF_8), true);
        assertThat(e.url()).isEqualTo("data:,a%3D1%0A");
        assertThat(e.compression()).isEmpty();
    }

    @Test
    void binaryPrefersBase64() {
        // percent-encoding triples each byte; base64 wins once it is strictly shorter
        DataUrls.Encoded e = DataUrls.encode(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 3}, true);
        assertThat(e.url()).isEqualTo("data:;base64,AAEC//4D");
        assertThat(DataUrls.encode(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe}, true).url())
                .isEqualTo("data:,%00%01%02%FF%FE");
    }

    @Test
    void repetitiveTextIsGzippedAndDecodesBack() throws Exception {
        byte[] data = "hello world\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        DataUrls.Encoded e = DataUrls.encode(data, true);
        assertThat(e.compression()).isEqualTo("gzip");
        byte[] gz = Base64.getDecoder().decode(e.url().substring("data:;base64,".length()));
        assertThat(gz[9] & 0xff).isEqualTo(255);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        assertThat(DataUrls.encode(data, false).compression()).isEmpty();
    }

    /** What the gzip stream must be: the JDK's gzip writer at level 9, with Go's XFL and OS bytes. */
    private static byte[] referenceGzip(byte[] data) throws java.io.IOException {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bos, 8192) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(data);
        }
        byte[] out = bos.toByteArray();
        out[8] = 2;
        out[9] = (byte) 255;
        return out;
    }

    @Test
    void theGzipStreamIsTheJdkWritersWithGosHeaderAndGunzipsBack() throws Exception {
        java.util.Random random = new java.util.Random(5);
        // sizes around the block boundaries of the stream, and a few MiB of mixed text and noise
        for (int n : new int[] {0, 1, 100, 4095, 4096, 4097, 70_000, 300_000, 3 << 20}) {
            byte[] data = new byte[n];
            for (int j = 0; j < n; j++) {
                data[j] = (byte) ((j / 5000) % 3 == 0 ? random.nextInt(256) : 'a' + random.nextInt(5));
            }
            byte[] gz = DataUrls.gzip(data);
            assertThat(gz).as("%d bytes", n).isEqualTo(referenceGzip(data));
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
            DataUrls.Encoded e = DataUrls.encode(data, true);
            if (e.compression().equals("gzip")) {
                assertThat(e.url()).isEqualTo("data:;base64," + Base64.getEncoder().encodeToString(gz));
            }
        }
    }

    @Test
    void skippingGzipNeverChangesTheChoice() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 3000; i++) {
            int n = random.nextInt(i < 2000 ? 64 : 4096);
            byte[] data = new byte[n];
            int alphabet = 1 + random.nextInt(40);
            for (int j = 0; j < n; j++) {
                data[j] = (byte) ('a' + random.nextInt(alphabet));
            }
            String plain = "," + DataUrls.percentEncode(data);
            String b64 = ";base64," + Base64.getEncoder().encodeToString(data);
            String best = b64.length() < plain.length() ? b64 : plain;
            int gz = (";base64," + Base64.getEncoder().encodeToString(DataUrls.gzip(data))).length();
            if (gz + 4 < best.length()) {
                assertThat(DataUrls.mayCompressShorter(n, best.length())).as("length %d", n).isTrue();
            }
        }
    }

    /**
     * The encoder compares lengths and builds only the winner; it must choose and produce
     * exactly what building every candidate in full and keeping the shortest gives.
     */
    @Test
    void buildingOnlyTheWinnerGivesWhatBuildingEveryCandidateGives() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 2500; i++) {
            int n = random.nextInt(i < 1500 ? 80 : 6000);
            byte[] data = new byte[n];
            int kind = random.nextInt(4);
            int alphabet = 1 + random.nextInt(60);
            for (int j = 0; j < n; j++) {
                data[j] = (byte) switch (kind) {
                    case 0 -> random.nextInt(256);
                    case 1 -> 'a' + random.nextInt(alphabet);
                    case 2 -> random.nextInt(alphabet) * 4;
                    default -> j % 7 == 0 ? random.nextInt(256) : 'x';
                };
            }
            for (boolean gzip : new boolean[] {true, false}) {
                String best = "," + DataUrls.percentEncode(data);
                String b64 = ";base64," + Base64.getEncoder().encodeToString(data);
                if (b64.length() < best.length()) {
                    best = b64;
                }
                String wantUrl = "data:" + best;
                String wantCompression = "";
                if (gzip) {
                    String gz = ";base64," + Base64.getEncoder().encodeToString(DataUrls.gzip(data));
                    if (gz.length() + 4 < best.length()) {
                        wantUrl = "data:" + gz;
                        wantCompression = "gzip";
                    }
                }
                DataUrls.Encoded got = DataUrls.encode(data, gzip);
                assertThat(got.url()).as("case %d, %d bytes, gzip %s", i, n, gzip).isEqualTo(wantUrl);
                assertThat(got.compression()).isEqualTo(wantCompression);
            }
        }
    }

    @Test
    void percentLengthIsExactBelowItsLimitAndAtLeastTheLimitOtherwise() {
        java.util.Random rng = new java.util.Random(7);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[rng.nextInt(20_000)];
            int alphabet = 1 + rng.nextInt(256);
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) rng.nextInt(alphabet);
            }
            long exact = DataUrls.percentEncode(data).length();
            assertThat(DataUrls.percentEncodedLength(data)).isEqualTo(exact);
            long limit = rng.nextInt(3 * data.length + 2);
            long bounded = DataUrls.percentEncodedLength(data, limit);
            if (exact < limit) {
                assertThat(bounded).isEqualTo(exact);
            } else {
                assertThat(bounded).isGreaterThanOrEqualTo(limit).isLessThanOrEqualTo(exact);
            }
        }
    }

    @Test
    void emptyContents() {
        assertThat(DataUrls.encode(new byte[0], true).url()).isEqualTo("data:,");
    }

    @ParameterizedTest
    @CsvSource({"/var/lib/my-data, var-lib-my\\x2ddata", "/, -", "/srv//data/, srv-data", "/.hidden, \\x2ehidden",
        "/a b, a\\x20b", "/x\ty, x\\x9y", "/München, M\\xc3\\xbcnchen"})
    void systemdPathEscape(String path, String want) {
        assertThat(SystemdEscape.path(path)).isEqualTo(want);
    }

    @ParameterizedTest
    @CsvSource({"644, false, true", "755, false, true", "420, false, false", "0, false, false",
        "777, true, true", "4755, false, true", "1777, true, true", "4777, false, false", "600, false, true", "9999, false, false"})
    void decimalModes(long mode, boolean directory, boolean suspicious) {
        assertThat(Modes.looksDecimal(mode, directory)).isEqualTo(suspicious);
    }

    @ParameterizedTest
    @CsvSource({"1.4.0, 1.4.0", "1.04.0, 1.4.0", "1.8.0-experimental, 1.8.0-experimental", "1.6, ",
        "1.6.0.1, ", "a.b.c, ", "1.6.0-, 1.6.0", "1.6.0+meta, 1.6.0+meta"})
    void semver(String in, String want) {
        assertThat(SemVer.normalize(in)).isEqualTo(want);
    }

    /** The loops of SemVer accept exactly what the regular expression and stream they replaced did. */
    @Test
    void semverLoopsAgreeWithTheRegularExpression() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "0019.+-aZ_\u0661 \n";
        for (int n = 0; n < 50_000; n++) {
            StringBuilder v = new StringBuilder();
            for (int len = random.nextInt(12); len > 0; len--) {
                v.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = v.toString();
            assertThat(SemVer.normalize(text)).as(text).isEqualTo(referenceNormalize(text));
        }
    }

    private static String referenceNormalize(String v) {
        String rest = v;
        String meta = null;
        int plus = rest.indexOf('+');
        if (plus >= 0) {
            meta = rest.substring(plus + 1);
            rest = rest.substring(0, plus);
        }
        String pre = null;
        int dash = rest.indexOf('-');
        if (dash >= 0) {
            pre = rest.substring(dash + 1);
            rest = rest.substring(0, dash);
        }
        String[] parts = rest.split("\\.", 3);
        java.util.function.Predicate<String> ids = s -> s.isEmpty()
                || java.util.Arrays.stream(s.split("\\.", -1)).allMatch(p -> p.matches("^[0-9A-Za-z-]+$"));
        if (parts.length != 3 || (pre != null && !ids.test(pre)) || (meta != null && !ids.test(meta))) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String t = parts[i].startsWith("+") ? parts[i].substring(1) : parts[i];
            if (t.isEmpty() || !t.chars().allMatch(Character::isDigit)) {
                return null;
            }
            java.math.BigInteger b = new java.math.BigInteger(t);
            if (b.bitLength() >= 64) {
                return null;
            }
            sb.append(i > 0 ? "." : "").append(b.longValue());
        }
        if (pre != null && !pre.isEmpty()) {
            sb.append('-').append(pre);
        }
        if (meta != null && !meta.isEmpty()) {
            sb.append('+').append(meta);
        }
        return sb.toString();
    }

    @Test
    void goPathClean() {
        assertThat(Trees.cleanPath("/usr/local/../lib//x/.")).isEqualTo("/usr/lib/x");
        assertThat(Trees.cleanPath("/")).isEqualTo("/");
        assertThat(Trees.cleanPath("/..")).isEqualTo("/");
    }
}
