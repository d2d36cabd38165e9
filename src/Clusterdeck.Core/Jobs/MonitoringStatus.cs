namespace Clusterdeck.Core.Jobs;

/// <summary>cc-backend's monitoring status values.</summary>
public static class MonitoringStatus
{
    public const int Disabled = 0;
    public const int RunningOrArchiving = 1;
    public const int ArchivingFailed = 2;
    public const int ArchivingSuccessful = 3;
}
