using System.Runtime.InteropServices;
using System.Text;
using Clusterdeck.Core.Metrics.Agent;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clusterdeck.Tests.Metrics.Agent;

/// <summary>
/// The agent loop's backlog and retry rules, reading this machine's real /proc, with a scripted target standing in for a
/// server that is down, refuses, or comes back (the real HTTP target is covered end to end in AgentEndToEndTests).
/// </summary>
public sealed class NodeAgentTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_TargetDownThenUp_EveryBatchDeliveredOnceOldestFirst()
    {
        var target = new ScriptedTarget(attempt => attempt <= 4 ? DeliveryOutcome.RetryLater : DeliveryOutcome.Delivered);
        var agent = CreateAgent(target, TimeSpan.FromMilliseconds(100));

        await RunForAsync(agent, TimeSpan.FromSeconds(1.5));

        Assert.True(target.Offered.Count >= 5, $"only {target.Offered.Count} batches read");
        Assert.Equal(target.Offered.Take(target.Delivered.Count), target.Delivered);
        Assert.Equal(target.Offered.Count, target.Delivered.Count + agent.BacklogBatches);
        Assert.DoesNotContain("cpu_user", target.Delivered[0], StringComparison.Ordinal); // first reading: gauges only
        Assert.Contains("cpu_user", target.Delivered[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TargetRefuses_BatchesDroppedNotRetried()
    {
        var target = new ScriptedTarget(_ => DeliveryOutcome.Rejected);
        var agent = CreateAgent(target, TimeSpan.FromMilliseconds(100));

        await RunForAsync(agent, TimeSpan.FromSeconds(1.2));

        Assert.True(target.Attempts >= 3);
        Assert.Equal(target.Offered.Count, target.Attempts); // each batch tried exactly once
        Assert.Equal(0, agent.BacklogBatches);
    }

    [Fact]
    public async Task RunAsync_BacklogOverLimit_OldestDropped()
    {
        var target = new ScriptedTarget(_ => DeliveryOutcome.RetryLater);
        var agent = CreateAgent(target, TimeSpan.FromMilliseconds(100), backlogLimitBytes: 1);

        await RunForAsync(agent, TimeSpan.FromSeconds(1.2));

        Assert.Equal(1, agent.BacklogBatches); // the newest batch only
        Assert.True(target.Offered.Count >= 3, $"only {target.Offered.Count} batches offered");
    }

    [Fact]
    public async Task RunOnceAsync_TargetTakesIt_OneBatchWithGaugesAndRates()
    {
        var target = new ScriptedTarget(_ => DeliveryOutcome.Delivered);
        var agent = CreateAgent(target, TimeSpan.FromSeconds(60));

        Assert.True(await agent.RunOnceAsync(Token));

        var lines = Assert.Single(target.Delivered).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.StartsWith("cpu_load,hostname=agent-test,type=node value=", StringComparison.Ordinal));
        Assert.Equal(Environment.ProcessorCount, lines.Count(l => l.StartsWith("cpu_user,hostname=agent-test,type=hwthread,type-id=", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("net_bw,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnceAsync_TargetStaysDown_FalseAfterThreeAttempts()
    {
        var target = new ScriptedTarget(_ => DeliveryOutcome.RetryLater);
        var agent = CreateAgent(target, TimeSpan.FromSeconds(60));

        Assert.False(await agent.RunOnceAsync(Token));
        Assert.Equal(3, target.Attempts);
    }

    [Fact]
    public async Task RunOnceAsync_TargetRefuses_FalseAfterOneAttempt()
    {
        var target = new ScriptedTarget(_ => DeliveryOutcome.Rejected);
        var agent = CreateAgent(target, TimeSpan.FromSeconds(60));

        Assert.False(await agent.RunOnceAsync(Token));
        Assert.Equal(1, target.Attempts);
        Assert.Equal(0, agent.BacklogBatches);
    }

    private static NodeAgent CreateAgent(ScriptedTarget target, TimeSpan interval, long backlogLimitBytes = 1 << 20) => new(
        NodeMetricsReader.Create(NodeFiles.Real, TimeProvider.System, NullLogger<NodeMetricsReader>.Instance, searchPath: ""),
        target,
        new NodeAgentSettings("agent-test", interval) { BacklogLimitBytes = backlogLimitBytes },
        TimeProvider.System,
        NullLogger<NodeAgent>.Instance);

    private static async Task RunForAsync(NodeAgent agent, TimeSpan duration)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        stop.CancelAfter(duration);
        await agent.RunAsync(stop.Token);
    }

    /// <summary>Answers each delivery attempt (counted from 1) as the script says, and records what it was given.</summary>
    private sealed class ScriptedTarget(Func<int, DeliveryOutcome> script) : INodeMetricsTarget
    {
        private readonly List<byte[]> _buffers = [];

        public List<string> Offered { get; } = [];

        public List<string> Delivered { get; } = [];

        public int Attempts { get; private set; }

        public string Description => "scripted target";

        public ValueTask<DeliveryResult> DeliverAsync(ReadOnlyMemory<byte> lines, CancellationToken cancellationToken)
        {
            // A batch is known by its buffer: two readings in the same second can have the same text.
            Assert.True(MemoryMarshal.TryGetArray(lines, out var segment));
            var text = Encoding.UTF8.GetString(lines.Span);
            if (!_buffers.Any(b => ReferenceEquals(b, segment.Array)))
            {
                _buffers.Add(segment.Array!);
                Offered.Add(text);
            }

            var outcome = script(++Attempts);
            if (outcome == DeliveryOutcome.Delivered)
            {
                Delivered.Add(text);
            }

            return ValueTask.FromResult(new DeliveryResult(outcome, outcome.ToString()));
        }
    }
}
