// /metrics: the instruments of the "RSerPool" Meter (src/Actors/Metrics/RSerPoolMetrics.cs, RegistrarInstruments) in
// the Prometheus text format, written by prometheus-net. prometheus-net's own MeterAdapter exports every .NET counter as
// a Prometheus gauge; this listener keeps the types (counter, gauge, histogram) and names them by Prometheus
// conventions (docs/metrics.md): dots become underscores, seconds get "_seconds", counters "_total".
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;
using RSerPool.Actors.Metrics;

namespace RSerPool.Hosts.Status;

/// <summary>Listens to the given Meters (all named "RSerPool") and keeps a prometheus-net registry of the same series, exported on demand.</summary>
public sealed class MeterExporter : IDisposable
{
    /// <summary>The content type of <see cref="ExportAsync"/>: the Prometheus text format 0.0.4.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly IMetricFactory _factory;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, Action<double, string[]>> _sinks = new();
    private readonly ConcurrentDictionary<Instrument, Gauge> _observedGauges = new();

    // Label names are the instrument's tag keys, declared once: every measurement of one instrument carries the same keys.
    private readonly ConcurrentDictionary<Instrument, string[]> _labelNames = new();
    private readonly SemaphoreSlim _collecting = new(1, 1);

    private readonly IReadOnlyDictionary<string, string[]> _declaredLabels;

    /// <param name="labelNames">Instrument name to the tag keys it records, beyond <see cref="RSerPoolMetrics.LabelNames"/>.</param>
    /// <param name="meters">The Meters exported besides <see cref="RSerPoolMetrics.Meter"/>.</param>
    public MeterExporter(IReadOnlyDictionary<string, string[]> labelNames, params Meter[] meters)
    {
        _declaredLabels = labelNames;
        var exported = new HashSet<Meter>(meters) { RSerPoolMetrics.Meter };
        _factory = Metrics.WithCustomRegistry(_registry);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (exported.Contains(instrument.Meter) && _sinks.TryAdd(instrument, SinkOf(instrument)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The Prometheus name of an instrument: <c>rserpool.handle_resolution.duration</c> (s) is <c>rserpool_handle_resolution_duration_seconds</c>.</summary>
    public static string PrometheusName(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        string name = instrument.Name.Replace('.', '_');
        if (instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal))
        {
            name += "_seconds";
        }

        bool counter = instrument is Counter<long> or Counter<int> or Counter<double> or ObservableCounter<long> or ObservableCounter<double>;
        return counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    /// <summary>Observes the observable instruments, then writes every series to <paramref name="stream"/>.</summary>
    public async Task ExportAsync(Stream stream, CancellationToken cancellationToken)
    {
        await _collecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A gauge shows only what was observed this time (a pool gone from the top N leaves no stale series).
            foreach (Gauge gauge in _observedGauges.Values)
            {
                foreach (string[] labels in gauge.GetAllLabelValues().ToList())
                {
                    gauge.RemoveLabelled(labels);
                }
            }

            _listener.RecordObservableInstruments();
            await _registry.CollectAndExportAsTextAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _collecting.Release();
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _collecting.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible
    {
        if (_sinks.TryGetValue(instrument, out Action<double, string[]>? sink))
        {
            sink(value.ToDouble(System.Globalization.CultureInfo.InvariantCulture), LabelValues(instrument, tags));
        }
    }

    private string[] LabelValues(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string[] names = _labelNames.GetOrAdd(instrument, _ => []);
        if (names.Length == 0)
        {
            return [];   // the hot path (handle resolutions): nothing allocated
        }

        var values = new string[names.Length];
        foreach (var tag in tags)
        {
            int index = Array.IndexOf(names, tag.Key);
            if (index >= 0)
            {
                values[index] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] ??= string.Empty;
        }

        return values;
    }

    private Action<double, string[]> SinkOf(Instrument instrument)
    {
        string name = PrometheusName(instrument);
        string help = string.IsNullOrEmpty(instrument.Description) ? name : instrument.Description;
        string[] labels = LabelNamesOf(instrument);
        _labelNames[instrument] = labels;
        switch (instrument)
        {
            case Counter<long> or Counter<int> or Counter<double>:
            {
                var counter = _factory.CreateCounter(name, help, labels);
                return labels.Length == 0 ? (value, _) => counter.Inc(value) : (value, values) => counter.WithLabels(values).Inc(value);
            }
            case ObservableCounter<long> or ObservableCounter<double>:
            {
                // Observed series appear when first observed (a standalone registrar shows no cluster series).
                var counter = _factory.CreateCounter(name, help, labels, new CounterConfiguration { SuppressInitialValue = true });
                return (value, values) => counter.WithLabels(values).IncTo(value);
            }
            case Histogram<double> histogram:
            {
                double[] buckets = [.. histogram.Advice?.HistogramBucketBoundaries ?? RSerPoolMetrics.ServiceTimeBuckets];
                var prometheus = _factory.CreateHistogram(name, help, labels, new HistogramConfiguration { Buckets = buckets });
                return labels.Length == 0 ? (value, _) => prometheus.Observe(value) : (value, values) => prometheus.WithLabels(values).Observe(value);
            }
            default:
            {
                var gauge = _factory.CreateGauge(name, help, labels, new GaugeConfiguration { SuppressInitialValue = true });
                _observedGauges[instrument] = gauge;
                return (value, values) => gauge.WithLabels(values).Set(value);
            }
        }
    }

    // The label names an instrument declares (RSerPoolMetrics.LabelNames, the constructor's); none for the rest.
    private string[] LabelNamesOf(Instrument instrument) =>
        RSerPoolMetrics.LabelNames.TryGetValue(instrument.Name, out string[]? names) || _declaredLabels.TryGetValue(instrument.Name, out names) ? names : [];
}
