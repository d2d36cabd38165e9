using System.Text.Json.Serialization;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Archive;

/// <summary>
/// Source-generated (de)serialisers for the archive's files. Reading ignores unknown keys (archives carry keys
/// such as <c>stopTime</c> that the schema lacks); writing leaves out nulls, which the schemas do not allow.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(NullableFloatArrayConverter)])]
[JsonSerializable(typeof(Job))]
[JsonSerializable(typeof(JobData))]
[JsonSerializable(typeof(Cluster))]
internal sealed partial class ArchiveJsonContext : JsonSerializerContext;
