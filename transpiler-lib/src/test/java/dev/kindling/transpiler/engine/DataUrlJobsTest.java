/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.tree.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Data URLs encoded by workers: the same fields, values and order as inline, whatever the workers. */
class DataUrlJobsTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Contents of every kind, some above the background threshold, some below. */
    private static List<byte[]> contents() {
        Random random = new Random(3);
        List<byte[]> all = new ArrayList<>();
        int[] sizes = {10, DataUrlJobs.MIN_BACKGROUND_BYTES - 1, DataUrlJobs.MIN_BACKGROUND_BYTES, 600_000, 1 << 20,
            300_000, 5_000};
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = new byte[sizes[i]];
            for (int j = 0; j < data.length; j++) {
                data[j] = (byte) switch (i % 3) {
                    case 0 -> 'a' + random.nextInt(6); // gzip wins
                    case 1 -> random.nextInt(256); // base64 wins
                    default -> j % 50 == 0 ? '%' : 'x' + random.nextInt(2);
                };
            }
            all.add(data);
        }
        return all;
    }

    /** One resource per contents, filled through {@code jobs} and finished; some with the user's compression. */
    private static List<ObjValue> fillAll(DataUrlJobs jobs, List<byte[]> contents) {
        List<ObjValue> out = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            ObjValue r = new ObjValue("Resource");
            if (i == 3) {
                r.put("compression", new StrValue("gzip"));
            }
            jobs.fill(r, contents.get(i), i != 5, Path.of("storage", "files", Integer.toString(i), "contents"));
            r.put("verification", new ObjValue("Verification")); // a field put after the contents
            out.add(r);
        }
        jobs.finish();
        return out;
    }

    private static List<Map<String, String>> shape(List<ObjValue> resources) {
        List<Map<String, String>> out = new ArrayList<>();
        for (ObjValue r : resources) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, Value> e : r.fields().entrySet()) {
                fields.put(e.getKey(), (e.getValue() instanceof StrValue s ? s.value() : "{}") + " @" + e.getValue().origin());
            }
            out.add(fields);
        }
        return out;
    }

    @Test
    void workersGiveWhatInlineEncodingGivesInTheSameOrder() {
        List<byte[]> contents = contents();
        List<Map<String, String>> inline = shape(fillAll(new DataUrlJobs(null, new Semaphore(0), DataUrls::encode),
                contents));
        for (int workers : new int[] {1, 2, 3}) {
            Semaphore free = new Semaphore(workers);
            List<Map<String, String>> parallel = shape(fillAll(new DataUrlJobs(pool::execute, free, DataUrls::encode),
                    contents));
            assertThat(parallel).as("%d workers", workers).isEqualTo(inline);
            assertThat(free.availablePermits()).isEqualTo(workers);
        }
        assertThat(inline.get(2).keySet()).containsExactly("source", "compression", "verification");
        assertThat(inline.get(3).keySet()).containsExactly("compression", "source", "verification");
        assertThat(inline.get(3).get("compression")).startsWith("gzip ");
        assertThat(inline.get(2).get("compression")).startsWith("gzip ");
        assertThat(inline.get(5).get("compression")).startsWith(" ");
    }

    @Test
    void onlyLargeContentsAreHandedOverAndOnlyWhileAWorkerIsFree() {
        List<Runnable> handedOver = new ArrayList<>();
        Semaphore free = new Semaphore(1);
        DataUrlJobs jobs = new DataUrlJobs(handedOver::add, free, DataUrls::encode); // runs nothing by itself
        List<byte[]> contents = contents();
        List<ObjValue> resources = new ArrayList<>();
        for (byte[] data : contents) {
            ObjValue r = new ObjValue("Resource");
            jobs.fill(r, data, true, Path.ROOT);
            resources.add(r);
        }
        // the first large contents (index 2) took the one worker; the rest were encoded inline
        assertThat(handedOver).hasSize(1);
        assertThat(free.availablePermits()).isZero();
        assertThat(resources.get(2).str("source")).isEmpty();
        assertThat(resources.get(1).str("source")).startsWith("data:;base64,");
        assertThat(resources.get(3).str("source")).startsWith("data:;base64,");
        handedOver.get(0).run();
        assertThat(free.availablePermits()).isEqualTo(1);
        jobs.finish();
        assertThat(resources.get(2).str("source")).isEqualTo(DataUrls.encode(contents.get(2), true).url());
    }

    @Test
    void aWorkersErrorIsThrownByFinish() {
        Semaphore free = new Semaphore(1);
        DataUrlJobs jobs = new DataUrlJobs(pool::execute, free, (data, allow) -> {
            throw new OutOfMemoryError("test");
        });
        ObjValue r = new ObjValue("Resource");
        jobs.fill(r, new byte[DataUrlJobs.MIN_BACKGROUND_BYTES], true, Path.ROOT);
        assertThatThrownBy(jobs::finish).isInstanceOf(OutOfMemoryError.class).hasMessage("test");
        assertThat(free.availablePermits()).isEqualTo(1);
        jobs.finish(); // nothing left
    }
}
