using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;

namespace Clusterdeck.Core.Authentication;

/// <summary>
/// Issues and validates the JWTs cc-backend uses: JWS compact serialization signed with Ed25519
/// (<c>alg</c> <c>EdDSA</c>) carrying <c>sub</c>, <c>roles</c>, <c>iat</c> and optionally <c>exp</c>.
/// Thread-safe; one instance serves every request.
/// </summary>
public sealed class JwtTokenService(JwtKeyPair keys, TimeProvider timeProvider)
{
    /// <summary>
    /// Tolerance for clocks that disagree between the host that issued a token and this one. A minute keeps
    /// a token usable around its edges without stretching any sensible lifetime noticeably.
    /// </summary>
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>Caps the work an unauthenticated request can cause; real tokens are a few hundred characters.</summary>
    internal const int MaxTokenLength = 8192;

    private const int SignatureSize = 64;

    // Validation needs the token as ASCII plus room for one decoded segment (never longer than the token).
    // Up to this size that lives on the stack, which covers every token cc-backend or this class issues.
    private const int StackBufferSize = 2048;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private static readonly int SignatureSegmentLength = Base64Url.GetEncodedLength(SignatureSize);
    private static readonly byte[] HeaderSegment = Encoding.ASCII.GetBytes(Base64Url.EncodeToString("""{"alg":"EdDSA","typ":"JWT"}"""u8));
    private static readonly SearchValues<byte> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"u8);

    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly JwtKeyPair _keys = keys ?? throw new ArgumentNullException(nameof(keys));
    private readonly TimeProvider _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>Whether this service can issue tokens (it holds the private key), not only validate them.</summary>
    public bool CanSign => _keys.CanSign;

    [Flags]
    private enum Claims
    {
        None = 0,
        Subject = 1,
        Roles = 2,
        IssuedAt = 4,
        ExpiresAt = 8,
        NotBefore = 16,
    }

    /// <summary>Issues a token for <paramref name="subject"/>; without a lifetime it never expires, as cc-backend's do when max-age is unset.</summary>
    /// <exception cref="InvalidOperationException">The key pair has no private key.</exception>
    public string Issue(string subject, IEnumerable<string> roles, TimeSpan? lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(roles);
        if (lifetime is { } positive)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(positive, TimeSpan.Zero, nameof(lifetime));
        }

        var key = _keys.PrivateKey ?? throw new InvalidOperationException("The JWT key pair has no private key, so it can validate tokens but not issue them.");
        var now = _timeProvider.GetUtcNow();

        var payload = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("sub"u8, subject);
            writer.WriteStartArray("roles"u8);
            foreach (var role in roles)
            {
                writer.WriteStringValue(role ?? throw new ArgumentException("Roles must not contain null.", nameof(roles)));
            }

            writer.WriteEndArray();
            writer.WriteNumber("iat"u8, now.ToUnixTimeSeconds());
            if (lifetime is { } duration)
            {
                writer.WriteNumber("exp"u8, now.Add(duration).ToUnixTimeSeconds());
            }

