package io.pusherj.cli.bench;

/** Where a run's live progress goes. */
public interface Progress {
    /** Client number {@code opened} (counting from 1) of {@code clients} was just created. */
    void opening(int opened, int clients, BenchBooks books);

    /** Another second of the run went by. */
    void second(BenchSeries.Second second, int clients);
}
