using BenchmarkDotNet.Attributes;
using Clusterdeck.Core.Authentication;

namespace Clusterdeck.Bench;

/// <summary>
/// JWT validation runs on every token-authenticated API request, so its cost is a floor under every API
/// latency. The token is shaped like the ones <c>clusterdeck token</c> issues: a subject, two roles, iat and exp.
/// </summary>
[MemoryDiagnoser]
public class TokenBenchmarks
{
    private JwtKeyPair? _keys;
    private JwtTokenService? _service;
    private string _token = "";

    [GlobalSetup]
    public void Setup()
    {
        _keys = JwtKeyPair.Generate();
        _service = new JwtTokenService(_keys, TimeProvider.System);
        _token = _service.Issue("admin", ["admin", "api"], TimeSpan.FromHours(720));
        if (!_service.Validate(_token).IsValid)
        {
            throw new InvalidOperationException("the benchmark token does not validate");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _keys?.Dispose();

    [Benchmark]
    public TokenValidationResult Validate() => _service!.Validate(_token);

    [Benchmark]
    public string Issue() => _service!.Issue("admin", ["admin", "api"], TimeSpan.FromHours(720));
}
