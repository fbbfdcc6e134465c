/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import java.util.List;

/** Totals over a build's configs, and the sentence a failing build ends with. */
record Summary(int files, int transpiled, int upToDate, int failed, long errors, long warnings,
        int filesWithErrors, int filesWithWarnings, boolean strict) {

    static Summary of(List<FileOutcome> outcomes, boolean strict) {
        int transpiled = 0;
        int upToDate = 0;
        int failed = 0;
        long errors = 0;
        long warnings = 0;
        int withErrors = 0;
        int withWarnings = 0;
        for (FileOutcome o : outcomes) {
            switch (o.status()) {
                case TRANSPILED -> transpiled++;
                case UP_TO_DATE -> upToDate++;
                case FAILED -> failed++;
            }
            errors += o.errors();
            warnings += o.warnings();
            if (o.errors() > 0) {
                withErrors++;
            }
            if (o.warnings() > 0) {
                withWarnings++;
            }
        }
        return new Summary(outcomes.size(), transpiled, upToDate, failed, errors, warnings, withErrors,
                withWarnings, strict);
    }

    /** Whether the build fails: any error, or any warning with strict. */
    boolean failing() {
        return errors > 0 || (strict && warnings > 0) || failed > 0;
    }

    /**
     * Why the build fails, e.g. {@code 3 errors in 2 files}; with strict, warnings are counted
     * too: {@code 1 error and 2 warnings in 2 files (strict)}.
     */
    String failureMessage() {
        if (strict && warnings > 0) {
            String what = errors > 0 ? count(errors, "error") + " and " + count(warnings, "warning")
                    : count(warnings, "warning");
            return what + " in " + count(failed, "file") + " (strict: warnings fail the build)";
        }
        if (errors > 0) {
            return count(errors, "error") + " in " + count(filesWithErrors, "file");
        }
        return count(failed, "file") + " failed";
    }

    static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
