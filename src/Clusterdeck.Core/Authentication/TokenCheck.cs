using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Core.Authentication;

/// <summary>Outcome of checking a bearer token: the caller it stands for, or why it was refused.</summary>
public sealed record TokenCheck(Caller? Caller, string? Failure)
{
    public bool IsValid => Caller is not null;
}
