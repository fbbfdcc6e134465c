/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import static dev.kindling.transpiler.ignition.Reports.cfg;
import static dev.kindling.transpiler.ignition.Reports.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.tree.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IgnitionValidatorTest {
    private static final String SHA512 = "sha512-" + "a".repeat(128);
    private static final String SHA256 = "sha256-" + "b".repeat(64);

    // ---- general -----------------------------------------------------------------------------

    @Test
    void validConfigReportsNothing() {
        for (int minor = 0; minor <= 7; minor++) {
            assertThat(lines(minor, cfg(minor, "'storage':{'files':[{'path':'/etc/motd','mode':420,"
                    + "'contents':{'source':'data:,hello'}}]}"))).as("minor %d", minor).isEmpty();
        }
    }

    @Test
    void rejectsUnknownMinorVersion() {
        assertThatThrownBy(() -> IgnitionValidator.validate(Reports.config("{}"), 8, (s, p, c, m) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsExactPathObjectAndSeverity() {
        List<Reports.Entry> entries = Reports.validate(3, cfg(3, "'storage':{'files':[{'path':'etc/motd'}]}"));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(entries.get(0).path()).isEqualTo(Path.of("storage", "files", 0, "path"));
        assertThat(entries.get(0).code()).isEqualTo(IgnitionCodes.PATH_NOT_ABSOLUTE);
        assertThat(entries.get(0).message()).isNotBlank();
    }

    // ---- ignition.version --------------------------------------------------------------------

    @Test
    void versionMustBeTheSpecVersion() {
        assertThat(lines(6, "{'ignition':{'version':'3.5.0'}}"))
                .containsExactly("error $.ignition.version unknown-version");
        assertThat(lines(7, "{'ignition':{'version':'3.7.0'}}"))
                .containsExactly("error $.ignition.version unknown-version");
        assertThat(lines(7, "{'ignition':{'version':'3.7.0-experimental'}}")).isEmpty();
        assertThat(lines(2, "{'ignition':{'version':'03.2.0'}}")).isEmpty();
        assertThat(lines(2, "{'ignition':{'version':'3.2.0+meta'}}"))
                .containsExactly("error $.ignition.version unknown-version");
    }

    @Test
    void versionMustParse() {
        assertThat(lines(6, "{'ignition':{'version':'3.6'}}"))
                .containsExactly("error $.ignition.version invalid-version");
        assertThat(lines(6, "{'ignition':{'version':'3.6.0-'}}")).isEmpty(); // an empty pre-release is none
        assertThat(lines(6, "{'ignition':{'version':'3.6.0-a..b'}}"))
                .containsExactly("error $.ignition.version invalid-version");
        assertThat(lines(6, "{}")).containsExactly("error $.ignition.version invalid-version");
    }

    // ---- duplicates --------------------------------------------------------------------------

    @Test
    void duplicateFilesAreReportedAtTheLaterItemBeforeOtherProblems() {
        assertThat(lines(6, cfg(6, "'storage':{'files':[{'path':'a'},{'path':'a'}]}"))).containsExactly(
                "error $.storage.files.1 duplicate",
                "error $.storage.files.0.path path-not-absolute",
                "error $.storage.files.1.path path-not-absolute");
    }

    @Test
    void standaloneValidationReportsDuplicatesLast() {
        List<String> out = new java.util.ArrayList<>();
        IgnitionValidator.validateStandalone(Reports.config(cfg(6, "'storage':{'files':[{'path':'a'},{'path':'a'}]}")),
                6, (sev, path, code, msg) -> out.add(sev.word() + " " + path + " " + code));
        assertThat(out).containsExactly(
                "error $.storage.files.0.path path-not-absolute",
                "error $.storage.files.1.path path-not-absolute",
                "error $.storage.files.1 duplicate");
    }

    @Test
    void directoriesFilesAndLinksShareOneKeySpaceInThatOrder() {
        assertThat(lines(6, cfg(6, "'storage':{'links':[{'path':'/a','target':'/x'}],'files':[{'path':'/a'}],"
                + "'directories':[{'path':'/a'}]}"))).containsExactly(
                "error $.storage.files.0 duplicate",
                "error $.storage.links.0 duplicate");
    }

    @Test
    void kernelArgumentListsShareOneKeySpace() {
        assertThat(lines(3, cfg(3, "'kernelArguments':{'shouldExist':['a','b','a'],'shouldNotExist':['b']}")))
                .containsExactly(
                        "error $.kernelArguments.shouldExist.2 duplicate",
                        "error $.kernelArguments.shouldNotExist.0 duplicate");
    }

    @Test
    void partitionsWithoutNumberOrLabelShareTheEmptyKey() {
        assertThat(lines(6, cfg(6, "'storage':{'disks':[{'device':'/dev/sda','partitions':[{},{}]}]}")))
                .containsExactly(
                        "error $.storage.disks.0.partitions.1 duplicate",
                        "error $.storage.disks.0.partitions.0 partition-needs-label-or-number",
                        "error $.storage.disks.0.partitions.1 partition-needs-label-or-number");
    }

    @Test
    void partitionKeyIsNumberThenLabel() {
        assertThat(lines(6, cfg(6, "'storage':{'disks':[{'device':'/dev/sda','partitions':"
                + "[{'label':'x'},{'number':1,'label':'y'},{'number':2,'label':'x2'},{'label':'label'}]}]}")))
                .isEmpty();
        assertThat(lines(6, cfg(6, "'storage':{'disks':[{'device':'/dev/sda','partitions':"
                + "[{'number':1,'label':'a'},{'label':'a'}]}]}")))
                .containsExactly("error $.storage.disks.0.partitions.1 duplicate-partition-label");
    }

    @Test
    void listsOfStringsAndNestedListsAreChecked() {
        assertThat(lines(6, cfg(6, "'ignition':{'version':'3.6.0','proxy':{'noProxy':['a','a']}},"
                + "'passwd':{'users':[{'name':'core','groups':['wheel','wheel'],"
                + "'sshAuthorizedKeys':['k','k']},{'name':'core'}],'groups':[{'name':'g'},{'name':'g'}]},"
                + "'storage':{'raid':[{'name':'md','level':'raid1','devices':['/dev/a','/dev/a']}],"
                + "'luks':[{'name':'l','device':'/dev/b','openOptions':['o','o'],"
                + "'clevis':{'tang':[{'url':'http://t','thumbprint':'x'},{'url':'http://t','thumbprint':'x'}]}}]},"
                + "'systemd':{'units':[{'name':'a.service','dropins':[{'name':'d.conf'},{'name':'d.conf'}]},"
                + "{'name':'a.service'}]}"))).containsExactly(
                "error $.ignition.proxy.noProxy.1 duplicate",
                "error $.passwd.groups.1 duplicate",
                "error $.passwd.users.1 duplicate",
                "error $.passwd.users.0.groups.1 duplicate",
                "error $.passwd.users.0.sshAuthorizedKeys.1 duplicate",
                "error $.storage.luks.0.openOptions.1 duplicate",
                "error $.storage.luks.0.clevis.tang.1 duplicate",
                "error $.storage.raid.0.devices.1 duplicate",
                "error $.systemd.units.1 duplicate",
                "error $.systemd.units.0.dropins.1 duplicate");
    }

    @Test
    void identicalResourcesAreDuplicates() {
        assertThat(lines(6, cfg(6, "'ignition':{'version':'3.6.0','config':{'merge':[{'source':'data:,a'},"
                + "{'source':'data:,a'}]},'security':{'tls':{'certificateAuthorities':[{'source':'data:,c'},"
                + "{'source':'data:,c'}]}}}"))).containsExactly(
                "error $.ignition.config.merge.1 duplicate",
                "error $.ignition.security.tls.certificateAuthorities.1 duplicate");
        assertThat(lines(1, cfg(1, "'storage':{'files':[{'path':'/f','contents':{'source':'http://h',"
                + "'httpHeaders':[{'name':'A','value':'1'},{'name':'A','value':'2'}]}}]}")))
                .containsExactly("error $.storage.files.0.contents.httpHeaders.1 duplicate");
    }

    @Test
    void someListsAreNeverCheckedForDuplicates() {
        assertThat(lines(6, cfg(6, "'storage':{'files':[{'path':'/f','append':[{'source':'data:,a'},"
                + "{'source':'data:,a'}]}],'filesystems':[{'device':'/dev/a','format':'ext4',"
                + "'options':['x','x'],'mountOptions':['y','y']}],"
                + "'luks':[{'name':'l','device':'/dev/b','options':['o','o']}],"
                + "'raid':[{'name':'md','level':'raid1','devices':['/dev/c'],'options':['p','p']}]}"))).isEmpty();
    }

    // ---- config-level ------------------------------------------------------------------------

    @Test
    void nodesMayNotReplaceUnitsOrDropinsWithContents() {
        assertThat(lines(6, "{'ignition':{'version':'x'},"
                + "'systemd':{'units':[{'name':'a.service','contents':'[Unit]',"
                + "'dropins':[{'name':'d.conf','contents':'[Service]'},{'name':'e.conf'}]},{'name':'b.service'}]},"
                + "'storage':{'links':[{'path':'/etc/systemd/system/a.service.d/d.conf','target':'/x'}],"
                + "'directories':[{'path':'/etc/systemd/system/b.service'}],"
                + "'files':[{'path':'/etc/systemd/system/a.service.d/e.conf'},"
                + "{'path':'/etc/systemd/system/a.service'}]}}")).containsExactly(
                "error $.storage.files.1.path path-conflicts-systemd",
                "error $.storage.links.0.path path-conflicts-systemd",
                "error $.ignition.version invalid-version");
    }

    // ---- resources ---------------------------------------------------------------------------

    @Test
    void compressionMustBeGzip() {
        assertThat(lines(6, cfg(6, "'storage':{'files':[{'path':'/f','contents':{'source':'data:,a',"
                + "'compression':'xz'}},{'path':'/g','contents':{'source':'data:,a','compression':''}}]}")))
                .containsExactly("error $.storage.files.0.contents.compression invalid-compression");
        assertThat(lines(0, cfg(0, "'storage':{'files':[{'path':'/f','append':[{'source':'data:,a',"
                + "'compression':'bz2'}]}]}")))
                .containsExactly("error $.storage.files.0.append.0.compression invalid-compression");
    }

    @Test
    void verificationNeedsSource() {
        assertThat(lines(6, cfg(6, "'storage':{'files':[{'path':'/f','contents':{'verification':{'hash':'"
                + SHA512 + "'}}}]}")))
                .containsExactly("error $.storage.files.0.contents.verification.hash verification-without-source");
    }

    @Test
    void sourceMustBeAFetchableUrl() {
        String json = cfg(6, "'storage':{'files':[{'path':'/a','contents':{'source':'ftp://h/x'}},"
                + "{'path':'/b','contents':{'source':'http://[::1'}},"
                + "{'path':'/c','contents':{'source':'data:text/plain,a b'}},"
                + "{'path':'/d','contents':{'source':'s3://bucket/key?versionId='}},"
                + "{'path':'/e','contents':{'source':''}}]}");
        assertThat(lines(6, json)).containsExactly(
                "error $.storage.files.0.contents.source invalid-scheme",
                "error $.storage.files.1.contents.source invalid-url",
                "error $.storage.files.2.contents.source invalid-data-url",
                "error $.storage.files.3.contents.source invalid-s3-version-id");
    }

    @Test
    void urlSchemesDependOnVersion() {
        String gs = "'storage':{'files':[{'path':'/a','contents':{'source':'gs://bucket/obj'}}]}";
        assertThat(lines(1, cfg(1, gs))).containsExactly("error $.storage.files.0.contents.source invalid-scheme");
        assertThat(lines(2, cfg(2, gs))).isEmpty();
        String arn = "'storage':{'files':[{'path':'/a','contents':{'source':'arn:aws:s3:::bucket/key'}}]}";
        assertThat(lines(3, cfg(3, arn))).containsExactly("error $.storage.files.0.contents.source invalid-scheme");
        assertThat(lines(4, cfg(4, arn))).isEmpty();
        assertThat(lines(4, cfg(4, "'storage':{'files':[{'path':'/a','contents':{'source':'arn:aws:s3:::bucket'}},"
                + "{'path':'/b','contents':{'source':'arn:aws:iam::1:user/x'}}]}"))).containsExactly(
                "error $.storage.files.0.contents.source invalid-s3-arn",
                "error $.storage.files.1.contents.source invalid-s3-arn");
    }

    @Test
    void httpHeadersNeedAnHttpSource() {
        assertThat(lines(1, cfg(1, "'storage':{'files':["
                + "{'path':'/a','contents':{'source':'data:,x','httpHeaders':[{'name':'A','value':'1'}]}},"
                + "{'path':'/b','contents':{'httpHeaders':[{'name':'A','value':'1'}]}},"
                + "{'path':'/c','contents':{'source':'https://h/','httpHeaders':[{'name':'A','value':'1'}]}}]}")))
                .containsExactly(
                        "error $.storage.files.0.contents.httpHeaders headers-unsupported-scheme",
                        "error $.storage.files.1.contents.httpHeaders invalid-url");
    }

    @Test
    void httpHeaderNeedsNameAndNonEmptyValue() {
        assertThat(lines(2, cfg(2, "'ignition':{'version':'3.2.0','config':{'replace':{'source':'http://h',"
                + "'httpHeaders':[{'value':''},{'name':'B'}]}}}"))).containsExactly(
                "error $.ignition.config.replace.httpHeaders.0.name header-name-empty",
                "error $.ignition.config.replace.httpHeaders.0.value header-value-empty");
    }

    @Test
    void verificationHashFormat() {
        String files = "'storage':{'files':["
                + "{'path':'/a','contents':{'source':'http://h','verification':{'hash':'sha512'}}},"
                + "{'path':'/b','contents':{'source':'http://h','verification':{'hash':'md5-00'}}},"
                + "{'path':'/c','contents':{'source':'http://h','verification':{'hash':'sha512-00'}}},"
                + "{'path':'/d','contents':{'source':'http://h','verification':{'hash':'" + SHA256 + "'}}},"
                + "{'path':'/e','contents':{'source':'http://h','verification':{'hash':'" + SHA512 + "'}}}]}";
        assertThat(lines(1, cfg(1, files))).containsExactly(
                "error $.storage.files.0.contents.verification.hash hash-malformed",
                "error $.storage.files.1.contents.verification.hash hash-unrecognized",
                "error $.storage.files.2.contents.verification.hash hash-wrong-size");
        assertThat(lines(0, cfg(0, files))).containsExactly(
                "error $.storage.files.0.contents.verification.hash hash-malformed",
                "error $.storage.files.1.contents.verification.hash hash-unrecognized",
                "error $.storage.files.2.contents.verification.hash hash-wrong-size",
                "error $.storage.files.3.contents.verification.hash hash-unrecognized");
    }

    @Test
    void mergedConfigsAndCertificateAuthoritiesNeedASource() {
        String ign = "'ignition':{'version':'%s','config':{'merge':[{},{'source':'ftp://x'}]},"
                + "'security':{'tls':{'certificateAuthorities':[{}]}}}";
        assertThat(lines(1, "{" + ign.formatted("3.1.0") + "}")).containsExactly(
                "error $.ignition.config.merge.0 source-required",
                "error $.ignition.config.merge.1 invalid-scheme",
                "error $.ignition.config.merge.1.source invalid-scheme",
                "error $.ignition.security.tls.certificateAuthorities.0 source-required");
        // 3.0: merge sources are optional; a CA source is validated as a URL even when empty
        assertThat(lines(0, "{" + ign.formatted("3.0.0") + "}")).containsExactly(
                "error $.ignition.config.merge.1.source invalid-scheme",
                "error $.ignition.security.tls.certificateAuthorities.0.source invalid-scheme");
    }

    @Test
    void proxiesMustBeHttp() {
        assertThat(lines(1, cfg(1, "'ignition':{'version':'3.1.0','proxy':{'httpProxy':'socks5://p',"
                + "'httpsProxy':'http://p'}}"))).containsExactly(
                "error $.ignition.proxy.httpProxy invalid-proxy",
                "warning $.ignition.proxy.httpsProxy insecure-proxy");
        assertThat(lines(6, cfg(6, "'ignition':{'version':'3.6.0','proxy':{'httpProxy':'http://p',"
                + "'httpsProxy':'%zz'}}"))).containsExactly("error $.ignition.proxy.httpsProxy invalid-url");
        assertThat(lines(6, cfg(6, "'ignition':{'version':'3.6.0','proxy':{'httpsProxy':''}}")))
                .containsExactly("error $.ignition.proxy.httpsProxy invalid-proxy");
    }

    // ---- nodes -------------------------------------------------------------------------------

    @Test
    void nodePathsMustBeAbsoluteAndClean() {
        assertThat(lines(6, cfg(6, "'storage':{'directories':[{}],'files':[{'path':'/a/../b'}],"
                + "'links':[{'path':'/l/','target':'/x'}]}"))).containsExactly(
                "error $.storage.directories.0.path path-empty",
                "error $.storage.files.0.path path-not-clean",
                "error $.storage.links.0.path path-not-clean");
    }

    @Test
    void ownerIsIdOrName() {
        assertThat(lines(6, cfg(6, "'storage':{'files':[{'path':'/f','user':{'id':0,'name':'root'},"
                + "'group':{'id':0,'name':'root'}}],'directories':[{'path':'/d','user':{'id':1,'name':''}}]}")))
                .containsExactly(
                        "error $.storage.files.0.group id-and-name",
                        "error $.storage.files.0.user id-and-name");
    }

    @Test
    void modeMustFitInTwelveBits() {
        assertThat(lines(6, cfg(6, "'storage':{'files':[{'path':'/f','mode':4096}],"
                + "'directories':[{'path':'/d','mode':-1}]}"))).containsExactly(
                "error $.storage.directories.0.mode invalid-mode",
                "error $.storage.files.0.mode invalid-mode");
    }

    @Test
    void specialModeBitsWarnBeforeSpec36() {
        String json = "'storage':{'files':[{'path':'/f','mode':2541}],'directories':[{'path':'/d','mode':1023}]}";
        assertThat(lines(5, cfg(5, json))).containsExactly(
                "warning $.storage.directories.0.mode special-mode-bits",
                "warning $.storage.files.0.mode special-mode-bits");
        assertThat(lines(0, cfg(0, json))).hasSize(2);
        assertThat(lines(6, cfg(6, json))).isEmpty();
        assertThat(lines(7, cfg(7, json))).isEmpty();
    }

    @Test
    void overwriteNeedsSource() {
        assertThat(lines(6, cfg(6, "'storage':{'files':[{'path':'/f','overwrite':true},"
                + "{'path':'/g','overwrite':true,'contents':{'source':''}}]}")))
                .containsExactly("error $.storage.files.0.overwrite overwrite-without-source");
    }

    @Test
    void nodesMayNotGoThroughLinks() {
        assertThat(lines(6, cfg(6, "'storage':{'links':[{'path':'/a','target':'/t'},{'path':'/a/b','target':'/t'}],"
                + "'files':[{'path':'/a/f'},{'path':'/ab'}],'directories':[{'path':'/a/b/c'}]}"))).containsExactly(
                "error $.storage.directories.0 directory-under-link",
                "error $.storage.directories.0 directory-under-link",
                "error $.storage.files.0 file-under-link",
                "error $.storage.links.1 link-under-link");
    }

    @Test
    void linkTargetRequiredFromSpec33() {
        String json = "'storage':{'links':[{'path':'/l'},{'path':'/m','target':''}]}";
        assertThat(lines(3, cfg(3, json))).containsExactly(
                "error $.storage.links.0.target link-target-required",
                "error $.storage.links.1.target link-target-required");
        assertThat(lines(2, cfg(2, json))).isEmpty();
    }

    @Test
    void hardLinkMayNotTargetADirectory() {
        assertThat(lines(6, cfg(6, "'storage':{'directories':[{'path':'/d'},{'path':'/x/l/d'}],"
                + "'links':[{'path':'/l','target':'/d/','hard':true},{'path':'/x/l','target':'d','hard':true},"
                + "{'path':'/s','target':'/d'}]}"))).containsExactly(
                "error $.storage.directories.1 directory-under-link",
                "error $.storage.links.0 hard-link-to-directory",
                "error $.storage.links.1 hard-link-to-directory");
    }

    @Test
    void hardLinkOwnerIsIgnored() {
        assertThat(lines(6, cfg(6, "'storage':{'links':[{'path':'/l','target':'/t','hard':true,"
                + "'user':{'id':0},'group':{'name':''}},{'path':'/m','target':'/t','user':{'id':0}}]}")))
                .containsExactly(
                        "warning $.storage.links.0.user.id hard-link-owner",
                        "warning $.storage.links.0.group.name hard-link-owner");
    }

    // ---- disks and partitions ----------------------------------------------------------------

    @Test
    void diskNeedsAValidDevice() {
        assertThat(lines(6, cfg(6, "'storage':{'disks':[{'partitions':[{}]},{'device':'sda'}]}"))).containsExactly(
                "error $.storage.disks.0.device device-required",
                "error $.storage.disks.0.partitions.0 partition-needs-label-or-number",
                "error $.storage.disks.1.device path-not-absolute");
    }

    @Test
    void partitionNumbersMustNotCollide() {
        assertThat(lines(6, cfg(6, "'storage':{'disks':[{'device':'/dev/sda','partitions':"
                + "[{'number':1,'label':'a'},{'number':2,'label':'b'},{'number':1,'label':'c'}]}]}")))
                .containsExactly(
                        "error $.storage.disks.0.partitions.2 duplicate",
                        "error $.storage.disks.0.partitions.2 partition-numbers-collide");
    }

    @Test
    void placedPartitionsMustNotOverlap() {
        assertThat(lines(6, cfg(6, "'storage':{'disks':[{'device':'/dev/sda','partitions':["
                + "{'number':1,'startMiB':10,'sizeMiB':10},{'number':2,'startMiB':15,'sizeMiB':10},"
                + "{'number':3,'startMiB':0,'sizeMiB':100},{'number':4,'sizeMiB':100}]}]}")))
                .containsExactly("error $.storage.disks.0.partitions.1 partitions-overlap");
        assertThat(lines(6, cfg(6, "'storage':{'disks':[{'device':'/dev/sda','partitions':["
                + "{'number':1,'startMiB':10,'sizeMiB':0},{'number':2,'startMiB':11,'sizeMiB':5}]}]}"))).isEmpty();
    }

    @Test
    void unnumberedPartitionCannotMixWithShouldNotExist() {
        assertThat(lines(6, cfg(6, "'storage':{'disks':[{'device':'/dev/sda','partitions':"
                + "[{'label':'a'},{'number':2,'shouldExist':false}]}]}")))
                .containsExactly("error $.storage.disks.0.partitions zero-number-with-should-not-exist");
    }

    @Test
    void partitionLabelsMustBeUniquePerDisk() {
        assertThat(lines(6, cfg(6, "'storage':{'disks':[{'device':'/dev/sda','partitions':"
                + "[{'number':1,'label':'a'},{'number':2,'label':'a'}]}]}")))
                .containsExactly("error $.storage.disks.0.partitions.1 duplicate-partition-label");
    }

    @Test
    void partitionThatShouldNotExistCannotBeDescribed() {
        assertThat(lines(6, cfg(6, "'storage':{'disks':[{'device':'/dev/sda','partitions':"
                + "[{'number':1,'shouldExist':false,'sizeMiB':0},{'number':2,'shouldExist':false,'guid':''}]}]}")))
                .containsExactly("error $.storage.disks.0.partitions.0 should-not-exist-with-others");
    }

    @Test
    void partitionLabelRules() {
        assertThat(lines(6, cfg(6, "'storage':{'disks':[{'device':'/dev/sda','partitions':"
                + "[{'label':'" + "x".repeat(37) + "'},{'label':'a:b'},{'label':'" + "é".repeat(18) + "'},"
                + "{'label':'" + "y".repeat(36) + "'}]}]}"))).containsExactly(
                "error $.storage.disks.0.partitions.0.label partition-label-too-long",
                "error $.storage.disks.0.partitions.1.label partition-label-colon");
    }

    @Test
    void partitionGuidsMustBeGuids() {
        assertThat(lines(6, cfg(6, "'storage':{'disks':[{'device':'/dev/sda','partitions':"
                + "[{'number':1,'guid':'xyz','typeGuid':'0FC63DAF-8483-4772-8E79-3D69D8477DE4\\n'},"
                + "{'number':2,'guid':'','typeGuid':'0fc63daf-8483-4772-8e79-3d69d8477de4'}]}]}")))
                .containsExactly(
                        "error $.storage.disks.0.partitions.0.guid invalid-guid",
                        "error $.storage.disks.0.partitions.0.typeGuid invalid-guid");
    }

    // ---- filesystems -------------------------------------------------------------------------

    @Test
    void filesystemPathAndDevice() {
        assertThat(lines(6, cfg(6, "'storage':{'filesystems':[{'format':'ext4','path':'var'},"
                + "{'format':'ext4','device':'/dev/./sda','path':''}]}"))).containsExactly(
                "error $.storage.filesystems.0.path path-not-absolute",
                "error $.storage.filesystems.0.device path-empty",
                "error $.storage.filesystems.1.device path-not-clean");
    }

    @Test
    void filesystemFormat() {
        assertThat(lines(6, cfg(6, "'storage':{'filesystems':[{'device':'/dev/a','format':'zfs'},"
                + "{'device':'/dev/b','wipeFilesystem':true},{'device':'/dev/c','mountOptions':['ro']},"
                + "{'device':'/dev/d','wipeFilesystem':false,'format':''}]}"))).containsExactly(
                "error $.storage.filesystems.0.format invalid-filesystem-format",
                "error $.storage.filesystems.1.format format-required",
                "error $.storage.filesystems.2.format format-required");
        String none = "'storage':{'filesystems':[{'device':'/dev/a','format':'none'}]}";
        assertThat(lines(2, cfg(2, none)))
                .containsExactly("error $.storage.filesystems.0.format invalid-filesystem-format");
        assertThat(lines(3, cfg(3, none))).isEmpty();
    }

    @Test
    void filesystemLabel() {
        assertThat(lines(6, cfg(6, "'storage':{'filesystems':[{'device':'/dev/a','label':'root'},"
                + "{'device':'/dev/b','format':'ext4','label':'" + "a".repeat(17) + "'},"
                + "{'device':'/dev/c','format':'xfs','label':'" + "a".repeat(12) + "'},"
                + "{'device':'/dev/d','format':'vfat','label':'" + "a".repeat(12) + "'},"
                + "{'device':'/dev/e','format':'swap','label':'" + "a".repeat(16) + "'},"
                + "{'device':'/dev/f','format':'btrfs','label':'" + "a".repeat(257) + "'},"
                + "{'device':'/dev/g','format':'none','label':'" + "a".repeat(300) + "'}]}"))).containsExactly(
                "error $.storage.filesystems.0.format format-required",
                "error $.storage.filesystems.0.label label-needs-format",
                "error $.storage.filesystems.1.label filesystem-label-too-long",
                "error $.storage.filesystems.3.label filesystem-label-too-long",
                "error $.storage.filesystems.4.label filesystem-label-too-long",
                "error $.storage.filesystems.5.label filesystem-label-too-long");
    }

    @Test
    void filesystemOnAWholeDisk() {
        assertThat(lines(6, cfg(6, "'storage':{'disks':[{'device':'/dev/a','partitions':[{'number':1}]},"
                + "{'device':'/dev/b','wipeTable':true},{'device':'/dev/c','wipeTable':true}],"
                + "'filesystems':[{'device':'/dev/a','format':'ext4'},{'device':'/dev/b','format':'ext4'},"
                + "{'device':'/dev/c','format':'ext4','wipeFilesystem':true}]}"))).containsExactly(
                "warning $.storage.filesystems.0.device filesystem-overwrites-partitions",
                "warning $.storage.filesystems.1.device filesystem-implicit-wipe");
    }

    // ---- raid --------------------------------------------------------------------------------

    @Test
    void raidLevel() {
        String json = "'storage':{'raid':[{'name':'a','devices':['/dev/a']},"
                + "{'name':'b','level':'raid7','devices':['/dev/b']},"
                + "{'name':'c','level':'stripe','spares':1,'devices':['/dev/c']},"
                + "{'name':'d','level':'mirror','spares':1,'devices':['/dev/d']}]}";
        assertThat(lines(3, cfg(3, json))).containsExactly(
                "error $.storage.raid.0.level raid-level-required",
                "error $.storage.raid.1.level raid-level-unknown",
                "error $.storage.raid.2.level raid-spares-unsupported");
        assertThat(lines(2, cfg(2, json))).startsWith("error $.storage.raid.0.level raid-level-unknown");
    }

    @Test
    void raidDevices() {
        assertThat(lines(6, cfg(6, "'storage':{'raid':[{'name':'a','level':'1'},"
                + "{'name':'b','level':'1','devices':['dev/x','']}]}"))).containsExactly(
                "error $.storage.raid.0.devices raid-devices-required",
                "error $.storage.raid.1.devices.0 path-not-absolute",
                "error $.storage.raid.1.devices.1 path-empty");
    }

    // ---- luks --------------------------------------------------------------------------------

    @Test
    void luksNameLabelAndDevice() {
        assertThat(lines(2, cfg(2, "'storage':{'luks':[{'name':'a/b','label':'" + "l".repeat(48) + "'},"
                + "{'name':'c','device':'dev/sda','label':'" + "l".repeat(47) + "'}]}"))).containsExactly(
                "error $.storage.luks.0.name luks-name-slash",
                "error $.storage.luks.0.label luks-label-too-long",
                "error $.storage.luks.0.device device-required",
                "error $.storage.luks.1.device path-not-absolute");
    }

    @Test
    void customClevisCannotMixWithStandardPins() {
        String luks = "'storage':{'luks':[{'name':'a','device':'/dev/a','clevis':{'custom':%s,%s}}]}";
        assertThat(lines(3, cfg(3, luks.formatted("{'pin':'tpm2','config':'{}'}", "'tpm2':true"))))
                .containsExactly("error $.storage.luks.0.clevis clevis-custom-with-others");
        assertThat(lines(3, cfg(3, luks.formatted("{'config':'{}','needsNetwork':true}", "'threshold':0"))))
                .containsExactly("error $.storage.luks.0.clevis.custom.pin clevis-pin-required");
        // 3.2: any custom section at all counts
        assertThat(lines(2, cfg(2, luks.formatted("{}", "'threshold':2"))))
                .containsExactly("error $.storage.luks.0.clevis clevis-custom-with-others");
    }

    @Test
    void luksKeyFileMustBeAValidUrl() {
        assertThat(lines(6, cfg(6, "'storage':{'luks':[{'name':'a','device':'/dev/a','keyFile':{'source':'ftp://k'}}]}")))
                .containsExactly(
                        "error $.storage.luks.0.keys invalid-luks-key-file",
                        "error $.storage.luks.0.keyFile.source invalid-scheme");
    }

    @Test
    void cexConflictsFromSpec35() {
        String json = "'storage':{'luks':[{'name':'a','device':'/dev/a','cex':{'enabled':true},"
                + "'clevis':{'tang':[{'url':'http://t','thumbprint':'x'}]},'keyFile':{'source':'data:,k'}},"
                + "{'name':'b','device':'/dev/b','cex':{'enabled':false},'clevis':{'tpm2':true}}]}";
        assertThat(lines(5, cfg(5, json))).containsExactly(
                "error $.storage.luks.0.cex cex-with-clevis",
                "error $.storage.luks.0.cex cex-with-key-file");
        assertThat(lines(4, cfg(4, json))).isEmpty();
    }

    @Test
    void customClevisPinAndConfig() {
        String luks = "'storage':{'luks':[{'name':'a','device':'/dev/a','clevis':{'custom':%s}}]}";
        assertThat(lines(5, cfg(5, luks.formatted("{'pin':'yubikey'}")))).containsExactly(
                "error $.storage.luks.0.clevis.custom.pin clevis-pin-unknown",
                "error $.storage.luks.0.clevis.custom.config clevis-config-required");
        assertThat(lines(6, cfg(6, luks.formatted("{'pin':'yubikey'}"))))
                .containsExactly("error $.storage.luks.0.clevis.custom.config clevis-config-required");
        assertThat(lines(6, cfg(6, luks.formatted("{'needsNetwork':true}")))).containsExactly(
                "error $.storage.luks.0.clevis.custom.pin clevis-pin-required",
                "error $.storage.luks.0.clevis.custom.config clevis-config-required");
        assertThat(lines(6, cfg(6, luks.formatted("{'needsNetwork':false,'pin':''}")))).isEmpty();
        // 3.2 reports an empty pin as an unknown one
        assertThat(lines(2, cfg(2, luks.formatted("{'config':'{}'}"))))
                .containsExactly("error $.storage.luks.0.clevis.custom.pin clevis-pin-unknown");
    }

    @Test
    void tangServers() {
        String luks = "'storage':{'luks':[{'name':'a','device':'/dev/a','clevis':{'tang':["
                + "{'url':'ftp://t','thumbprint':'x'},{'url':'http://u','advertisement':'{\\\"a\\\":'},"
                + "{'url':'http://v','thumbprint':'y','advertisement':'{\\\"payload\\\":\\\"x\\\"}'}]}}]}";
        assertThat(lines(4, cfg(4, luks))).containsExactly(
                "error $.storage.luks.0.clevis.tang.0.url invalid-scheme",
                "error $.storage.luks.0.clevis.tang.1.thumbprint tang-thumbprint-required",
                "error $.storage.luks.0.clevis.tang.1.advertisement invalid-tang-advertisement");
        assertThat(lines(3, cfg(3, luks))).containsExactly(
                "error $.storage.luks.0.clevis.tang.0.url invalid-scheme",
                "error $.storage.luks.0.clevis.tang.1.thumbprint tang-thumbprint-required");
    }

    // ---- systemd -----------------------------------------------------------------------------

    @Test
    void unitNameSuffix() {
        assertThat(lines(6, cfg(6, "'systemd':{'units':[{'name':'foo'},{'name':'foo.conf'},{'name':'a.timer'}]}")))
                .containsExactly(
                        "error $.systemd.units.0.name unit-bad-suffix",
                        "error $.systemd.units.1.name unit-bad-suffix");
    }

    @Test
    void unitContentsMustParse() {
        assertThat(lines(6, cfg(6, "'systemd':{'units':[{'name':'a.service','enabled':true,'contents':'[Unit'},"
                + "{'name':'b.service','contents':'[Unit]\\nDescription'}]}"))).containsExactly(
                "error $.systemd.units.0.contents unit-contents-invalid",
                "error $.systemd.units.1.contents unit-contents-invalid");
    }

    @Test
    void enabledUnitNeedsInstallSection() {
        assertThat(lines(6, cfg(6, "'systemd':{'units':["
                + "{'name':'a.service','enabled':true,'contents':'[Unit]\\nDescription=a\\n[Install]\\n'},"
                + "{'name':'b.service','enabled':true,'contents':'[Install]\\nWantedBy=x'},"
                + "{'name':'c.service','enabled':false,'contents':'[Unit]'},"
                + "{'name':'d.service','enabled':true,'contents':''},"
                + "{'name':'e.service','enabled':true}]}")))
                .containsExactly("warning $.systemd.units.0.contents unit-no-install-section");
    }

    @Test
    void enabledTemplateInstanceNeedsInstallSectionInTemplate() {
        assertThat(lines(6, cfg(6, "'systemd':{'units':["
                + "{'name':'getty@.service','contents':'[Service]\\nExecStart=/bin/x'},"
                + "{'name':'getty@tty1.service','enabled':true},"
                + "{'name':'getty@tty2.service','enabled':false},"
                + "{'name':'ok@.service','contents':'[Install]\\nWantedBy=a'},"
                + "{'name':'ok@a.service','enabled':true},"
                + "{'name':'bad@.service','contents':'[Install'},"
                + "{'name':'bad@a.service','enabled':true}]}"))).containsExactly(
                "warning $.systemd.units.1.contents template-no-install-section",
                "error $.systemd.units.5.contents unit-contents-invalid");
    }

    @Test
    void dropinRules() {
        assertThat(lines(6, cfg(6, "'systemd':{'units':[{'name':'a.service','dropins':["
                + "{'name':'x.txt','contents':'[Service'},{'name':'y.conf','contents':'[Service]\\nA=1'}]}]}")))
                .containsExactly(
                        "error $.systemd.units.0.dropins.0.contents unit-contents-invalid",
                        "error $.systemd.units.0.dropins.0.name dropin-bad-suffix");
    }

    // ---- order -------------------------------------------------------------------------------

    @Test
    void objectChecksPrecedeTheirChildrenInFieldOrder() {
        assertThat(lines(6, cfg(6, "'systemd':{'units':[{'name':'x'}]},"
                + "'storage':{'raid':[{'name':'r','level':'1'}],'links':[{'path':'/l'}],"
                + "'files':[{'path':'/f','mode':99999,'user':{'id':1,'name':'n'},'contents':{'source':'ftp://x'}}],"
                + "'disks':[{'device':'d'}],'directories':[{'path':'/l/d'}]},"
                + "'passwd':{'users':[{'name':'a'}]}"))).containsExactly(
                "error $.storage.directories.0 directory-under-link",
                "error $.storage.links.0.target link-target-required",
                "error $.storage.disks.0.device path-not-absolute",
                "error $.storage.files.0.mode invalid-mode",
                "error $.storage.files.0.user id-and-name",
                "error $.storage.files.0.contents.source invalid-scheme",
                "error $.storage.raid.0.devices raid-devices-required",
                "error $.systemd.units.0.name unit-bad-suffix");
    }
}
