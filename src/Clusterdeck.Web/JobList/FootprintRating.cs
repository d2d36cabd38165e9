namespace Clusterdeck.Web.JobList;

/// <summary>How a footprint value compares with its metric's thresholds, worst first, as ClusterCockpit rates it.</summary>
public enum FootprintRating
{
    /// <summary>At or beyond the alert threshold: the job wastes the resource (or, lower-is-better, overuses it).</summary>
    Alert,

    /// <summary>Between caution and alert.</summary>
    Caution,

    /// <summary>Within the expected range.</summary>
    Normal,

    /// <summary>Higher-is-better metrics only: above normal and up to the peak; fine, but worth a look for artefacts.</summary>
    AboveNormal,

    /// <summary>Above the peak (or negative): the measurement is not plausible.</summary>
    Implausible,
}
