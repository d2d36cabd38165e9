using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Clusterdeck.Core.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace Clusterdeck.Core.Tests.Authentication;

public sealed class JwtTokenServiceTests : IDisposable
{
    private const string EdDsaHeader = """{"alg":"EdDSA","typ":"JWT"}""";

    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly JwtKeyPair _keys = JwtKeyPair.Generate();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly JwtTokenService _service;

    public JwtTokenServiceTests()
    {
        _service = new JwtTokenService(_keys, _time);
    }

    public void Dispose() => _keys.Dispose();

    [Fact]
    public void Issue_ThenValidate_ReturnsSubjectRolesAndTimes()
    {
        var token = _service.Issue("alice", ["user", "admin"], TimeSpan.FromHours(8));

        var result = _service.Validate(token);

        Assert.True(result.IsValid, result.Failure);
        Assert.Null(result.Failure);
        Assert.Equal("alice", result.Subject);
        Assert.Equal(["user", "admin"], result.Roles);
        Assert.Equal(Start, result.IssuedAt);
        Assert.Equal(Start.AddHours(8), result.ExpiresAt);
    }

    [Fact]
    public void Issue_AnyToken_HasCcBackendHeaderAndUnpaddedBase64Url()
    {
        var token = _service.Issue("alice", ["api"], TimeSpan.FromMinutes(5));

        Assert.Equal(EdDsaHeader, TestTokens.DecodeSegment(token, 0));
        Assert.DoesNotContain('=', token);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.Equal(86, token.Split('.')[2].Length);
        Assert.Equal(
            $$"""{"sub":"alice","roles":["api"],"iat":{{Start.ToUnixTimeSeconds()}},"exp":{{Start.AddMinutes(5).ToUnixTimeSeconds()}}}""",
            TestTokens.DecodeSegment(token, 1));
    }

    [Fact]
    public void Issue_WithoutLifetime_OmitsExpAndValidates()
    {
        var token = _service.Issue("alice", ["user"], lifetime: null);
        _time.Advance(TimeSpan.FromDays(3650));

        var result = _service.Validate(token);

        Assert.DoesNotContain("\"exp\"", TestTokens.DecodeSegment(token, 1), StringComparison.Ordinal);
        Assert.True(result.IsValid, result.Failure);
        Assert.Null(result.ExpiresAt);
    }

