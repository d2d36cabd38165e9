using Clusterdeck.Core.Errors;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>Delivers to the server's own <see cref="ILineProtocolSink"/>, without HTTP (the in-process agent).</summary>
public sealed class SinkMetricsTarget(ILineProtocolSink sink, string cluster) : INodeMetricsTarget
{
    public string Description => $"the in-process metric store (cluster {cluster})";

    public async ValueTask<DeliveryResult> DeliverAsync(ReadOnlyMemory<byte> lines, CancellationToken cancellationToken)
    {
        try
        {
            var result = await sink.WriteAsync(cluster, lines, cancellationToken);
            return DeliveryResult.Delivered($"{result.Stored} points stored, {result.Dropped} dropped");
        }
        catch (InvalidInputException e)
        {
            return DeliveryResult.Rejected(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.RetryLater($"{e.GetType().Name}: {e.Message}");
        }
    }
}
