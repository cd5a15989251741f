-- wrk reports p50/p75/p90/p99; the goal is stated at p95, so print the percentiles we need, in microseconds.
done = function(summary, latency, requests)
  io.write(string.format("AGENTGEN requests=%d duration_us=%d errors=%d p50=%d p95=%d p99=%d\n",
    summary.requests, summary.duration,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
