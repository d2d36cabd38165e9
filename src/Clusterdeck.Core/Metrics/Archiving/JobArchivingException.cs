namespace Clusterdeck.Core.Metrics.Archiving;

/// <summary>Archiving a job failed at <see cref="Step"/>; the cause is the inner exception.</summary>
public sealed class JobArchivingException : Exception
{
    public JobArchivingException()
    {
        Step = "archiving";
    }

    public JobArchivingException(string message)
        : base(message)
    {
        Step = "archiving";
    }

    public JobArchivingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Step = "archiving";
    }

    public JobArchivingException(string step, string message, Exception? innerException)
        : base($"{step} failed: {message}", innerException)
    {
        Step = step;
    }

    /// <summary>What was being done: <c>loading metric data</c>, <c>writing the archive</c>, ...</summary>
    public string Step { get; }
}
