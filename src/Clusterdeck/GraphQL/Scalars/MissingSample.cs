using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clusterdeck.GraphQL.Scalars;

/// <summary>A missing sample in a GraphQL result: not null to the executor, <c>null</c> in the JSON written.</summary>
[JsonConverter(typeof(MissingSampleConverter))]
internal sealed class MissingSample
{
    public static MissingSample Instance { get; } = new();

    private MissingSample()
    {
    }

    private sealed class MissingSampleConverter : JsonConverter<MissingSample>
    {
        public override MissingSample Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("a missing sample is only ever written");

        public override void Write(Utf8JsonWriter writer, MissingSample value, JsonSerializerOptions options) => writer.WriteNullValue();
    }
}
