using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics;
using Clusterdeck.Core.Metrics.Agent;

namespace Clusterdeck.Core.Demo;

/// <summary>
/// Makes a synthetic job's metric data as the archiver would have collected it: node-scope series of every configured
/// metric, plus core scope of the per-hwthread metrics on jobs of at most <c>JobArchiver.MaxNodesForCoreScope</c>
/// nodes and accelerator scope on GPU jobs. Series follow the job's <see cref="DemoJobProfile"/>: a start-up ramp, a
/// plateau with noise, checkpoint dips and I/O bursts, memory that fills over time, a weaker node in some jobs. Node
/// values of a metric measured per core are the sum or average of its cores (the metric's aggregation). Samples are
/// rounded to two decimals, as the archive stores them, so statistics computed from the files match.
/// </summary>
internal static class DemoMetricSynthesizer
{
    private const int MaxNodesForCoreScope = Metrics.Archiving.JobArchiver.MaxNodesForCoreScope;

    public static JobData Synthesize(DemoJobPlan plan, IReadOnlyList<MetricConfig> metrics, SubCluster subCluster)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(subCluster);
        var job = plan.Job;
        var random = new Random(plan.Seed);
        var shape = Shape.For(plan.Profile, job.State, random);
        var data = new JobData();
        var activities = new Dictionary<int, double[]>();
        foreach (var metric in metrics)
        {
            var timestep = Math.Max(metric.Timestep, 1);
            if (!activities.TryGetValue(timestep, out var activity))
            {
                // One activity curve per timestep: every metric of the job rises and dips together.
                activity = shape.Activity(Math.Max(2, (job.Duration / timestep) + 1), timestep, random);
                activities[timestep] = activity;
            }

            var scopes = new Dictionary<string, JobMetric>(StringComparer.Ordinal);
            var generator = new SeriesGenerator(metric, subCluster, shape, activity, random);
            if (metric.Scope == MetricScopes.Accelerator)
            {
                if (job.NumAcc > 0)
                {
                    var (node, accelerators) = generator.PerDevice(job, [.. subCluster.Topology.Accelerators?.Select(a => a.Id) ?? []]);
                    scopes[MetricScopes.Node] = Wrap(metric, node);
                    scopes[MetricScopes.Accelerator] = Wrap(metric, accelerators);
                }
            }
            else if (metric.Scope is MetricScopes.HwThread or MetricScopes.Core)
            {
                var cores = subCluster.Topology.Core.Count;
                var (node, perCore) = generator.PerDevice(job, [.. Enumerable.Range(0, Math.Max(cores, 1)).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                scopes[MetricScopes.Node] = Wrap(metric, node);
                if (job.NumNodes <= MaxNodesForCoreScope)
                {
                    scopes[MetricScopes.Core] = Wrap(metric, perCore);
                }
            }
            else
            {
                scopes[MetricScopes.Node] = Wrap(metric, generator.PerNode(job));
            }

            if (scopes.Count > 0)
            {
                data[metric.Name] = scopes;
            }
        }

        return data;
    }

    private static JobMetric Wrap(MetricConfig metric, List<MetricSeries> series) =>
        new() { Unit = metric.Unit, Timestep = Math.Max(metric.Timestep, 1), Series = series };

    private static float Round(double value) => (float)(Math.Round(Math.Max(value, 0) * 100) / 100);

    /// <summary>The job-wide character of the data: how hard it computes, streams memory, fills memory and writes files.</summary>
    private sealed record Shape(
        DemoJobProfile Profile, double Cpu, double Flops, double Bandwidth, double MemoryStart, double MemoryEnd,
        double Io, double Network, int CheckpointEvery, bool Imbalanced)
    {
        public static Shape For(DemoJobProfile profile, string state, Random random)
        {
            double U(double from, double to) => from + ((to - from) * random.NextDouble());
            var shape = profile switch
            {
                DemoJobProfile.ComputeBound => new Shape(profile, U(0.9, 1), U(0.35, 0.75), U(0.08, 0.3), U(0.05, 0.15), U(0.15, 0.4), U(0, 0.05), U(0.1, 0.6), random.Next(2) == 0 ? random.Next(20, 60) : 0, false),
                DemoJobProfile.MemoryBound => new Shape(profile, U(0.85, 1), U(0.02, 0.1), U(0.55, 0.92), U(0.1, 0.3), U(0.3, 0.75), U(0, 0.05), U(0.2, 0.8), random.Next(3) == 0 ? random.Next(20, 60) : 0, false),
                DemoJobProfile.Balanced => new Shape(profile, U(0.6, 0.95), U(0.12, 0.35), U(0.2, 0.5), U(0.05, 0.2), U(0.2, 0.5), U(0, 0.1), U(0.1, 0.5), random.Next(2) == 0 ? random.Next(15, 45) : 0, false),
                DemoJobProfile.Idle => new Shape(profile, U(0, 0.06), U(0, 0.004), U(0, 0.015), U(0.01, 0.03), U(0.02, 0.08), U(0, 0.01), U(0, 0.02), 0, false),
                DemoJobProfile.IoHeavy => new Shape(profile, U(0.2, 0.5), U(0.005, 0.04), U(0.05, 0.2), U(0.05, 0.1), U(0.1, 0.3), U(0.3, 0.9), U(0.1, 0.4), 0, false),
                _ => new Shape(profile, U(0.75, 0.98), U(0.2, 0.6), U(0.15, 0.4), U(0.1, 0.2), U(0.2, 0.45), U(0.1, 0.3), U(0.3, 0.9), random.Next(8, 30), false),
            };

            if (state == JobStates.OutOfMemory)
            {
                shape = shape with { MemoryEnd = U(0.97, 1) };
            }

            return shape with { Imbalanced = random.NextDouble() < 0.1 };
        }

        /// <summary>How busy the job is at each sample (0..1): a ramp at the start, dips at checkpoints, phases.</summary>
        public double[] Activity(int samples, int timestep, Random random)
        {
            var activity = new double[samples];
            var ramp = Math.Max(1, (int)Math.Round(random.Next(60, 300) / (double)timestep));
            for (var i = 0; i < samples; i++)
            {
                var level = i < ramp ? (i + 1) / (double)(ramp + 1) : 1;
                if (CheckpointEvery > 0 && i > ramp && i % CheckpointEvery < (Profile == DemoJobProfile.Phased ? 2 : 1))
                {
                    level *= 0.2;
                }

                // Slow drift over the run, so long plateaus are not flat lines.
                level *= 1 + (0.04 * Math.Sin(i / 17.0));
                activity[i] = level;
            }

            return activity;
        }
    }

    /// <summary>The series of one metric for every node of a job (and below the node for per-core and per-GPU metrics).</summary>
    private sealed class SeriesGenerator(MetricConfig metric, SubCluster subCluster, Shape shape, double[] activity, Random random)
    {
        private readonly int _hwThreads = Math.Max(subCluster.Topology.Node.Count, 1);

        public List<MetricSeries> PerNode(Job job)
        {
            var series = new List<MetricSeries>(job.NumNodes);
            for (var n = 0; n < job.Resources.Count; n++)
            {
                var factor = NodeFactor(n, job.NumNodes);
                var values = new float[activity.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Round(NodeValue(i, factor, job.NumNodes));
                }

                series.Add(new MetricSeries { Hostname = job.Resources[n].Hostname, Data = values });
            }

            return series;
        }

        /// <summary>Series per device (core or GPU) and the node series made from them by the metric's aggregation.</summary>
        public (List<MetricSeries> Node, List<MetricSeries> Devices) PerDevice(Job job, IReadOnlyList<string> devices)
        {
            var nodes = new List<MetricSeries>(job.NumNodes);
            var perDevice = new List<MetricSeries>(job.NumNodes * devices.Count);
            var average = metric.Aggregation == "avg";
            for (var n = 0; n < job.Resources.Count; n++)
            {
                var factor = NodeFactor(n, job.NumNodes);
                var node = new double[activity.Length];
                for (var d = 0; d < devices.Count; d++)
                {
                    // Idle jobs keep one core a little busy (a shell, a Python prompt); the rest sleep.
                    var share = shape.Profile == DemoJobProfile.Idle && d > 0 ? 0.05 : 0.92 + (0.12 * random.NextDouble());
                    var values = new float[activity.Length];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = Round(DeviceValue(i, factor * share, devices.Count));
                        node[i] += values[i];
                    }

                    perDevice.Add(new MetricSeries { Hostname = job.Resources[n].Hostname, Id = devices[d], Data = values });
                }

                var nodeValues = new float[activity.Length];
                for (var i = 0; i < nodeValues.Length; i++)
                {
                    nodeValues[i] = Round(average ? node[i] / devices.Count : node[i]);
                }

                nodes.Add(new MetricSeries { Hostname = job.Resources[n].Hostname, Data = nodeValues });
            }

            return (nodes, perDevice);
        }

        private double NodeFactor(int node, int nodes) =>
            shape.Imbalanced && nodes > 1 && node == nodes - 1 ? 0.3 + (0.3 * random.NextDouble()) : 1 + (0.06 * (random.NextDouble() - 0.5));

        private double Noise(double spread) => 1 + (spread * 2 * (random.NextDouble() - 0.5));

        private double NodeValue(int i, double factor, int nodes)
        {
            var a = activity[i];
            var progress = activity.Length > 1 ? i / (double)(activity.Length - 1) : 1;
            var checkpoint = a < 0.5 && i > 0;
            switch (metric.Name)
            {
                case AgentMetricNames.CpuLoad:
                    return Math.Min(metric.Peak * 1.05, _hwThreads * shape.Cpu * a * factor * Noise(0.04));
                case AgentMetricNames.MemUsed:
                    var fill = shape.MemoryStart + ((shape.MemoryEnd - shape.MemoryStart) * (1 - Math.Exp(-4 * progress)));
                    return Math.Min(metric.Peak, metric.Peak * fill * factor * Noise(0.01));
                case DemoCluster.MemoryBandwidth:
                    return Math.Min(metric.Peak, metric.Peak * shape.Bandwidth * a * factor * Noise(0.06));
                case DemoCluster.CpuPower:
                    var load = Math.Min(1, (0.7 * shape.Cpu * a) + (0.3 * shape.Bandwidth * a));
                    return metric.Peak * (0.3 + (0.7 * load)) * Noise(0.03);
                case AgentMetricNames.NetBandwidth:
                    var traffic = nodes > 1 ? 2e8 * shape.Network : 2e4 * (1 + shape.Network);
                    return traffic * a * factor * Noise(0.3);
                case AgentMetricNames.FileBandwidth:
                    var background = 5e4 + (shape.Io * 3e8 * a);
                    return (checkpoint ? 4e8 * (0.5 + random.NextDouble()) : background) * Noise(0.4);
                default:
                    return metric.Normal * a * factor * Noise(0.05);
            }
        }

        private double DeviceValue(int i, double factor, int devices)
        {
            var a = activity[i];
            switch (metric.Name)
            {
                case AgentMetricNames.CpuUser:
                    return Math.Min(100, 100 * Math.Max(shape.Cpu, 0.01) * a * factor * Noise(0.05));
                case DemoCluster.FlopsAny:
                    return metric.Peak / devices * shape.Flops * a * factor * Noise(0.08);
                case AgentMetricNames.AccUtilization:
                    return Math.Min(100, 100 * (0.5 + (0.5 * shape.Flops / 0.6)) * a * factor * Noise(0.05));
                // The accelerator thresholds are per GPU (the metric's native scope).
                case AgentMetricNames.AccMemUsed:
                    return metric.Peak * (0.3 + (0.6 * shape.MemoryEnd)) * Noise(0.01);
                case AgentMetricNames.AccPower:
                    return (metric.Peak * 0.15) + (metric.Peak * 0.75 * a * factor * Noise(0.05));
                default:
                    return metric.Normal / devices * a * factor * Noise(0.05);
            }
        }
    }
}
