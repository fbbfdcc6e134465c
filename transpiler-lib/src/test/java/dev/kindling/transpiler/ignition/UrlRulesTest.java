/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import static dev.kindling.transpiler.ignition.UrlRules.Problem.DATA;
import static dev.kindling.transpiler.ignition.UrlRules.Problem.S3_ARN;
import static dev.kindling.transpiler.ignition.UrlRules.Problem.S3_VERSION_ID;
import static dev.kindling.transpiler.ignition.UrlRules.Problem.SCHEME;
import static dev.kindling.transpiler.ignition.UrlRules.Problem.UNPARSABLE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlRulesTest {
    @Test
    void acceptedSchemes() {
        for (String url : new String[] {"http://h/p", "HTTPS://h:8080/p?q#f", "tftp://h/f", "s3://b/k",
                "s3://b/k?versionId=3", "data:,x", "http://user:pw@h/"}) {
            assertThat(UrlRules.checkSource(url, 0)).as(url).isNull();
        }
        assertThat(UrlRules.checkSource("gs://b/o", 1)).isEqualTo(SCHEME);
        assertThat(UrlRules.checkSource("gs://b/o", 2)).isNull();
        assertThat(UrlRules.checkSource("file:///etc/x", 6)).isEqualTo(SCHEME);
        assertThat(UrlRules.checkSource("/etc/x", 6)).isEqualTo(SCHEME);
        assertThat(UrlRules.checkSource("", 6)).isEqualTo(SCHEME);
    }

    @Test
    void unparsableUrls() {
        for (String url : new String[] {":x", "http://h\t/", "http://[::1/", "http://h:port/", "http://a b/",
                "http://h/%zz", "http://h/#%z", "a_b:c", "http://u^@h/", "http://%41/"}) {
            assertThat(UrlRules.checkSource(url, 6)).as(url).isEqualTo(UNPARSABLE);
        }
        assertThat(UrlRules.checkSource("http://[fe80::1%25en0]:80/", 6)).isNull();
        assertThat(UrlRules.checkSource("http://h/%41#ok", 6)).isNull();
    }

    @Test
    void s3VersionId() {
        assertThat(UrlRules.checkSource("s3://b/k?versionId=", 0)).isEqualTo(S3_VERSION_ID);
        assertThat(UrlRules.checkSource("s3://b/k?versionId", 0)).isEqualTo(S3_VERSION_ID);
        assertThat(UrlRules.checkSource("s3://b/k?%76ersionId=&versionId=2", 0)).isEqualTo(S3_VERSION_ID);
        assertThat(UrlRules.checkSource("s3://b/k?versionId=%zz&versionId=2", 0)).isNull();
        assertThat(UrlRules.checkSource("s3://b/k?versionId=;&versionId=2", 0)).isNull();
    }

    @Test
    void s3Arns() {
        assertThat(UrlRules.checkSource("arn:aws:s3:::bucket/key", 3)).isEqualTo(SCHEME);
        assertThat(UrlRules.checkSource("arn:aws:s3:::bucket/key", 4)).isNull();
        assertThat(UrlRules.checkSource("arn:aws:s3:us-east-1:123:accesspoint/ap/object/key", 4)).isNull();
        assertThat(UrlRules.checkSource("arn:aws:s3:us-east-1:123:accesspoint/ap", 4)).isEqualTo(S3_ARN);
        assertThat(UrlRules.checkSource("arn:aws:s3:::bucket", 4)).isEqualTo(S3_ARN);
        assertThat(UrlRules.checkSource("arn:aws:iam::123:user/x", 4)).isEqualTo(S3_ARN);
        assertThat(UrlRules.checkSource("arn:aws:s3::/x", 4)).isEqualTo(S3_ARN);
        assertThat(UrlRules.checkSource("arn:aws:s3:::b/k?versionId=", 4)).isEqualTo(S3_VERSION_ID);
    }

    @Test
    void dataUrls() {
        for (String url : new String[] {"data:,", "data:,hello%20world", "data:;base64,aGk=", "data:;base64,aGVsbG8=",
                "data:text/plain;charset=utf-8;base64,YQ==", "data:application/json,%7B%7D",
                "data:text/plain;a=\"q\\\"x\",z", "data:x-foo/bar,x", "data:textual/x,y"}) {
            assertThat(UrlRules.checkSource(url, 6)).as(url).isNull();
        }
        for (String url : new String[] {"data:", "data:text/plain", "data:foo/bar,x", "data:TEXT/plain,x",
                "data:xy/z,a", "data:,a b", "data:,a#b", "data:,%4", "data:,é", "data:;base64,aGk",
                "data:;base64,a===", "data:;base64,aGk=a", "data:;bas64,x",
                "data:;a=%zz,x", "data:;a,x", "data:;a=\"x\\'\",z", "data:text/plain;=x,y"}) {
            assertThat(UrlRules.checkSource(url, 6)).as(url).isEqualTo(DATA);
        }
        // control characters never get past the URL parser
        assertThat(UrlRules.checkSource("data:;base64,YW\nJj", 6)).isEqualTo(UNPARSABLE);
    }

    @Test
    void tangUrls() {
        assertThat(UrlRules.checkTang("http://t")).isNull();
        assertThat(UrlRules.checkTang("https://t:7500")).isNull();
        assertThat(UrlRules.checkTang("")).isEqualTo(SCHEME);
        assertThat(UrlRules.checkTang("%")).isEqualTo(UNPARSABLE);
    }
}
