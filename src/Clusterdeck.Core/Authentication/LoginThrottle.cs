using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Authentication;

/// <summary>
/// Counts failed logins per (client address, username) in a sliding window. Kept in memory: a
/// restart forgets, and each replica counts on its own, so behind N replicas an attacker gets at most
/// N × the limit — still a bcrypt-bound trickle.
/// </summary>
public sealed class LoginThrottle(IOptions<AuthOptions> options, TimeProvider timeProvider)
{
    private const int SweepThreshold = 10_000;

    private readonly ConcurrentDictionary<(string Address, string Username), Queue<DateTimeOffset>> _failures = new();
    private readonly int _limit = options.Value.MaxFailedLogins;
    private readonly TimeSpan _window = options.Value.FailedLoginWindowSpan;

    /// <summary>True when the key has used up its failures; <paramref name="retryAfter"/> says when the oldest one expires.</summary>
    public bool IsBlocked(string address, string username, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_failures.TryGetValue(Key(address, username), out var failures))
        {
            return false;
        }

        var now = timeProvider.GetUtcNow();
        lock (failures)
        {
            Expire(failures, now);
            if (failures.Count < _limit)
            {
                return false;
            }

            retryAfter = failures.Peek() + _window - now;
            return true;
        }
    }

    public void RecordFailure(string address, string username)
    {
        if (_failures.Count > SweepThreshold)
        {
            Sweep();
        }

        var now = timeProvider.GetUtcNow();
        var failures = _failures.GetOrAdd(Key(address, username), _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Expire(failures, now);
            failures.Enqueue(now);
        }
    }

    public void Reset(string address, string username) => _failures.TryRemove(Key(address, username), out _);

    private void Expire(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + _window <= now)
        {
            failures.Dequeue();
        }
    }

    /// <summary>Drops keys whose failures have all expired, so a scan of many names cannot grow memory without bound.</summary>
    private void Sweep()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (key, failures) in _failures)
        {
            lock (failures)
            {
                Expire(failures, now);
                if (failures.Count == 0)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    // Usernames are matched case-insensitively here so that "Admin" and "admin" share one budget.
    private static (string, string) Key(string address, string username) => (address, username.ToLowerInvariant());
}
