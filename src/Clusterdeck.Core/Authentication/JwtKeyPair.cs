using System.Security.Cryptography;
using NSec.Cryptography;

namespace Clusterdeck.Core.Authentication;

/// <summary>
/// The Ed25519 key pair that signs and verifies JWTs, in cc-backend's format: the public key is the raw
/// 32 bytes, the private key Go's 64-byte <c>ed25519.PrivateKey</c> (seed followed by public key), each in
/// standard base64. Without a private key the pair can only verify tokens.
/// </summary>
public sealed class JwtKeyPair : IDisposable
{
    private const int PublicKeySize = 32;
    private const int SeedSize = 32;
    private const int GoPrivateKeySize = SeedSize + PublicKeySize;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    // Export is allowed because PrivateKeyBase64 must hand the key to `clusterdeck keygen` and the key file.
    private static KeyCreationParameters ExportableKey => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };

    private readonly Key? _privateKey;
    private bool _disposed;

    private JwtKeyPair(PublicKey publicKey, Key? privateKey)
    {
        PublicKey = publicKey;
        _privateKey = privateKey;
        PublicKeyBase64 = Convert.ToBase64String(publicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public string PublicKeyBase64 { get; }

    /// <summary>The private key as Go's 64-byte seed-then-public-key value in standard base64, or null when the pair cannot sign.</summary>
    public string? PrivateKeyBase64
    {
        get
        {
            if (_privateKey is null)
            {
                return null;
            }

            ObjectDisposedException.ThrowIf(_disposed, this);
            Span<byte> goKey = stackalloc byte[GoPrivateKeySize];
            try
            {
                if (!_privateKey.TryExport(KeyBlobFormat.RawPrivateKey, goKey[..SeedSize], out var seedLength) || seedLength != SeedSize)
                {
                    throw new InvalidOperationException("The Ed25519 private key could not be exported as a 32-byte seed.");
                }

                PublicKey.Export(KeyBlobFormat.RawPublicKey).CopyTo(goKey[SeedSize..]);
                return Convert.ToBase64String(goKey);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(goKey);
            }
        }
    }

    public bool CanSign => _privateKey is not null;

    internal PublicKey PublicKey { get; }

    /// <summary>The signing key, or null when the pair can only verify.</summary>
    internal Key? PrivateKey
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _privateKey;
        }
    }

    /// <summary>
    /// Reads a pair from the values of <c>JWT_PUBLIC_KEY</c> and <c>JWT_PRIVATE_KEY</c>. The private key may be
    /// Go's 64-byte form or a bare 32-byte seed, and may be null or empty for a validation-only pair.
    /// </summary>
    /// <exception cref="FormatException">A value is not base64, has the wrong length, or the private key does not belong to the public key.</exception>
    public static JwtKeyPair FromBase64(string publicKeyBase64, string? privateKeyBase64)
    {
        ArgumentNullException.ThrowIfNull(publicKeyBase64);

        var publicBytes = DecodeBase64(publicKeyBase64, JwtKeyLoader.PublicKeyVariable);
        if (publicBytes.Length != PublicKeySize)
        {
            throw new FormatException(
                $"{JwtKeyLoader.PublicKeyVariable} must be the base64 of a {PublicKeySize}-byte Ed25519 public key, but it decodes to {publicBytes.Length} bytes.");
        }

        if (!PublicKey.TryImport(Algorithm, publicBytes, KeyBlobFormat.RawPublicKey, out var publicKey) || publicKey is null)
        {
            throw new FormatException($"{JwtKeyLoader.PublicKeyVariable} is not a valid Ed25519 public key.");
        }

        if (string.IsNullOrWhiteSpace(privateKeyBase64))
        {
            return new JwtKeyPair(publicKey, privateKey: null);
        }

        var privateKey = ImportPrivateKey(privateKeyBase64);
        try
        {
            if (!privateKey.PublicKey.Equals(publicKey))
            {
                throw new FormatException(
                    $"{JwtKeyLoader.PrivateKeyVariable} does not belong to {JwtKeyLoader.PublicKeyVariable}: the public key derived from it differs.");
            }

            return new JwtKeyPair(publicKey, privateKey);
        }
        catch
        {
            privateKey.Dispose();
            throw;
        }
    }

    public static JwtKeyPair Generate()
    {
        var privateKey = Key.Create(Algorithm, ExportableKey);
        return new JwtKeyPair(privateKey.PublicKey, privateKey);
    }

    public void Dispose()
    {
        _disposed = true;
        _privateKey?.Dispose();
    }

    private static Key ImportPrivateKey(string privateKeyBase64)
    {
        var privateBytes = DecodeBase64(privateKeyBase64, JwtKeyLoader.PrivateKeyVariable);
        try
        {
            if (privateBytes.Length is not (GoPrivateKeySize or SeedSize))
            {
                throw new FormatException(
                    $"{JwtKeyLoader.PrivateKeyVariable} must be the base64 of a {GoPrivateKeySize}-byte Ed25519 private key (seed and public key, as Go stores it) or of a {SeedSize}-byte seed, but it decodes to {privateBytes.Length} bytes.");
            }

            var privateKey = Key.Import(Algorithm, privateBytes.AsSpan(0, SeedSize), KeyBlobFormat.RawPrivateKey, ExportableKey);
            if (privateBytes.Length == GoPrivateKeySize
                && !privateKey.PublicKey.Export(KeyBlobFormat.RawPublicKey).AsSpan().SequenceEqual(privateBytes.AsSpan(SeedSize)))
            {
                privateKey.Dispose();

                // Go signs with the public half stored in the key, so such a key makes signatures nobody can verify.
                throw new FormatException(
                    $"{JwtKeyLoader.PrivateKeyVariable} is inconsistent: its last {PublicKeySize} bytes are not the public key of its first {SeedSize} bytes.");
            }

            return privateKey;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateBytes);
        }
    }

    private static byte[] DecodeBase64(string value, string variableName)
    {
        try
        {
            // Trimmed because values pasted into env files or systemd units often carry a stray newline or CR.
            return Convert.FromBase64String(value.Trim());
        }
        catch (FormatException exception)
        {
            throw new FormatException($"{variableName} is not valid standard base64.", exception);
        }
    }
}
