using System.Collections;

namespace Clusterdeck.GraphQL.Scalars;

/// <summary>
/// Metric samples in a GraphQL result, written in one go by the JSON writer as a typed list of nullable floats:
/// numbers as float32, <c>null</c> for NaN, without a boxed value per sample.
/// </summary>
internal sealed class SampleArray(float[] samples) : IEnumerable<float?>
{
    public IEnumerator<float?> GetEnumerator()
    {
        foreach (var sample in samples)
        {
            yield return float.IsFinite(sample) ? sample : null;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
