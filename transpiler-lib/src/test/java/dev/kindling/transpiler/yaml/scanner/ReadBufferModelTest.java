/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The model of go-yaml's read buffer in {@link WholeInputReader}: which character is at the
 * buffer's front (go-yaml's line-start byte order mark test looks there) after the scanner's
 * look-aheads. The golden cases {@code yaml-dialect/bom-at-read-end-*} check the whole effect
 * against Butane; these check the bookkeeping itself.
 */
class ReadBufferModelTest {

    private static WholeInputReader reader(String text) {
        return new WholeInputReader("test", text, 0, -1, false);
    }

    /** {@code n} ASCII characters, then a BOM, then more text. */
    private static String bomAt(int n) {
        return "a".repeat(n) + "\uFEFF" + "b\n".repeat(400);
    }

    @Test
    void aTextWithoutBomIsNotModelled() {
        WholeInputReader r = reader("a: b\n".repeat(300));
        assertThat(r.buffered()).isFalse();
        r.forward(700);
        r.cache(4);
        assertThat(r.bufferStartsWithBom()).isFalse();
    }

    @Test
    void aSecondLeadingBomHoldsTheFrontUntilTheFirstRefill() {
        WholeInputReader r = reader("\uFEFF" + "x: y\n".repeat(300));
        assertThat(r.bufferStartsWithBom()).isTrue();
        r.forward(500); // 3 bytes of BOM + 500 characters: still inside the first 512-byte read
        r.cache(1);
        assertThat(r.bufferStartsWithBom()).isTrue();
        r.forward(10);
        r.cache(1); // past the first read: the front is now where the scanner stands
        assertThat(r.bufferStartsWithBom()).isFalse();
    }

    @Test
    void aBomAcrossTheReadBoundaryIsAtTheFrontWhenTheScannerReachesIt() {
        // bytes 510-512: the first read ends inside the BOM, so the buffer ends before it
        WholeInputReader r = reader(bomAt(510));
        r.forward(510);
        assertThat(r.bufferStartsWithBom()).isFalse();
        r.cache(1);
        assertThat(r.bufferStartsWithBom()).isTrue();
        r.forward(600);
        r.cache(1); // the next refill moves the front on
        assertThat(r.bufferStartsWithBom()).isFalse();
    }

    @Test
    void aLongerLookAheadBeforeTheBomRefillsEarlier() {
        // the same BOM, but the scanner asks for four characters one place before it (a token
        // start): the refill happens there and the front is an 'a'
        WholeInputReader r = reader(bomAt(510));
        r.forward(509);
        r.cache(4);
        r.forward(1);
        r.cache(1);
        assertThat(r.bufferStartsWithBom()).isFalse();
    }

    @Test
    void aBomAsTheLastCharacterOfAReadNeedsALookAheadOfTwo() {
        // bytes 509-511: the BOM is the last character of the first read
        WholeInputReader r = reader(bomAt(509));
        r.forward(509);
        r.cache(1); // one character is there: no refill
        assertThat(r.bufferStartsWithBom()).isFalse();

        WholeInputReader plain = reader(bomAt(509));
        plain.cacheRun(1, 509, 2); // a plain scalar reads each character with two in view
        plain.forward(509);
        assertThat(plain.bufferStartsWithBom()).isTrue();
    }

    @Test
    void consumingALineBreakLooksTwoCharactersAhead() {
        // a line break as the last character of the read, the BOM right after it: the break's
        // look-ahead of two refills at the break, so the BOM is not at the front
        String text = "a".repeat(510) + "\n" + "\uFEFF" + "b\n".repeat(300);
        WholeInputReader r = reader(text);
        r.forward(511);
        r.cache(1);
        assertThat(r.bufferStartsWithBom()).isFalse();
    }

    @Test
    void multiByteCharactersCountInBytes() {
        // 255 two-byte characters fill 510 bytes: the BOM straddles the boundary as above
        String text = "é".repeat(255) + "\uFEFF" + "b\n".repeat(300);
        WholeInputReader r = reader(text);
        r.forward(255);
        r.cache(1);
        assertThat(r.bufferStartsWithBom()).isTrue();
    }

    @Test
    void newlinesCountBreaksSinceTheLastNonBlank() {
        WholeInputReader r = reader("\uFEFFab \n\r\n x");
        r.forward(3); // BOM, a, b
        assertThat(r.newlines()).isZero();
        r.forward(1); // a blank keeps the count
        assertThat(r.newlines()).isZero();
        r.forward(3); // LF, then CR LF as one break
        assertThat(r.newlines()).isEqualTo(2);
        r.forward(2); // blank, x
        assertThat(r.newlines()).isZero();
    }
}
