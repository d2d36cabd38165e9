namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>Where the node agent delivers its line protocol: a server's <c>/api/write</c>, or the in-process store.</summary>
public interface INodeMetricsTarget
{
    /// <summary>For logs: where the lines go (never with a secret in it).</summary>
    string Description { get; }

    /// <summary>
    /// Delivers one batch of lines. Must not throw for a failed delivery: it answers <see cref="DeliveryOutcome.RetryLater"/>
    /// when the same batch may succeed later (server down, 5xx, timeout) and <see cref="DeliveryOutcome.Rejected"/> when it
    /// never will (the server refused it as bad input or the token as invalid).
    /// </summary>
    ValueTask<DeliveryResult> DeliverAsync(ReadOnlyMemory<byte> lines, CancellationToken cancellationToken);
}

public enum DeliveryOutcome
{
    Delivered,
    RetryLater,
    Rejected,
}

/// <summary>The outcome of one delivery and what the other side said about it.</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string Detail)
{
    public static DeliveryResult Delivered(string detail) => new(DeliveryOutcome.Delivered, detail);

    public static DeliveryResult RetryLater(string detail) => new(DeliveryOutcome.RetryLater, detail);

    public static DeliveryResult Rejected(string detail) => new(DeliveryOutcome.Rejected, detail);
}
