package io.pusherj.bench.load;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample. */
final class Percentiles {
    private final double[] sorted;

    Percentiles(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        sorted = values.clone();
        Arrays.sort(sorted);
    }

    /** The value below which {@code p} percent of the sample lies (nearest rank). */
    double at(double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The middle value, or the mean of the two middle values of an even sample (two runs: their mean). */
    double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double max() {
        return sorted[sorted.length - 1];
    }
}
