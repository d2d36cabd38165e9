using System.CommandLine;
using Clusterdeck.Core.Authentication;

namespace Clusterdeck.Cli;

internal static class KeygenCommand
{
    public static Command Create()
    {
        var command = new Command("keygen", "Print a new Ed25519 key pair for JWTs as JWT_PUBLIC_KEY=... and JWT_PRIVATE_KEY=... (cc-backend's format)");
        command.SetAction(parseResult =>
        {
            using var keys = JwtKeyPair.Generate();
            parseResult.InvocationConfiguration.Output.Write(JwtKeyLoader.FormatAsEnvironment(keys));
            return 0;
        });
        return command;
    }
}
