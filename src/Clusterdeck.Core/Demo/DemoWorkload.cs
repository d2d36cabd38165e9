using System.Globalization;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Demo;

/// <summary>
/// Plans the synthetic job history of the demo cluster: who ran what, when, on which nodes, for how long and how it
/// ended. Deterministic for a seed and a "now". Jobs are placed on nodes by a simple list scheduler, so a node runs
/// one job at a time while the cluster has room (about two thirds of its node hours are used at 20,000 jobs over
/// <see cref="HistoryDays"/> days on 128 nodes).
/// </summary>
internal static class DemoWorkload
{
    public const int HistoryDays = 60;

    /// <summary>The first synthetic job's jobId; later ones count up in start order, as a batch system's ids do.</summary>
    public const long FirstJobId = 1_000_001;

    private const int MinimumDuration = 120;
    private const int MaximumDuration = 72 * 3600;

    private static readonly int[] WalltimeHours = [1, 2, 4, 8, 12, 24, 48, 72];

    private static readonly (int Nodes, int Weight)[] NodeCounts = [(1, 46), (2, 18), (3, 4), (4, 13), (6, 3), (8, 9), (12, 2), (16, 5)];

    private static readonly (string State, int Weight)[] EndStates =
    [
        (JobStates.Completed, 780), (JobStates.Failed, 80), (JobStates.Cancelled, 60), (JobStates.Timeout, 50),
        (JobStates.OutOfMemory, 25), (JobStates.NodeFail, 5),
    ];

    private static readonly Dictionary<string, App[]> AppsByProject = new(StringComparer.Ordinal)
    {
        ["climate"] = [new("wrf", DemoJobProfile.MemoryBound, "wrf", "srun ./wrf.exe"), new("cdo-postproc", DemoJobProfile.IoHeavy, "cdo", "cdo -P 8 mergetime out/*.nc merged.nc")],
        ["genomics"] = [new("blast-search", DemoJobProfile.IoHeavy, "blast-plus", "blastn -db nt -query reads.fa -num_threads $SLURM_CPUS_ON_NODE"), new("variant-calling", DemoJobProfile.Balanced, "gatk", "gatk HaplotypeCaller -R ref.fa -I sample.bam -O calls.vcf")],
        ["cfd-aero"] = [new("openfoam-wing", DemoJobProfile.MemoryBound, "openfoam", "srun simpleFoam -parallel"), new("su2-adjoint", DemoJobProfile.Balanced, "su2", "srun SU2_CFD adjoint.cfg")],
        ["astro-sim"] = [new("gadget4", DemoJobProfile.Phased, "gadget", "srun ./Gadget4 param.txt"), new("ramses-zoom", DemoJobProfile.ComputeBound, "ramses", "srun ./ramses3d zoom.nml")],
        ["materials"] = [new("vasp-relax", DemoJobProfile.Balanced, "vasp", "srun vasp_std"), new("cp2k-md", DemoJobProfile.ComputeBound, "cp2k", "srun cp2k.psmp -i md.inp")],
        ["ml-vision"] = [new("train-resnet", DemoJobProfile.Phased, "pytorch", "srun python train.py --epochs 90"), new("interactive", DemoJobProfile.Idle, "jupyter", "jupyter lab --no-browser --port 8888")],
        ["lattice-qcd"] = [new("hmc-run", DemoJobProfile.MemoryBound, "openqcd", "srun ./qcd1 -i hmc.in"), new("dirac-solve", DemoJobProfile.ComputeBound, "grid", "srun ./Test_dwf_cg")],
        ["neuro"] = [new("neuron-net", DemoJobProfile.Balanced, "neuron", "srun nrniv -mpi -python network.py"), new("interactive", DemoJobProfile.Idle, "python", "python3 -i analysis.py")],
        ["combustion"] = [new("nek5000-flame", DemoJobProfile.ComputeBound, "nek5000", "srun ./nek5000"), new("openfoam-burner", DemoJobProfile.MemoryBound, "openfoam", "srun reactingFoam -parallel")],
        ["seismic"] = [new("specfem3d", DemoJobProfile.ComputeBound, "specfem3d", "srun ./bin/xspecfem3D"), new("waveform-io", DemoJobProfile.IoHeavy, "python", "python3 convert_traces.py")],
    };

