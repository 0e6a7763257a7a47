package io.pusherj.cli.bench;

/** Where a run's live progress goes. */
public interface Progress {
    /** Progress that shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void opening(int opened, BenchBooks books) {}

        @Override
        public Thread start(int clients, BenchBooks books) {
            Thread idle = new Thread(() -> {});
            idle.setDaemon(true);
            idle.start();
            return idle;
        }
    };

    /** Client number {@code opened} (counting from 1) was just created. */
    void opening(int opened, BenchBooks books);

    /** {@return a daemon thread, started, that reports once a second until interrupted} */
    Thread start(int clients, BenchBooks books);
}
