package org.stepwise.demo;

import java.util.List;
import java.util.SplittableRandom;

/** The few random draws the demo generator makes, all from one seeded source so a seed repeats exactly. */
final class Draw {

    private Draw() {
    }

    /** True with probability {@code p}. */
    static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    /** A whole number from {@code low} to {@code high}, both included. */
    static int between(SplittableRandom rng, int low, int high) {
        return rng.nextInt(low, high + 1);
    }

    static double uniform(SplittableRandom rng, double low, double high) {
        return rng.nextDouble(low, high);
    }

    static double gaussian(SplittableRandom rng, double mean, double sd) {
        return rng.nextGaussian(mean, sd);
    }

    static <T> T any(SplittableRandom rng, List<T> values) {
        return values.get(rng.nextInt(values.size()));
    }

    /** An index drawn with probability proportional to its weight. */
    static int weighted(SplittableRandom rng, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double x = rng.nextDouble(sum);
        for (int i = 0; i < weights.length - 1; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }

    static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