    /// <summary>
    /// <paramref name="count"/> finished jobs that started in the <see cref="HistoryDays"/> days before <paramref name="now"/>
    /// (Unix seconds) and ended before it, in start order.
    /// </summary>
    public static IReadOnlyList<DemoJobPlan> Plan(int count, long now, int seed, Cluster cluster)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(cluster);
        var random = new Random(seed);
        var subCluster = DemoCluster.SyntheticSubCluster(cluster);
        var hosts = DemoCluster.SyntheticHosts(cluster);
        var gpus = subCluster.Topology.Accelerators?.Select(a => a.Id).ToList() ?? [];
        var earliest = now - (HistoryDays * 86400L);

        var drafts = new List<Draft>(count);
        for (var i = 0; i < count; i++)
        {
            drafts.Add(Draft.Create(random, earliest, now, hosts.Count, gpus.Count > 0));
        }

        drafts.Sort((a, b) => a.Start.CompareTo(b.Start));
        var scheduler = new NodeScheduler(hosts.Count);
        var plans = new List<DemoJobPlan>(count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var nodes = scheduler.Place(draft.Start, draft.Start + draft.Duration, draft.Nodes, random);
            var job = draft.ToJob(FirstJobId + i, cluster.Name, subCluster.Name, [.. nodes.Select(n => hosts[n])], subCluster.Topology, gpus);
            plans.Add(new DemoJobPlan(job, draft.App.Profile, random.Next()));
        }

