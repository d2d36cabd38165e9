namespace Clusterdeck.Core.Authentication;

/// <summary>Where <see cref="JwtKeyLoader.Load"/> found the JWT key pair.</summary>
public enum JwtKeySource
{
    /// <summary>From <c>JWT_PUBLIC_KEY</c> (and optionally <c>JWT_PRIVATE_KEY</c>), as cc-backend reads them.</summary>
    Environment,

    /// <summary>From the <c>jwt-keypair</c> file in the data directory.</summary>
    File,

    /// <summary>Newly generated and written to the <c>jwt-keypair</c> file in the data directory.</summary>
    Generated,
}