    [Fact]
    public void Issue_KeysWithoutPrivateKey_ThrowsInvalidOperationException()
    {
        using var publicOnly = JwtKeyPair.FromBase64(_keys.PublicKeyBase64, privateKeyBase64: null);
        var service = new JwtTokenService(publicOnly, _time);

        Assert.Throws<InvalidOperationException>(() => service.Issue("alice", ["user"], TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Validate_KeysWithoutPrivateKey_AcceptsTokenFromFullPair()
    {
        using var publicOnly = JwtKeyPair.FromBase64(_keys.PublicKeyBase64, privateKeyBase64: null);
        var token = _service.Issue("alice", ["user"], TimeSpan.FromHours(1));

        var result = new JwtTokenService(publicOnly, _time).Validate(token);

        Assert.True(result.IsValid, result.Failure);
    }

    [Fact]
    public void Validate_TokenShapedLikeGolangJwt_Accepted()
    {
        // golang-jwt marshals MapClaims with sorted keys; cc-backend puts exactly these four claims in.
        var iat = Start.AddMinutes(-1).ToUnixTimeSeconds();
        var exp = Start.AddHours(1).ToUnixTimeSeconds();
        var token = TestTokens.Signed(_service, EdDsaHeader, $$"""{"exp":{{exp}},"iat":{{iat}},"roles":["admin","api"],"sub":"bob"}""");

        var result = _service.Validate(token);

        Assert.True(result.IsValid, result.Failure);
        Assert.Equal("bob", result.Subject);
        Assert.Equal(["admin", "api"], result.Roles);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(iat), result.IssuedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(exp), result.ExpiresAt);
    }

    [Fact]
    public void Validate_AlgNoneWithoutSignature_Rejected()
    {
        var token = $"{TestTokens.Segment("""{"alg":"none","typ":"JWT"}""")}.{TestTokens.Segment("""{"sub":"alice","roles":["admin"]}""")}.";

        var result = _service.Validate(token);

        Assert.False(result.IsValid);
        Assert.Equal("token algorithm is not EdDSA", result.Failure);
    }

    [Theory]
    [InlineData("""{"alg":"none","typ":"JWT"}""")]
    [InlineData("""{"alg":"HS256","typ":"JWT"}""")]
    [InlineData("""{"alg":"eddsa","typ":"JWT"}""")]
    [InlineData("""{"alg":["EdDSA"],"typ":"JWT"}""")]
    public void Validate_OtherAlgWithValidEd25519Signature_Rejected(string header)
    {
        // Signed correctly, so only the alg check can refuse it.
        var token = TestTokens.Signed(_service, header, """{"sub":"alice","roles":["admin"]}""");

        var result = _service.Validate(token);

        Assert.False(result.IsValid);
        Assert.Equal("token algorithm is not EdDSA", result.Failure);
    }

    [Fact]
    public void Validate_MissingAlg_Rejected()
    {
        var token = TestTokens.Signed(_service, """{"typ":"JWT"}""", """{"sub":"alice","roles":["admin"]}""");

        var result = _service.Validate(token);

        Assert.False(result.IsValid);
        Assert.Equal("token header has no alg", result.Failure);
    }

    [Fact]
    public void Validate_CriticalHeaderExtension_Rejected()
    {
        var token = TestTokens.Signed(_service, """{"alg":"EdDSA","crit":["b64"],"b64":false}""", """{"sub":"alice"}""");

        var result = _service.Validate(token);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_Hs256SignedWithPublicKeyAsSecret_Rejected()
    {
        var signingInput = $"{TestTokens.Segment("""{"alg":"HS256","typ":"JWT"}""")}.{TestTokens.Segment("""{"sub":"mallory","roles":["admin"]}""")}";
        var mac = HMACSHA256.HashData(Convert.FromBase64String(_keys.PublicKeyBase64), Encoding.ASCII.GetBytes(signingInput));
        var token = $"{signingInput}.{Base64Url.EncodeToString(mac)}";

        var result = _service.Validate(token);

        Assert.False(result.IsValid);
        Assert.Equal("token algorithm is not EdDSA", result.Failure);
    }

    [Fact]
    public void Validate_Hs256SignatureUnderEdDsaHeader_Rejected()
    {
        // The same key confusion, but claiming EdDSA so the signature check itself must refuse it.
        var signingInput = $"{TestTokens.Segment(EdDsaHeader)}.{TestTokens.Segment("""{"sub":"mallory","roles":["admin"]}""")}";
        var mac = HMACSHA256.HashData(Convert.FromBase64String(_keys.PublicKeyBase64), Encoding.ASCII.GetBytes(signingInput));
        var token = $"{signingInput}.{Base64Url.EncodeToString(mac)}";

        var result = _service.Validate(token);

        Assert.False(result.IsValid);
        Assert.Equal("token signature is malformed", result.Failure);
    }

    [Fact]
    public void Validate_EmptySignature_Rejected()
    {
        var token = _service.Issue("alice", ["user"], TimeSpan.FromHours(1));
        var unsigned = token[..(token.LastIndexOf('.') + 1)];

        var result = _service.Validate(unsigned);

        Assert.False(result.IsValid);
        Assert.Equal("token is not signed", result.Failure);
    }

    [Fact]
    public void Validate_ZeroSignature_Rejected()
    {
        var token = _service.Issue("alice", ["user"], TimeSpan.FromHours(1));
        var zeroed = token[..(token.LastIndexOf('.') + 1)] + Base64Url.EncodeToString(new byte[64]);

        var result = _service.Validate(zeroed);

        Assert.False(result.IsValid);
        Assert.Equal("token signature is invalid", result.Failure);
    }

    [Fact]
    public void Validate_RoleChangedInPayload_Rejected()
    {
        var token = _service.Issue("alice", ["user"], TimeSpan.FromHours(1));
        var parts = token.Split('.');
        var claims = TestTokens.DecodeSegment(token, 1);
        var tampered = $"{parts[0]}.{TestTokens.Segment(claims.Replace("\"user\"", "\"admin\"", StringComparison.Ordinal))}.{parts[2]}";
        Assert.NotEqual(token, tampered);

        var result = _service.Validate(tampered);

        Assert.False(result.IsValid);
        Assert.Equal("token signature is invalid", result.Failure);
    }

    [Fact]
    public void Validate_SignatureBitFlipped_Rejected()
    {
        var token = _service.Issue("alice", ["user"], TimeSpan.FromHours(1));
        var parts = token.Split('.');
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[10] ^= 0x01;

        var result = _service.Validate($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}");

        Assert.False(result.IsValid);
        Assert.Equal("token signature is invalid", result.Failure);
    }

    [Fact]
    public void Validate_TokenFromOtherKey_Rejected()
    {
        using var otherKeys = JwtKeyPair.Generate();
        var foreignToken = new JwtTokenService(otherKeys, _time).Issue("alice", ["admin"], TimeSpan.FromHours(1));

        var result = _service.Validate(foreignToken);

        Assert.False(result.IsValid);
        Assert.Equal("token signature is invalid", result.Failure);
    }

    [Fact]
    public void Validate_PastExpiryAndLeeway_Rejected()
    {
        var token = _service.Issue("alice", ["user"], TimeSpan.FromHours(1));
        _time.Advance(TimeSpan.FromHours(1) + JwtTokenService.ClockSkew);

        var result = _service.Validate(token);

        Assert.False(result.IsValid);
        Assert.Equal("token has expired", result.Failure);
    }

    [Fact]
    public void Validate_PastExpiryWithinLeeway_Accepted()
    {
        var token = _service.Issue("alice", ["user"], TimeSpan.FromHours(1));
        _time.Advance(TimeSpan.FromHours(1) + JwtTokenService.ClockSkew - TimeSpan.FromSeconds(1));

        var result = _service.Validate(token);

        Assert.True(result.IsValid, result.Failure);
    }

    [Fact]
    public void Validate_NotBeforeInFuture_Rejected()
    {
        var notBefore = Start.AddMinutes(10).ToUnixTimeSeconds();
        var token = TestTokens.Signed(_service, EdDsaHeader, $$"""{"sub":"alice","roles":["user"],"nbf":{{notBefore}}}""");

        var result = _service.Validate(token);

        Assert.False(result.IsValid);
        Assert.Equal("token is not valid yet", result.Failure);
    }

    [Fact]
    public void Validate_NotBeforeReached_Accepted()
    {
        var notBefore = Start.AddMinutes(10).ToUnixTimeSeconds();
        var token = TestTokens.Signed(_service, EdDsaHeader, $$"""{"sub":"alice","roles":["user"],"nbf":{{notBefore}}}""");
        _time.Advance(TimeSpan.FromMinutes(10));

        var result = _service.Validate(token);

        Assert.True(result.IsValid, result.Failure);
    }

    [Theory]
    [InlineData("""{"roles":["admin"]}""", "token has no subject")]
    [InlineData("""{"sub":"","roles":["admin"]}""", "token has no subject")]
    [InlineData("""{"sub":null,"roles":["admin"]}""", "token subject is not a string")]
    [InlineData("""{"sub":42,"roles":["admin"]}""", "token subject is not a string")]
    [InlineData("""{"sub":["alice"],"roles":["admin"]}""", "token subject is not a string")]
    [InlineData("""{"sub":"alice","sub":"root"}""", "token has a duplicate claim")]
    [InlineData("""{"sub":"alice","exp":"tomorrow"}""", "token exp is not a valid time")]
    [InlineData("""{"sub":"alice","exp":1e400}""", "token exp is not a valid time")]
    [InlineData("""{"sub":"alice","iat":null}""", "token iat is not a valid time")]
    [InlineData("""{"sub":"alice"} {}""", "token claims are not valid JSON")]
    [InlineData("""{"sub":"\ud800"}""", "token claims are not valid JSON")]
    [InlineData("""["alice"]""", "token claims are not a JSON object")]
    [InlineData("Example of Ed25519 signing", "token claims are not valid JSON")]
    public void Validate_BadClaims_RejectedWithReason(string claimsJson, string expectedFailure)
    {
        var token = TestTokens.Signed(_service, EdDsaHeader, claimsJson);

        var result = _service.Validate(token);

        Assert.False(result.IsValid);
        Assert.Equal(expectedFailure, result.Failure);
    }

    [Fact]
    public void Validate_NonStringRoles_AreIgnored()
    {
        var token = TestTokens.Signed(_service, EdDsaHeader, """{"sub":"alice","roles":["user",1,null,true,{"x":"admin"},["admin"],"api"]}""");

        var result = _service.Validate(token);

        Assert.True(result.IsValid, result.Failure);
        Assert.Equal(["user", "api"], result.Roles);
    }

    [Fact]
    public void Validate_RolesNotAnArray_YieldsNoRoles()
    {
        var token = TestTokens.Signed(_service, EdDsaHeader, """{"sub":"alice","roles":"admin"}""");

        var result = _service.Validate(token);

        Assert.True(result.IsValid, result.Failure);
        Assert.Empty(result.Roles);
    }

    [Fact]
    public void Validate_FractionalTimes_Accepted()
    {
        var token = TestTokens.Signed(_service, EdDsaHeader, $$"""{"sub":"alice","iat":{{Start.ToUnixTimeSeconds()}}.5,"exp":{{Start.AddHours(1).ToUnixTimeSeconds()}}.25}""");

        var result = _service.Validate(token);

        Assert.True(result.IsValid, result.Failure);
        Assert.Equal(Start.AddMilliseconds(500), result.IssuedAt);
        Assert.Equal(Start.AddHours(1).AddMilliseconds(250), result.ExpiresAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData("garbage")]
    [InlineData("a.b")]
    [InlineData("a.b.c")]
    [InlineData("a.b.c.d")]
    [InlineData("Bearer abc.def.ghi")]
    [InlineData("eyJhbGciOiJFZERTQSJ9.e30.")]
    [InlineData("eyJhbGciOiJFZERTQSJ9=.e30.AAAA")]
    [InlineData("eyJhbGciOiJFZERTQSJ9.e30.AAAA")]
    [InlineData("e30.e30.AAAA")]
    [InlineData("W10.e30.AAAA")]
    [InlineData("bnVsbA.e30.AAAA")]
    [InlineData("é.é.é")]
    [InlineData("\0.\0.\0")]
    public void Validate_Garbage_RejectedWithoutEchoingIt(string token)
    {
        var result = _service.Validate(token);

        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrEmpty(result.Failure));
        if (token.Length > 3)
        {
            Assert.DoesNotContain(token, result.Failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_PaddedSignature_Rejected()
    {
        var token = _service.Issue("alice", ["user"], TimeSpan.FromHours(1));

        var result = _service.Validate(token + "==");

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_OverlongToken_Rejected()
    {
        var token = _service.Issue(new string('a', JwtTokenService.MaxTokenLength), ["user"], TimeSpan.FromHours(1));

        var result = _service.Validate(token);

        Assert.False(result.IsValid);
        Assert.Equal("token is too long", result.Failure);
    }

    [Fact]
    public void Validate_LongTokenBeyondStackBuffer_Accepted()
    {
        var roles = Enumerable.Range(0, 200).Select(i => $"role{i}").ToArray();
        var token = _service.Issue("alice", roles, TimeSpan.FromHours(1));
        Assert.InRange(token.Length, 2048, JwtTokenService.MaxTokenLength);

        var result = _service.Validate(token);

        Assert.True(result.IsValid, result.Failure);
        Assert.Equal(roles, result.Roles);
    }
}
