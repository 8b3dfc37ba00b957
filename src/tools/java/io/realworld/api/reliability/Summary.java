package io.realworld.api.reliability;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per operation: how many requests, their outcomes, and latency percentiles. */
final class Summary {

  private final Map<String, List<LoadDriver.Sample>> byOp = new TreeMap<>();

  private Summary() {
  }

  static Summary of(Collection<LoadDriver.Sample> samples) {
    Summary summary = new Summary();
    samples.forEach(sample ->
        summary.byOp.computeIfAbsent(sample.op(), op -> new ArrayList<>()).add(sample));
    return summary;
  }

  void print(PrintStream out) {
    int total = byOp.values().stream().mapToInt(List::size).sum();
    out.printf("requests: %d%n", total);
    byOp.forEach((op, samples) -> {
      Map<String, Integer> outcomes = new TreeMap<>();
      samples.forEach(sample -> outcomes.merge(sample.outcome(), 1, Integer::sum));
      long[] latencies = samples.stream().mapToLong(s -> s.endMs() - s.startMs()).sorted()
          .toArray();
      out.printf("  %-8s %6d  outcomes %s  latency ms p50 %d p99 %d max %d%n", op,
          samples.size(), outcomes, percentile(latencies, 50), percentile(latencies, 99),
          latencies[latencies.length - 1]);
    });
  }

  static long percentile(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
