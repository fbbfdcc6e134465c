/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

/**
 * Recognises file modes that were probably written in decimal by mistake ({@code mode: 644}
 * instead of {@code 0644}): the value is an unusual mode, but its digits read as octal give a
 * usual one.
 */
final class Modes {
    private Modes() {
    }

    static boolean looksDecimal(long mode, boolean directory) {
        if (mode < 0 || mode > 7777) {
            return false;
        }
        int octal = 0;
        for (int divisor = 1000; divisor > 0; divisor /= 10) {
            int digit = (int) (mode / divisor) % 10;
            if (digit > 7) {
                return false;
            }
            octal = (octal << 3) | digit;
        }
        return !isUsual((int) mode, directory) && isUsual(octal, directory);
    }

    /**
     * A usual mode grants each class (user, group, other) at least what a less specific class
     * has, never write or execute without read, never execute in a class when a less specific
     * class can read but not execute, and someone can read. Directories need someone with
     * execute; special bits must make sense for the node type.
     */
    static boolean isUsual(int mode, boolean directory) {
        if (mode == 0) {
            return true;
        }
        boolean hadR = false;
        boolean hadW = false;
        boolean hadX = false;
        for (int shift = 0; shift <= 6; shift += 3) {
            int perm = (mode >> shift) & 7;
            boolean r = (perm & 4) != 0;
            boolean w = (perm & 2) != 0;
            boolean x = (perm & 1) != 0;
            if ((!r && hadR) || (!w && hadW) || (!x && hadX)) {
                return false;
            }
            if (x && hadR && !hadX) {
                return false;
            }
            if ((w || x) && !r) {
                return false;
            }
            hadR |= r;
            hadW |= w;
            hadX |= x;
        }
        if (!hadR) {
            return false;
        }
        if (directory) {
            return hadX && (mode & 04000) == 0 && ((mode & 03000) == 0 || hadW);
        }
        if ((mode & 06000) != 0 && (!hadX || (mode & 2) != 0)) {
            return false;
        }
        return (mode & 01000) == 0;
    }
}