            writer.WriteEndObject();
        }

        var signingInputLength = HeaderSegment.Length + 1 + Base64Url.GetEncodedLength(payload.WrittenCount);
        var token = new byte[signingInputLength + 1 + SignatureSegmentLength];
        HeaderSegment.CopyTo(token, 0);
        token[HeaderSegment.Length] = (byte)'.';
        Base64Url.EncodeToUtf8(payload.WrittenSpan, token.AsSpan(HeaderSegment.Length + 1));

        Span<byte> signature = stackalloc byte[SignatureSize];
        Algorithm.Sign(key, token.AsSpan(0, signingInputLength), signature);
        token[signingInputLength] = (byte)'.';
        Base64Url.EncodeToUtf8(signature, token.AsSpan(signingInputLength + 1));
        return Encoding.ASCII.GetString(token);
    }

    /// <summary>
    /// Checks the signature, algorithm and time claims of <paramref name="token"/> and returns its claims,
    /// or why it was refused.
    /// </summary>
    public TokenValidationResult Validate(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length == 0)
        {
            return TokenValidationResult.Fail("token is empty");
        }

        if (token.Length > MaxTokenLength)
        {
            return TokenValidationResult.Fail("token is too long");
        }

        var needed = token.Length * 2;
        byte[]? rented = null;
        var buffer = needed <= StackBufferSize ? stackalloc byte[StackBufferSize] : (rented = ArrayPool<byte>.Shared.Rent(needed));
        try
        {
            return ValidateInBuffer(token, buffer[..token.Length], buffer[token.Length..]);
        }
        finally
        {
            if (rented is not null)
            {
                // Cleared because the token is a bearer credential and the array goes back to a shared pool.
                ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    /// <summary>Signs a JWS signing input (<c>header.payload</c> in base64url) with the private key.</summary>
    internal void Sign(ReadOnlySpan<byte> signingInput, Span<byte> signature)
    {
        var key = _keys.PrivateKey ?? throw new InvalidOperationException("The JWT key pair has no private key.");
        Algorithm.Sign(key, signingInput, signature);
    }

    /// <summary>Checks a 64-byte Ed25519 signature over a JWS signing input (<c>header.payload</c> in base64url).</summary>
    internal bool VerifySignature(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureSize && Algorithm.Verify(_keys.PublicKey, signingInput, signature);

    private TokenValidationResult ValidateInBuffer(string token, Span<byte> text, Span<byte> scratch)
    {
        if (Ascii.FromUtf16(token, text, out _) != OperationStatus.Done)
        {
            return TokenValidationResult.Fail("token contains characters that cannot occur in a JWT");
        }

        var firstDot = text.IndexOf((byte)'.');
        var secondDot = firstDot < 0 ? -1 : text[(firstDot + 1)..].IndexOf((byte)'.');
        if (secondDot < 0)
        {
            return TokenValidationResult.Fail("token does not have three parts");
        }

        secondDot += firstDot + 1;
        var signatureText = text[(secondDot + 1)..];
        if (signatureText.Contains((byte)'.'))
        {
            return TokenValidationResult.Fail("token does not have three parts");
        }

        if (!TryDecodeSegment(text[..firstDot], scratch, out var headerLength))
        {
            return TokenValidationResult.Fail("token header is not base64url");
        }

        // The algorithm is checked before the signature: only EdDSA is ever verified, whatever the token
        // claims, which shuts out "none" and HMAC-with-the-public-key forgeries.
        var headerFailure = CheckHeader(scratch[..headerLength]);
        if (headerFailure is not null)
        {
            return TokenValidationResult.Fail(headerFailure);
        }

        if (signatureText.IsEmpty)
        {
            return TokenValidationResult.Fail("token is not signed");
        }

        if (signatureText.Length != SignatureSegmentLength
            || !TryDecodeSegment(signatureText, scratch, out var signatureLength)
            || signatureLength != SignatureSize)
        {
            return TokenValidationResult.Fail("token signature is malformed");
        }

        if (!VerifySignature(text[..secondDot], scratch[..SignatureSize]))
        {
            return TokenValidationResult.Fail("token signature is invalid");
        }

        // Claims are parsed only once the signature holds, so unauthenticated input never reaches the claim parser.
        if (!TryDecodeSegment(text[(firstDot + 1)..secondDot], scratch, out var payloadLength))
        {
            return TokenValidationResult.Fail("token payload is not base64url");
        }

        return ReadClaims(scratch[..payloadLength]);
    }

    private static bool TryDecodeSegment(ReadOnlySpan<byte> segment, Span<byte> destination, out int length)
    {
        length = 0;

        // Strict alphabet: padding and whitespace, which the decoder would skip, make a different token
        // string for the same bytes; golang-jwt's raw encoding rejects them too.
        return !segment.ContainsAnyExcept(Base64UrlAlphabet)
            && Base64Url.DecodeFromUtf8(segment, destination, out _, out length) == OperationStatus.Done;
    }

    private static string? CheckHeader(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "token header is not a JSON object";
            }

            bool? isEdDsa = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("alg"u8))
                {
                    if (isEdDsa is not null)
                    {
                        return "token header has more than one alg";
                    }

                    reader.Read();
                    isEdDsa = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("EdDSA"u8);
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("crit"u8))
                {
                    // RFC 7515 4.1.11: extensions marked critical must be understood, and none are.
                    return "token header has critical extensions";
                }
                else
                {
                    reader.Skip();
                }
            }

            EnsureEnd(ref reader);
            return isEdDsa switch
            {
                null => "token header has no alg",
                false => "token algorithm is not EdDSA",
                true => null,
            };
        }
        catch (JsonException)
        {
            return "token header is not valid JSON";
        }
    }

    private TokenValidationResult ReadClaims(ReadOnlySpan<byte> json)
    {
        string? subject = null;
        List<string>? roles = null;
        DateTimeOffset? issuedAt = null;
        DateTimeOffset? expiresAt = null;
        DateTimeOffset? notBefore = null;
        var seen = Claims.None;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return TokenValidationResult.Fail("token claims are not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var claim = reader.ValueTextEquals("sub"u8) ? Claims.Subject
                    : reader.ValueTextEquals("roles"u8) ? Claims.Roles
                    : reader.ValueTextEquals("iat"u8) ? Claims.IssuedAt
                    : reader.ValueTextEquals("exp"u8) ? Claims.ExpiresAt
                    : reader.ValueTextEquals("nbf"u8) ? Claims.NotBefore
                    : Claims.None;
                if (claim == Claims.None)
                {
                    reader.Skip();
                    continue;
                }

                // JSON parsers disagree on which duplicate wins; refusing them leaves nothing to disagree on.
                if ((seen & claim) != 0)
                {
                    return TokenValidationResult.Fail("token has a duplicate claim");
                }

                seen |= claim;
                reader.Read();
                switch (claim)
                {
                    case Claims.Subject:
                        if (reader.TokenType != JsonTokenType.String)
                        {
                            return TokenValidationResult.Fail("token subject is not a string");
                        }

                        subject = reader.GetString();
                        break;
                    case Claims.Roles:
                        roles = ReadRoles(ref reader);
                        break;
                    case Claims.IssuedAt:
                        issuedAt = ReadNumericDate(ref reader);
                        if (issuedAt is null)
                        {
                            return TokenValidationResult.Fail("token iat is not a valid time");
                        }

                        break;
                    case Claims.ExpiresAt:
                        expiresAt = ReadNumericDate(ref reader);
                        if (expiresAt is null)
                        {
                            return TokenValidationResult.Fail("token exp is not a valid time");
                        }

                        break;
                    case Claims.NotBefore:
                        notBefore = ReadNumericDate(ref reader);
                        if (notBefore is null)
                        {
                            return TokenValidationResult.Fail("token nbf is not a valid time");
                        }

                        break;
                    default:
                        throw new InvalidOperationException($"Unhandled claim {claim}.");
                }
            }

            EnsureEnd(ref reader);
        }
        catch (JsonException)
        {
            return TokenValidationResult.Fail("token claims are not valid JSON");
        }
        catch (InvalidOperationException)
        {
            // GetString throws this for strings that escape invalid UTF-16, such as a lone surrogate.
            return TokenValidationResult.Fail("token claims are not valid JSON");
        }

        if (string.IsNullOrEmpty(subject))
        {
            return TokenValidationResult.Fail("token has no subject");
        }

        var now = _timeProvider.GetUtcNow();

        // Subtracting from now rather than adding to exp: exp may be DateTimeOffset.MaxValue.
        if (expiresAt is { } expiry && now - ClockSkew >= expiry)
        {
            return TokenValidationResult.Fail("token has expired");
        }

        if (notBefore is { } start && now + ClockSkew < start)
        {
            return TokenValidationResult.Fail("token is not valid yet");
        }

        return TokenValidationResult.Success(subject, roles is null ? [] : roles, issuedAt, expiresAt);
    }

    /// <summary>
    /// Collects the string entries of <c>roles</c>. Other entries, and a <c>roles</c> that is not an array,
    /// are ignored rather than refused: cc-backend reads the claim the same way.
    /// </summary>
    private static List<string>? ReadRoles(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var roles = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                roles.Add(reader.GetString()!);
            }
            else
            {
                reader.Skip();
            }
        }

        return roles;
    }

    /// <summary>Reads a NumericDate: seconds since the epoch, which golang-jwt also accepts with a fraction.</summary>
    private static DateTimeOffset? ReadNumericDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            reader.Skip();
            return null;
        }

        if (reader.TryGetInt64(out var seconds))
        {
            return seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        }

        return reader.TryGetDouble(out var fractional) && double.IsFinite(fractional) && fractional >= MinUnixSeconds && fractional <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(fractional * 1000))
            : null;
    }

    /// <summary>Confirms the object just closed and nothing but whitespace follows it.</summary>
    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        // The reader throws on content after the top-level value; Read returning true cannot happen then.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            throw new JsonException("Unexpected content after the JSON object.");
        }
    }
}
