/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written text checks of the semantic rules against the regular expressions they
 * replace (the rules as documented), on systematic and random inputs.
 */
class TextShapesTest {
    private static final Pattern GUID = Pattern.compile(
            "|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INSTANCE = Pattern.compile("^(.+?)@(.+?)\\.service\\z", Pattern.UNIX_LINES);

    private static String expectedPrefix(String name) {
        Matcher m = INSTANCE.matcher(name);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void guidsMatchTheDocumentedPattern() {
        List<String> inputs = new ArrayList<>(List.of("", "01234567-89AB-CDEF-EDCB-A98765432101",
                "01234567-89ab-cdef-edcb-a98765432101", "01234567-89AB-CDEF-EDCB-A9876543210",
                "01234567-89AB-CDEF-EDCB-A987654321011", "0123456789AB-CDEF-EDCB-A98765432101-",
                "g1234567-89AB-CDEF-EDCB-A98765432101", "01234567_89AB-CDEF-EDCB-A98765432101",
                "01234567-89AB-CDEF-EDCB-A9876543210\n"));
        Random random = new Random(12);
        String alphabet = "0123456789abcdefABCDEFgG-_ \n";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder("01234567-89AB-CDEF-EDCB-A98765432101");
            int edits = random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(b.length() + 1);
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> b.insert(at, c);
                    case 1 -> b.setCharAt(Math.min(at, b.length() - 1), c);
                    default -> b.deleteCharAt(Math.min(at, b.length() - 1));
                }
            }
            inputs.add(b.toString());
        }
        for (String s : inputs) {
            assertThat(SemanticRules.isGuidOrEmpty(s)).as("'%s'", s).isEqualTo(GUID.matcher(s).matches());
        }
    }

    @Test
    void templatePrefixesMatchTheDocumentedPattern() {
        List<String> inputs = new ArrayList<>(List.of("a@b.service", "@b.service", "a@.service", "a@b.socket",
                "getty@tty1.service", "a@b@c.service", "@@x.service", "a@b.service\n", "a\n@b.service",
                "a@b\r.service", "x.service", "a@b.servicex", ".service", "@.service", "a@@.service"));
        Random random = new Random(34);
        String[] parts = {"a", "@", ".", "service", ".service", "\n", "\r", "x", "@.service"};
        for (int i = 0; i < 30_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(6);
            for (int k = 0; k < n; k++) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            if (random.nextBoolean()) {
                b.append(".service");
            }
            inputs.add(b.toString());
        }
        for (String s : inputs) {
            assertThat(SemanticRules.templatePrefix(s)).as("'%s'", s).isEqualTo(expectedPrefix(s));
        }
    }
}
