/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's entry points with bad arguments and endless input. */
class HostileCallersTest {
    @TempDir
    Path tmp;

    @Test
    void nullArgumentsThrowAtTheCall() {
        Transpiler t = Transpiler.create();
        assertThatThrownBy(() -> t.transpile((byte[]) null, TranspileOptions.defaults()))
                .isInstanceOf(NullPointerException.class).hasMessage("input");
        assertThatThrownBy(() -> t.transpile((String) null, TranspileOptions.defaults()))
                .isInstanceOf(NullPointerException.class).hasMessage("input");
        assertThatThrownBy(() -> t.transpile("variant: fcos\nversion: 1.5.0\n", null))
                .isInstanceOf(NullPointerException.class).hasMessage("options");
        assertThatThrownBy(() -> ConfigInput.read((InputStream) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ConfigInput.read((Path) null)).isInstanceOf(NullPointerException.class);
    }

    /** A stream that never ends: reading must stop one byte past the limit. */
    @Test
    void endlessInputIsCutJustPastTheLimitAndRefused() throws Exception {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return '#';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) '#');
                served[0] += len;
                return len;
            }
        };
        byte[] got = ConfigInput.read(endless);
        assertThat(got).hasSize(ConfigInput.MAX_BYTES + 1);
        assertThat(served[0]).isEqualTo(ConfigInput.MAX_BYTES + 1L);
        TranspileResult r = Transpiler.create().transpile(got, TranspileOptions.defaults());
        assertThat(r.fatal().orElseThrow().message())
                .isEqualTo("input is larger than the limit of " + ConfigInput.MAX_BYTES + " bytes");
    }

    @Test
    void smallInputsAreReadWhole() throws Exception {
        Path f = Files.writeString(tmp.resolve("a.bu"), "variant: fcos\nversion: 1.5.0\n");
        assertThat(new String(ConfigInput.read(f), StandardCharsets.UTF_8)).isEqualTo("variant: fcos\nversion: 1.5.0\n");
        assertThat(ConfigInput.read(InputStream.nullInputStream())).isEmpty();
        byte[] exact = new byte[ConfigInput.MAX_BYTES];
        assertThat(ConfigInput.read(new java.io.ByteArrayInputStream(exact))).hasSize(ConfigInput.MAX_BYTES);
    }
}
