using System.Buffers.Text;
using System.Text;
using Clusterdeck.Core.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace Clusterdeck.Core.Tests.Authentication;

/// <summary>RFC 8037 Appendix A: the Ed25519 key of A.1 and the JWS of A.4, checked at the signature layer.</summary>
public sealed class Rfc8037VectorTests : IDisposable
{
    // A.1, base64url as the RFC prints them.
    private const string PrivateKeyD = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    private const string PublicKeyX = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    // A.4: protected header {"alg":"EdDSA"}, payload "Example of Ed25519 signing".
    private const string SigningInput = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
    private const string Signature = "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    private readonly JwtKeyPair _keys = JwtKeyPair.FromBase64(StandardBase64(PublicKeyX), StandardBase64(PrivateKeyD));
    private readonly JwtTokenService _service;

    public Rfc8037VectorTests()
    {
        _service = new JwtTokenService(_keys, new FakeTimeProvider());
    }

    public void Dispose() => _keys.Dispose();

    [Fact]
    public void FromBase64_Rfc8037Seed_DerivesRfc8037PublicKey()
    {
        // The seed alone must yield x; FromBase64 refuses the pair otherwise.
        using var fromSeed = JwtKeyPair.FromBase64(StandardBase64(PublicKeyX), StandardBase64(PrivateKeyD));

        Assert.Equal(StandardBase64(PublicKeyX), fromSeed.PublicKeyBase64);
        Assert.Equal(Convert.ToBase64String([.. Base64Url.DecodeFromChars(PrivateKeyD), .. Base64Url.DecodeFromChars(PublicKeyX)]), fromSeed.PrivateKeyBase64);
    }

    [Fact]
    public void VerifySignature_Rfc8037A4Jws_Verifies()
    {
        Assert.True(_service.VerifySignature(Encoding.ASCII.GetBytes(SigningInput), Base64Url.DecodeFromChars(Signature)));
    }

    [Fact]
    public void VerifySignature_Rfc8037A4JwsWithOtherPayload_Fails()
    {
        var otherInput = SigningInput[..^1] + "Z";

        Assert.False(_service.VerifySignature(Encoding.ASCII.GetBytes(otherInput), Base64Url.DecodeFromChars(Signature)));
    }

    [Fact]
    public void Sign_Rfc8037A4SigningInput_ProducesRfcSignature()
    {
        // Ed25519 is deterministic, so the RFC's signature must come out byte for byte.
        var signature = new byte[64];

        _service.Sign(Encoding.ASCII.GetBytes(SigningInput), signature);

        Assert.Equal(Signature, Base64Url.EncodeToString(signature));
    }

    [Fact]
    public void Validate_Rfc8037A4Jws_PassesSignatureButRefusesNonJsonClaims()
    {
        var result = _service.Validate($"{SigningInput}.{Signature}");

        Assert.False(result.IsValid);
        Assert.Equal("token claims are not valid JSON", result.Failure);
    }

    private static string StandardBase64(string base64Url) => Convert.ToBase64String(Base64Url.DecodeFromChars(base64Url));
}
