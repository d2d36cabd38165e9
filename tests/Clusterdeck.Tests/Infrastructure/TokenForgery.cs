using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Clusterdeck.Tests.Infrastructure;

/// <summary>Builds the bad tokens an attacker would try: unsigned, HMAC-signed, tampered.</summary>
public static class TokenForgery
{
    public static string Encode(object value) => Base64Url(JsonSerializer.SerializeToUtf8Bytes(value));

    public static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static object Claims(string subject, params string[] roles) =>
        new Dictionary<string, object> { ["sub"] = subject, ["roles"] = roles, ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() };

    /// <summary><c>alg: none</c> with an empty signature.</summary>
    public static string AlgNone(object claims) => $"{Encode(new { alg = "none", typ = "JWT" })}.{Encode(claims)}.";

    /// <summary>HS256 with the server's public key as the HMAC secret: the classic algorithm-confusion attack.</summary>
    public static string HmacSigned(object claims, byte[] secret)
    {
        var signingInput = $"{Encode(new { alg = "HS256", typ = "JWT" })}.{Encode(claims)}";
        return $"{signingInput}.{Base64Url(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)))}";
    }

    /// <summary>The token's payload replaced by <paramref name="claims"/>, its header and signature kept.</summary>
    public static string WithPayload(string token, object claims)
    {
        var parts = token.Split('.');
        return $"{parts[0]}.{Encode(claims)}.{parts[2]}";
    }
}
