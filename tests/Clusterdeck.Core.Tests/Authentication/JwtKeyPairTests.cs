using Clusterdeck.Core.Authentication;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace Clusterdeck.Core.Tests.Authentication;

public sealed class JwtKeyPairTests
{
    [Fact]
    public void Generate_ThenFromBase64_RoundTripsBothKeys()
    {
        using var generated = JwtKeyPair.Generate();

        using var reloaded = JwtKeyPair.FromBase64(generated.PublicKeyBase64, generated.PrivateKeyBase64);

        Assert.True(generated.CanSign);
        Assert.True(reloaded.CanSign);
        Assert.Equal(32, Convert.FromBase64String(generated.PublicKeyBase64).Length);
        Assert.Equal(64, Convert.FromBase64String(generated.PrivateKeyBase64!).Length);
        Assert.Equal(generated.PublicKeyBase64, reloaded.PublicKeyBase64);
        Assert.Equal(generated.PrivateKeyBase64, reloaded.PrivateKeyBase64);
    }

    [Fact]
    public void FromBase64_GoPrivateKeyOfSeedAndPublicKey_SignsTokensThePublicKeyVerifies()
    {
        var (seed, publicKey) = NewRawKeyPair();
        var goPrivateKey = Convert.ToBase64String([.. seed, .. publicKey]);
        var time = new FakeTimeProvider();

        using var keys = JwtKeyPair.FromBase64(Convert.ToBase64String(publicKey), goPrivateKey);
        using var verifier = JwtKeyPair.FromBase64(Convert.ToBase64String(publicKey), privateKeyBase64: null);
        var token = new JwtTokenService(keys, time).Issue("alice", ["user"], TimeSpan.FromHours(1));

        Assert.Equal(goPrivateKey, keys.PrivateKeyBase64);
        Assert.True(new JwtTokenService(verifier, time).Validate(token).IsValid);
    }

    [Fact]
    public void FromBase64_BareSeed_AcceptedAndExportedInGoFormat()
    {
        var (seed, publicKey) = NewRawKeyPair();

        using var keys = JwtKeyPair.FromBase64(Convert.ToBase64String(publicKey), Convert.ToBase64String(seed));

        Assert.True(keys.CanSign);
        Assert.Equal(Convert.ToBase64String([.. seed, .. publicKey]), keys.PrivateKeyBase64);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void FromBase64_NoPrivateKey_CannotSign(string? privateKey)
    {
        var (_, publicKey) = NewRawKeyPair();

        using var keys = JwtKeyPair.FromBase64(Convert.ToBase64String(publicKey), privateKey);

        Assert.False(keys.CanSign);
        Assert.Null(keys.PrivateKeyBase64);
    }

    [Fact]
    public void FromBase64_ValuesWithTrailingNewline_Accepted()
    {
        var (seed, publicKey) = NewRawKeyPair();

        using var keys = JwtKeyPair.FromBase64(Convert.ToBase64String(publicKey) + "\r\n", Convert.ToBase64String([.. seed, .. publicKey]) + "\n");

        Assert.Equal(Convert.ToBase64String(publicKey), keys.PublicKeyBase64);
    }

    [Fact]
    public void FromBase64_PrivateKeyOfOtherPair_ThrowsNamingPrivateKey()
    {
        var (_, publicKey) = NewRawKeyPair();
        var (otherSeed, otherPublicKey) = NewRawKeyPair();

        var exception = Assert.Throws<FormatException>(
            () => JwtKeyPair.FromBase64(Convert.ToBase64String(publicKey), Convert.ToBase64String([.. otherSeed, .. otherPublicKey])));

        Assert.Contains("JWT_PRIVATE_KEY", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBase64_GoPrivateKeyWithForeignPublicHalf_ThrowsNamingPrivateKey()
    {
        // Seed of one pair, public half of another: Go would sign with the wrong public key mixed in.
        var (seed, publicKey) = NewRawKeyPair();
        var (_, otherPublicKey) = NewRawKeyPair();

        var exception = Assert.Throws<FormatException>(
            () => JwtKeyPair.FromBase64(Convert.ToBase64String(publicKey), Convert.ToBase64String([.. seed, .. otherPublicKey])));

        Assert.Contains("JWT_PRIVATE_KEY", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g")]
    [InlineData("")]
    public void FromBase64_BadPublicKey_ThrowsNamingPublicKey(string publicKey)
    {
        var exception = Assert.Throws<FormatException>(() => JwtKeyPair.FromBase64(publicKey, privateKeyBase64: null));

        Assert.Contains("JWT_PUBLIC_KEY", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g")]
    public void FromBase64_BadPrivateKey_ThrowsNamingPrivateKey(string privateKey)
    {
        var (_, publicKey) = NewRawKeyPair();

        var exception = Assert.Throws<FormatException>(() => JwtKeyPair.FromBase64(Convert.ToBase64String(publicKey), privateKey));

        Assert.Contains("JWT_PRIVATE_KEY", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_ThenPrivateKeyBase64_ThrowsObjectDisposedException()
    {
        var keys = JwtKeyPair.Generate();

        keys.Dispose();

        Assert.Throws<ObjectDisposedException>(() => keys.PrivateKeyBase64);
    }

    /// <summary>A key pair made with NSec directly, independent of <see cref="JwtKeyPair"/>.</summary>
    private static (byte[] Seed, byte[] PublicKey) NewRawKeyPair()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return (key.Export(KeyBlobFormat.RawPrivateKey), key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }
}
