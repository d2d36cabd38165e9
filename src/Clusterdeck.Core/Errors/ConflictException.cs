namespace Clusterdeck.Core.Errors;

/// <summary>The request is well formed but clashes with the current state (duplicate name, role already held).</summary>
public sealed class ConflictException(string message) : DomainException(message);
