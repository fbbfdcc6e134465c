/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON writing shared by the JSON and SARIF reports: two-space indentation, {@code \n} line ends. */
final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Writes the body of a document. */
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private Json() {
    }

    /** A document as UTF-8 bytes, pretty-printed the same way on every platform, ending in a newline. */
    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(printer());
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /** A number, or null when it is 0 (unknown). */
    static void positive(JsonGenerator g, String field, int value) throws IOException {
        if (value > 0) {
            g.writeNumberField(field, value);
        } else {
            g.writeNullField(field);
        }
    }
}
