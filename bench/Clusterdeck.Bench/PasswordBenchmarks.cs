using BenchmarkDotNet.Attributes;
using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Bench;

/// <summary>
/// One bcrypt verification at the cost the server uses (<see cref="PasswordHasher.WorkFactor"/>). Every
/// successful password login pays exactly one, so cores divided by this time is the ceiling for logins per second.
/// </summary>
public class PasswordBenchmarks
{
    private const string Password = "correct horse battery staple";

    private string _hash = "";

    [GlobalSetup]
    public void Setup() => _hash = BCrypt.Net.BCrypt.HashPassword(Password, PasswordHasher.WorkFactor);

    [Benchmark(Baseline = true)]
    public bool BCryptVerify() => BCrypt.Net.BCrypt.Verify(Password, _hash);

    /// <summary>The product's wrapper, to show it adds nothing measurable to the bcrypt itself.</summary>
    [Benchmark]
    public bool PasswordHasherVerify() => PasswordHasher.Verify(Password, _hash);
}