        return plans;
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return choices[^1].Value;
    }

    /// <summary>A log-normal sample: median <paramref name="median"/>, spread <paramref name="sigma"/> (Box–Muller).</summary>
    private static double LogNormal(Random random, double median, double sigma)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return median * Math.Exp(sigma * normal);
    }

    private static string Clock(long seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");

    private sealed record App(string Name, DemoJobProfile Profile, string Module, string Command);

    private sealed record Draft(DemoUser User, string Project, App App, int Nodes, bool Gpus, string State, long Start, int Duration, long Walltime, int Wait, IReadOnlyList<Tag> Tags)
    {
        public static Draft Create(Random random, long earliest, long now, int hostCount, bool clusterHasGpus)
        {
            // A few heavy users run most jobs, as on real clusters: the square skews the pick to the front of the list.
            var users = DemoPeople.Users;
            var user = users[(int)(Math.Pow(random.NextDouble(), 1.6) * users.Count)];
            var project = user.Projects[random.Next(user.Projects.Count)];
            var apps = AppsByProject[project];
            var app = apps[random.Next(apps.Length)];
            var interactive = app.Name == "interactive";

            var nodes = interactive ? 1 : Math.Min(Pick(random, NodeCounts), hostCount);
            var planned = Math.Clamp(LogNormal(random, interactive ? 1800 : 3600, 1.4), MinimumDuration, MaximumDuration);
            var walltime = 3600L * WalltimeHours.FirstOrDefault(h => h * 3600 >= planned * 1.15, WalltimeHours[^1]);
            var state = Pick(random, EndStates);
            var duration = state switch
            {
                JobStates.Timeout => walltime,
                JobStates.Failed or JobStates.NodeFail => planned * (0.02 + (0.6 * random.NextDouble())),
                JobStates.Cancelled => planned * (0.01 + (0.9 * random.NextDouble())),
                JobStates.OutOfMemory => planned * (0.2 + (0.7 * random.NextDouble())),
                _ => Math.Min(planned, walltime),
            };
            var seconds = (int)Math.Clamp(duration, MinimumDuration, walltime);

            // Ends at least a minute before now, so every synthetic job is finished when the demo starts.
            var latestStart = Math.Max(earliest, now - seconds - 60);
            var start = earliest + (long)(random.NextDouble() * (latestStart - earliest));
            var wait = (int)Math.Min(LogNormal(random, 240, 1.5), 2 * 86400);
            var gpus = clusterHasGpus && project == "ml-vision" && !interactive;
            return new Draft(user, project, app, nodes, gpus, state, start, seconds, walltime, wait, TagsFor(random, user, app, seconds));
        }

        public Job ToJob(long jobId, string cluster, string subCluster, IReadOnlyList<string> hosts, Topology topology, List<string> gpus)
        {
            var partition = Gpus ? "gpu" : Walltime > 24 * 3600 ? "long" : Walltime <= 3600 && Nodes <= 2 ? "short" : "main";
            var name = App.Name == "interactive" ? "interactive" : $"{App.Name}-{jobId % 1000:000}";
            var resources = hosts.Select(h => new JobResource
            {
                Hostname = h,
                HwThreads = topology.Node,
                Accelerators = Gpus ? gpus : null,
            }).ToList();
            return new Job
            {
                JobId = jobId,
                User = User.Username,
                Project = Project,
                Cluster = cluster,
                SubCluster = subCluster,
                Partition = partition,
                NumNodes = Nodes,
                NumHwthreads = Nodes * topology.Node.Count,
                NumAcc = Gpus ? Nodes * gpus.Count : 0,
                Shared = SharedModes.None,
                State = State,
                StartTime = Start,
                Duration = Duration,
                Walltime = Walltime,
                SubmitTime = Start - Wait,
                Resources = resources,
                MetaData = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["jobName"] = name,
                    ["jobScript"] = Script(name, partition),
                },
                Tags = Tags.Count > 0 ? Tags : null,
            };
        }

        private string Script(string name, string partition) => string.Join('\n',
            "#!/bin/bash",
            $"#SBATCH --job-name={name}",
            $"#SBATCH --account={Project}",
            $"#SBATCH --partition={partition}",
            $"#SBATCH --nodes={Nodes}",
            "#SBATCH --exclusive",
            $"#SBATCH --time={Clock(Walltime)}",
            Gpus ? "#SBATCH --gres=gpu:all" : "#SBATCH --mem=0",
            "",
            "module purge",
            $"module load {App.Module}",
            "",
            "cd \"$SLURM_SUBMIT_DIR\"",
            App.Command,
            "");

        private static List<Tag> TagsFor(Random random, DemoUser user, App app, int seconds)
        {
            var tags = new List<Tag>();
            if (app.Profile == DemoJobProfile.Idle && seconds > 1800 && random.NextDouble() < 0.6)
            {
                tags.Add(new Tag { Type = "jobClass", Name = "lowload", Scope = TagScopes.Global });
            }

            if (app.Profile == DemoJobProfile.MemoryBound && random.NextDouble() < 0.3)
            {
                tags.Add(new Tag { Type = "jobClass", Name = "memoryBound", Scope = TagScopes.Global });
            }

            if (user.Username == "alice" && random.NextDouble() < 0.2)
            {
                tags.Add(new Tag { Type = "note", Name = "paper-2026", Scope = "alice" });
            }

            if (user.Username == "bob" && random.NextDouble() < 0.15)
            {
                tags.Add(new Tag { Type = "note", Name = "rerun", Scope = "bob" });
            }

            if (random.NextDouble() < 0.01)
            {
                tags.Add(new Tag { Type = "review", Name = "check-efficiency", Scope = TagScopes.Admin });
            }

            return tags;
        }
    }

    /// <summary>Gives each job the nodes that are free at its start (a contiguous run where it can), else the ones free soonest.</summary>
    private sealed class NodeScheduler(int hosts)
    {
        private readonly long[] _freeAt = new long[hosts];

        public int[] Place(long start, long end, int count, Random random)
        {
            var free = Enumerable.Range(0, _freeAt.Length).Where(n => _freeAt[n] <= start).ToList();
            int[] chosen;
            if (free.Count >= count)
            {
                var first = random.Next(free.Count - count + 1);
                chosen = [.. free.GetRange(first, count)];
            }
            else
            {
                // The cluster is full at this moment: share the nodes that free up first (an oversubscribed node).
                chosen = [.. Enumerable.Range(0, _freeAt.Length).OrderBy(n => _freeAt[n]).ThenBy(n => n).Take(count).Order()];
            }

            foreach (var node in chosen)
            {
                _freeAt[node] = Math.Max(_freeAt[node], end);
            }

            return chosen;
        }
    }
}
