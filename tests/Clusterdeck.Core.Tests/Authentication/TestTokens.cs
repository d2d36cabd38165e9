using System.Buffers.Text;
using System.Text;
using Clusterdeck.Core.Authentication;

namespace Clusterdeck.Core.Tests.Authentication;

/// <summary>Builds tokens with arbitrary header and claims, which <see cref="JwtTokenService.Issue"/> never produces.</summary>
internal static class TestTokens
{
    public static string Segment(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    /// <summary>A token whose Ed25519 signature by <paramref name="signer"/> is valid, whatever the header says.</summary>
    public static string Signed(JwtTokenService signer, string headerJson, string claimsJson)
    {
        var signingInput = $"{Segment(headerJson)}.{Segment(claimsJson)}";
        var signature = new byte[64];
        signer.Sign(Encoding.ASCII.GetBytes(signingInput), signature);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>Segment <paramref name="index"/> of <paramref name="token"/> (0 header, 1 claims), decoded.</summary>
    public static string DecodeSegment(string token, int index) =>
        Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[index]));
}
