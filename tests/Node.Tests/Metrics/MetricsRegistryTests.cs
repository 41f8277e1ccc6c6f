using DaiChain.Node.Metrics;

namespace DaiChain.Node.Tests.Metrics;

public sealed class MetricsRegistryTests
{
    [Fact]
    public void Exposes_help_type_and_value_for_each_kind()
    {
        var registry = new MetricsRegistry();
        var counter = registry.CreateCounter("test_events_total", "Events seen.");
        var gauge = registry.CreateGauge("test_height", "Height.");
        counter.Inc();
        counter.Inc(2.5);
        gauge.Set(42);
        gauge.Dec();

        var text = registry.Expose();

        Assert.Equal(
            "# HELP test_events_total Events seen.\n# TYPE test_events_total counter\ntest_events_total 3.5\n"
            + "# HELP test_height Height.\n# TYPE test_height gauge\ntest_height 41\n",
            text);
        ExpositionParser.Parse(text);
    }

    [Fact]
    public void Writes_cumulative_histogram_buckets_with_sum_and_count()
    {
        var registry = new MetricsRegistry();
        var histogram = registry.CreateHistogram("test_latency_seconds", "Latency.", [0.1, 1, 10]);
        foreach (var value in new[] { 0.05, 0.1, 0.5, 5, 50, double.NaN })
        {
            histogram.Observe(value);
        }

        var samples = ExpositionParser.Parse(registry.Expose());

        Assert.Equal(2, samples[("test_latency_seconds_bucket", "le=\"0.1\"")]);
        Assert.Equal(3, samples[("test_latency_seconds_bucket", "le=\"1\"")]);
        Assert.Equal(4, samples[("test_latency_seconds_bucket", "le=\"10\"")]);
        Assert.Equal(5, samples[("test_latency_seconds_bucket", "le=\"+Inf\"")]);
        Assert.Equal(5, samples[("test_latency_seconds_count", string.Empty)]);
        Assert.Equal(55.65, samples[("test_latency_seconds_sum", string.Empty)], 10);
        Assert.Equal(5, histogram.Count);
    }

    [Fact]
    public void Escapes_help_text_and_label_values()
    {
        var registry = new MetricsRegistry();
        var family = registry.CreateCounterFamily("test_escapes_total", "Back\\slash and\nnewline.", "path");
        family.WithLabels("C:\\dir \"quoted\"\nnext").Inc();

        var text = registry.Expose();
        var samples = ExpositionParser.Parse(text);

        Assert.Contains("# HELP test_escapes_total Back\\\\slash and\\nnewline.\n", text, StringComparison.Ordinal);
        var labels = Assert.Single(samples.Keys, k => k.Name == "test_escapes_total").Labels;
        Assert.Equal("path=\"C:\\\\dir \\\"quoted\\\"\\nnext\"", labels);
        Assert.Equal("C:\\dir \"quoted\"\nnext", ExpositionParser.Unescape(labels["path=\"".Length..^1]));
    }

    [Fact]
    public void Keeps_one_series_per_label_combination_in_a_stable_order()
    {
        var registry = new MetricsRegistry();
        var family = registry.CreateCounterFamily("test_bytes_total", "Bytes.", "channel", "direction");
        family.WithLabels("mempool", "sent").Inc(10);
        family.WithLabels("consensus", "received").Inc(5);
        family.WithLabels("mempool", "sent").Inc(1);

        var text = registry.Expose();

        Assert.Equal(11, family.WithLabels("mempool", "sent").Value);
        Assert.True(
            text.IndexOf("channel=\"consensus\"", StringComparison.Ordinal) < text.IndexOf("channel=\"mempool\"", StringComparison.Ordinal),
            text);
        Assert.Throws<ArgumentException>(() => family.WithLabels("only-one"));
    }

    [Fact]
    public void Folds_label_combinations_past_the_bound_into_one_overflow_series()
    {
        var registry = new MetricsRegistry(maxSeriesPerFamily: 3);
        var family = registry.CreateCounterFamily("test_by_peer_total", "Per peer.", "peer");
        for (var i = 0; i < 10; i++)
        {
            family.WithLabels($"peer{i}").Inc();
        }

        var samples = ExpositionParser.Parse(registry.Expose());

        Assert.Equal(4, samples.Count);
        Assert.Equal(7, samples[("test_by_peer_total", "peer=\"_overflow\"")]);
    }

