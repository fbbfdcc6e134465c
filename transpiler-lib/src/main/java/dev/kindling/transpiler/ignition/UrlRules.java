/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import java.util.List;

/** Which resource URLs each Ignition version can fetch, and the related checks on proxies and tang servers. */
final class UrlRules {
    private UrlRules() {
    }

    /** Why a URL is refused; each maps to one diagnostic code. */
    enum Problem {
        UNPARSABLE(IgnitionCodes.INVALID_URL, "the URL cannot be parsed"),
        SCHEME(IgnitionCodes.INVALID_SCHEME, "the URL scheme is not supported"),
        S3_VERSION_ID(IgnitionCodes.INVALID_S3_VERSION_ID, "the S3 versionId parameter is empty"),
        S3_ARN(IgnitionCodes.INVALID_S3_ARN, "the ARN does not name an S3 object"),
        DATA(IgnitionCodes.INVALID_DATA_URL, "the data URL cannot be decoded");

        final String code;
        final String message;

        Problem(String code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    /** Checks a (non-empty) resource source URL; null when Ignition of this minor version accepts it. */
    static Problem checkSource(String s, int minor) {
        GoUrl u = GoUrl.parse(s);
        if (u == null) {
            return Problem.UNPARSABLE;
        }
        switch (u.scheme) {
            case "http", "https", "tftp":
                return null;
            case "gs":
                return minor >= 2 ? null : Problem.SCHEME;
            case "s3":
                return versionIdProblem(u);
            case "arn":
                return minor >= 4 ? arnProblem(u) : Problem.SCHEME;
            case "data":
                return DataUrl.decodable(s) ? null : Problem.DATA;
            default:
                return Problem.SCHEME;
        }
    }

    private static Problem versionIdProblem(GoUrl u) {
        List<String> ids = u.queryValues("versionId");
        if (ids != null && (ids.isEmpty() || ids.get(0).isEmpty())) {
            return Problem.S3_VERSION_ID;
        }
        return null;
    }

    /** An S3 ARN naming an object: arn:partition:s3:region:account:bucket/key (or an access point's object). */
    private static Problem arnProblem(GoUrl u) {
        String arn = "arn:" + u.opaque;
        long colons = 0;
        for (int i = 0; i < arn.length(); i++) {
            if (arn.charAt(i) == ':') {
                colons++;
            }
        }
        if (colons < 5) {
            return Problem.S3_ARN;
        }
        String[] sections = arn.split(":", 6);
        if (!sections[2].equals("s3")) {
            return Problem.S3_ARN;
        }
        String resource = sections[5];
        int slashParts = arn.split("/", -1).length;
        if (resource.startsWith("accesspoint/") ? slashParts < 3 : slashParts < 2) {
            return Problem.S3_ARN;
        }
        return versionIdProblem(u);
    }

    /** Whether a tang server URL is acceptable: it must parse and use http or https. */
    static Problem checkTang(String s) {
        GoUrl u = GoUrl.parse(s);
        if (u == null) {
            return Problem.UNPARSABLE;
        }
        return u.scheme.equals("http") || u.scheme.equals("https") ? null : Problem.SCHEME;
    }

    /** The scheme of a URL, or null when it cannot be parsed. */
    static String scheme(String s) {
        GoUrl u = GoUrl.parse(s);
        return u == null ? null : u.scheme;
    }
}
