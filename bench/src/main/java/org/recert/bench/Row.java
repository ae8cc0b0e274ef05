package org.recert.bench;

/**
 * One line of the results table: what was measured through Recert, the baseline measured in the same run,
 * the goal, and whether it was met ("-" when there is no goal).
 */
record Row(String measure, String recert, String baseline, String goal, String verdict) {

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return millis < 10 ? String.format("%.2f ms", millis) : String.format("%.1f ms", millis);
    }
}