    [Fact]
    public void Reads_callback_gauges_at_scrape_time_and_survives_a_failing_one()
    {
        var registry = new MetricsRegistry();
        var size = 3;
        registry.CreateCallbackGauge("test_mempool_size", "Mempool size.", () => size);
        registry.CreateCallbackGauge("test_broken", "Broken.", () => throw new InvalidOperationException("boom"));
        size = 9;

        var text = registry.Expose();
        var samples = ExpositionParser.Parse(text);

        Assert.Equal(9, samples[("test_mempool_size", string.Empty)]);
        Assert.DoesNotContain(samples.Keys, k => k.Name == "test_broken");
        Assert.Contains("# TYPE test_broken gauge", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1bad")]
    [InlineData("has-dash")]
    [InlineData("")]
    public void Rejects_invalid_metric_names(string name)
    {
        Assert.Throws<ArgumentException>(() => new MetricsRegistry().CreateGauge(name, "Help."));
    }

    [Fact]
    public void Rejects_invalid_or_colliding_declarations()
    {
        var registry = new MetricsRegistry();
        registry.CreateHistogram("test_step_seconds", "Step.", [1]);

        Assert.Throws<ArgumentException>(() => registry.CreateCounter("test_no_suffix", "Counter without _total."));
        Assert.Throws<ArgumentException>(() => registry.CreateGauge("test_step_seconds_count", "Collides with the histogram."));
        Assert.Throws<ArgumentException>(() => registry.CreateGauge("test_step_seconds", "Duplicate."));
        Assert.Throws<ArgumentException>(() => registry.CreateGaugeFamily("test_labels", "Bad label.", "__reserved"));
        Assert.Throws<ArgumentException>(() => registry.CreateGaugeFamily("test_labels2", "Twice.", "a", "a"));
        Assert.Throws<ArgumentException>(() => registry.CreateHistogramFamily("test_h_seconds", "le label.", [1], "le"));
        Assert.Throws<ArgumentException>(() => registry.CreateHistogram("test_h2_seconds", "Unsorted.", [2, 1]));
        Assert.Throws<ArgumentException>(() => registry.CreateGauge("test_no_help", string.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => registry.CreateCounter("test_c_total", "Counter.").Inc(-1));
    }

    [Fact]
    public void Formats_special_values_the_way_prometheus_parses_them()
    {
        var registry = new MetricsRegistry();
        registry.CreateGauge("test_inf", "Inf.").Set(double.PositiveInfinity);
        registry.CreateGauge("test_neg_inf", "-Inf.").Set(double.NegativeInfinity);
        registry.CreateGauge("test_nan", "NaN.").Set(double.NaN);
        registry.CreateGauge("test_small", "Small.").Set(0.000001);

        var text = registry.Expose();
        ExpositionParser.Parse(text);

        Assert.Contains("test_inf +Inf\n", text, StringComparison.Ordinal);
        Assert.Contains("test_neg_inf -Inf\n", text, StringComparison.Ordinal);
        Assert.Contains("test_nan NaN\n", text, StringComparison.Ordinal);
        Assert.Contains("test_small 1E-06\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_exactly_under_concurrent_updates()
    {
        var registry = new MetricsRegistry();
        var counter = registry.CreateCounter("test_parallel_total", "Parallel.");
        var histogram = registry.CreateHistogram("test_parallel_seconds", "Parallel.", [0.5]);

        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.Inc();
                histogram.Observe(1);
            }
        });

        Assert.Equal(40_000, counter.Value);
        Assert.Equal(40_000, histogram.Count);
        Assert.Equal(40_000, histogram.Sum);
    }

    [Fact]
    public void Declares_the_node_metrics_with_valid_exposition()
    {
        var registry = new MetricsRegistry();
        var node = new NodeMetrics(registry);
        node.Height.Set(20);
        node.TransactionsCommitted.Inc(7);
        node.BlockInterval.Observe(TimeSpan.FromMilliseconds(40));
        node.StepDuration.WithLabels("prevote").Observe(0.01);
        node.MissedVotes.WithLabels("0xabc").Inc();
        node.ChannelBytes.WithLabels("consensus", "sent").Inc(1024);

        var samples = ExpositionParser.Parse(registry.Expose());

        Assert.Equal(20, samples[("daichain_chain_height", string.Empty)]);
        Assert.Equal(7, samples[("daichain_transactions_committed_total", string.Empty)]);
        Assert.Equal(1, samples[("daichain_block_interval_seconds_count", string.Empty)]);
        Assert.Equal(1, samples[("daichain_consensus_step_duration_seconds_count", "step=\"prevote\"")]);
        Assert.Equal(1, samples[("daichain_consensus_missed_votes_total", "validator=\"0xabc\"")]);
        Assert.Equal(1024, samples[("daichain_p2p_channel_bytes_total", "channel=\"consensus\",direction=\"sent\"")]);
        Assert.Equal(0, samples[("daichain_p2p_peers", string.Empty)]);
    }
}
