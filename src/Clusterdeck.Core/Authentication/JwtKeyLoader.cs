using System.Text;
using Clusterdeck.Core.Storage;

namespace Clusterdeck.Core.Authentication;

/// <summary>
/// Finds the JWT key pair at startup: cc-backend's environment variables first, then the key file in the
/// data directory, and otherwise a new pair saved to that file so tokens survive restarts.
/// </summary>
/// <remarks>
/// Synchronous on purpose: it runs once while the host is being built, before there is anything to cancel,
/// and reads or writes one file of a few hundred bytes.
/// </remarks>
public static class JwtKeyLoader
{
    public const string PublicKeyVariable = "JWT_PUBLIC_KEY";
    public const string PrivateKeyVariable = "JWT_PRIVATE_KEY";
    public const string KeyFileName = "jwt-keypair";

    public static JwtKeyPair Load(string dataDirectory, Func<string, string?> getEnvironmentVariable, out JwtKeySource source)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);

        var publicKey = getEnvironmentVariable(PublicKeyVariable);
        var privateKey = getEnvironmentVariable(PrivateKeyVariable);
        if (!string.IsNullOrWhiteSpace(publicKey))
        {
            source = JwtKeySource.Environment;
            return JwtKeyPair.FromBase64(publicKey, privateKey);
        }

        if (!string.IsNullOrWhiteSpace(privateKey))
        {
            // Falling back to the file here would sign with a key the operator did not choose.
            throw new FormatException($"{PrivateKeyVariable} is set but {PublicKeyVariable} is not; set both or neither.");
        }

        var path = Path.Combine(dataDirectory, KeyFileName);
        if (File.Exists(path))
        {
            source = JwtKeySource.File;
            return ReadFile(path);
        }

        var generated = JwtKeyPair.Generate();
        try
        {
            if (SecretFile.Write(path, FormatAsEnvironment(generated), overwrite: false))
            {
                source = JwtKeySource.Generated;
                return generated;
            }
        }
        catch
        {
            generated.Dispose();
            throw;
        }

        // Another process created the file first; use its pair so both agree on the key.
        generated.Dispose();
        source = JwtKeySource.File;
        return ReadFile(path);
    }

    /// <summary>
    /// The pair as the two lines <c>JWT_PUBLIC_KEY=...</c> and <c>JWT_PRIVATE_KEY=...</c>, each ending in
    /// <c>\n</c>: what <c>clusterdeck keygen</c> prints and the key file holds, ready for an env file.
    /// </summary>
    /// <exception cref="InvalidOperationException">The pair has no private key.</exception>
    public static string FormatAsEnvironment(JwtKeyPair keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var privateKey = keys.PrivateKeyBase64
            ?? throw new InvalidOperationException("The JWT key pair has no private key to write out.");

        // "\n" rather than Environment.NewLine so the file reads the same wherever it was written.
        return $"{PublicKeyVariable}={keys.PublicKeyBase64}\n{PrivateKeyVariable}={privateKey}\n";
    }

    private static JwtKeyPair ReadFile(string path)
    {
        string? publicKey = null;
        string? privateKey = null;
        var lineNumber = 0;
        foreach (var rawLine in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var separator = line.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? line : line[..separator].TrimEnd();
            var value = separator < 0 ? string.Empty : line[(separator + 1)..].TrimStart();
            switch (name)
            {
                case PublicKeyVariable:
                    publicKey = value;
                    break;
                case PrivateKeyVariable:
                    privateKey = value;
                    break;
                default:
                    // The line is not echoed: it may hold (part of) a private key.
                    throw new FormatException($"{path}: line {lineNumber} is not {PublicKeyVariable}=... or {PrivateKeyVariable}=...");
            }
        }

        if (string.IsNullOrWhiteSpace(publicKey))
        {
            throw new FormatException($"{path}: {PublicKeyVariable} is missing.");
        }

        try
        {
            return JwtKeyPair.FromBase64(publicKey, privateKey);
        }
        catch (FormatException exception)
        {
            throw new FormatException($"{path}: {exception.Message}", exception);
        }
    }
}
