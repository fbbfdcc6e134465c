package dev.kindling.transpiler.decompile;

import dev.kindling.transpiler.spec.SpecVersion;

/** What a pass may look at: the spec being written, the options, and where to report. */
record PassContext(SpecVersion spec, DecompileOptions options, Problems problems) {
}
