/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.tree;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Butane's field-name convention (snake_case) versus Ignition's (camelCase). */
public final class Names {
    // The names converted are the schema's field names (a few hundred), converted for every
    // field of every object written: remembering them saves building the same strings again.
    // Names that come from elsewhere are converted too, so the caches stop growing at a bound.
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, String> CAMEL = new ConcurrentHashMap<>();
    private static final Map<String, String> SNAKE = new ConcurrentHashMap<>();

    private Names() {
    }

    /** {@code size_mib} to {@code sizeMiB}, {@code http_headers} to {@code httpHeaders}. */
    public static String snakeToCamel(String snake) {
        return cached(CAMEL, snake, true);
    }

    /** The inverse of {@link #snakeToCamel}: {@code sizeMiB} to {@code size_mib}. */
    public static String camelToSnake(String camel) {
        return cached(SNAKE, camel, false);
    }

    private static String cached(Map<String, String> cache, String name, boolean toCamel) {
        String known = cache.get(name);
        if (known != null) {
            return known;
        }
        String converted = toCamel ? toCamel(name) : toSnake(name);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(name, converted);
        }
        return converted;
    }

    private static String toCamel(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        int i = 0;
        while (i < snake.length()) {
            char c = snake.charAt(i);
            if (c == '_' && i + 1 < snake.length()) {
                if (snake.startsWith("mib", i + 1) && i + 4 == snake.length()) {
                    sb.append("MiB");
                    return sb.toString();
                }
                sb.append(Character.toUpperCase(snake.charAt(i + 1)));
                i += 2;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static String toSnake(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        int i = 0;
        while (i < camel.length()) {
            if (camel.startsWith("MiB", i)) {
                sb.append("_mib");
                i += 3;
                continue;
            }
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
            i++;
        }
        return sb.toString();
    }
}
