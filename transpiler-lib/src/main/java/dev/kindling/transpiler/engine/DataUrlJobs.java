/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The data URLs of one run's large contents, encoded on the machine's other cores while the run
 * goes on. Deflate at level 9 is most of the time of a config with large local files, and one
 * file's stream cannot be split without risking a longer stream than Butane's, so the parallel
 * unit is a whole file: a config with a 32 MiB and an 8 MiB file deflates both at once.
 *
 * <p>{@link #fill} does what {@link DataUrls#fill} does, but for contents of at least
 * {@link #MIN_BACKGROUND_BYTES} it may hand the encoding to a worker: the resource then gets
 * placeholder values at once (so its fields keep their order) and {@link #finish} puts the
 * real ones in, in the order the contents were met. Each encoding is a pure function of its
 * bytes, so the output never depends on the number of cores or on timing. There are as many
 * workers as cores but one, shared by every run in the JVM; a file that finds them all busy is
 * encoded by the caller, so at most one large file per core is held waiting for its turn, and
 * the caller's core works too. On one core everything is encoded inline, as before.
 *
 * <p>Written by hand rather than with a parallel stream or the common fork-join pool: the
 * jobs are met one by one while the tree is walked, and a library must not occupy a pool that
 * its caller may use for other work.
 */
final class DataUrlJobs {
    /** Smaller contents are encoded inline: handing them over would cost about what it saves. */
    static final int MIN_BACKGROUND_BYTES = 256 << 10;

    private static final int WORKERS = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
    /** Free workers, shared by every run: a job is only handed over when one is free. */
    private static final Semaphore FREE_WORKERS = new Semaphore(WORKERS);

    /**
     * The workers, started on first use; daemon threads, so they never keep a JVM alive, and
     * they end after some idle seconds, so a long-lived JVM (a Maven build) does not keep them.
     */
    private static final class Workers {
        static final ExecutorService POOL = pool();

        private static ExecutorService pool() {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(Math.max(1, WORKERS), Math.max(1, WORKERS), 10,
                    TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new ThreadFactory() {
                        @Override
                        public Thread newThread(Runnable r) {
                            Thread t = new Thread(r, "kindling-data-urls");
                            t.setDaemon(true);
                            return t;
                        }
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }

    /** One encoding handed to a worker, and where its result goes. */
    private record Job(ObjValue resource, boolean userChose, Path origin, FutureTask<DataUrls.Encoded> task) {
    }

    private final Executor executor;
    private final Semaphore free;
    private final BiFunction<byte[], Boolean, DataUrls.Encoded> encoder;
    private final List<Job> jobs = new ArrayList<>();

    /** The shared workers, and Butane's encoding. */
    DataUrlJobs() {
        this(WORKERS == 0 ? null : Workers.POOL, FREE_WORKERS, null);
    }

    /**
     * For tests: another executor (null: everything inline), its free slots and the encoding
     * (null: {@link DataUrls#encode}).
     */
    DataUrlJobs(Executor executor, Semaphore free, BiFunction<byte[], Boolean, DataUrls.Encoded> encoder) {
        this.executor = executor;
        this.free = free;
        this.encoder = encoder;
    }

    /** As {@link DataUrls#fill}; the values may be placeholders until {@link #finish}. */
    void fill(ObjValue resource, byte[] data, boolean autoCompression, Path origin) {
        boolean userChose = DataUrls.userChoseCompression(resource);
        boolean allow = autoCompression && !userChose;
        if (executor == null || data.length < MIN_BACKGROUND_BYTES || !free.tryAcquire()) {
            DataUrls.put(resource, encode(data, allow), userChose, origin);
            return;
        }
        FutureTask<DataUrls.Encoded> task = new FutureTask<>(() -> {
            try {
                return encode(data, allow);
            } finally {
                free.release();
            }
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            free.release();
            DataUrls.put(resource, encode(data, allow), userChose, origin);
            return;
        }
        // placeholders in the fields' places: finish() replaces them, and nothing reads them before
        DataUrls.put(resource, new DataUrls.Encoded("", ""), userChose, origin);
        jobs.add(new Job(resource, userChose, origin, task));
    }

    private DataUrls.Encoded encode(byte[] data, boolean allow) {
        return encoder == null ? DataUrls.encode(data, allow) : encoder.apply(data, allow);
    }

    /**
     * Waits for every job handed over and puts its values in. An error of a job (such as
     * {@link OutOfMemoryError}) is thrown here, in the run's thread, as it would have been
     * thrown inline.
     */
    void finish() {
        try {
            for (Job job : jobs) {
                DataUrls.put(job.resource(), await(job.task()), job.userChose(), job.origin());
            }
        } finally {
            jobs.clear();
        }
    }

    private static DataUrls.Encoded await(FutureTask<DataUrls.Encoded> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the job finishes soon; keep the flag for the caller
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
