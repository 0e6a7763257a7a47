package io.pusherj.bench.load;

/**
 * What one run measures with.
 *
 * @param transport the transport the clients use ({@code ws}, {@code xhr_streaming}, …), or {@code default}
 *                  for pusherj's whole fallback strategy
 * @param clients   clients to open (idle, threads, open, broadcast)
 * @param events    events measured in the steady state (cpu, ceiling)
 * @param warmup    events received before the measurement starts (cpu, ceiling)
 * @param payload   bytes of each event's data (cpu, ceiling, delay)
 * @param rate      events per second the feeder writes in the steady state (delay); 0: as fast as the
 *                  client reads
 * @param samples   repetitions inside the run (connect latencies, broadcasts, fallbacks)
 * @param settleSeconds how long idle and threads let the clients sit before measuring
 * @param holdSeconds how long idle and threads keep their clients open after measuring (for inspection)
 */
record Settings(
        String transport,
        int clients,
        int events,
        int warmup,
        int payload,
        int rate,
        int samples,
        int settleSeconds,
        int holdSeconds) {}
