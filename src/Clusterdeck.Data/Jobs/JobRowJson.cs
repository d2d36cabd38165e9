using System.Text.Json.Serialization;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Data.Jobs;

/// <summary>Source-generated (de)serialisation of the job table's JSON columns: every row of a bulk load and every listed job passes through it.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyList<JobResource>))]
[JsonSerializable(typeof(List<JobResource>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, double>))]
[JsonSerializable(typeof(Dictionary<string, double>))]
internal sealed partial class JobRowJson : JsonSerializerContext;
