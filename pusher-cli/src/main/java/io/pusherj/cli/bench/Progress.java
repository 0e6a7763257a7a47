package io.pusherj.cli.bench;

/** Where a run's live progress goes. */
public interface Progress {
    /** Client number {@code opened} (counting from 1) was just created. */
    void opening(int opened, BenchBooks books);

    /** {@return a daemon thread, started, that reports once a second until interrupted} */
    Thread start(int clients, BenchBooks books);
}
