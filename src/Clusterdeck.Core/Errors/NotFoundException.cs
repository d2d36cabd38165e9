namespace Clusterdeck.Core.Errors;

/// <summary>The named thing does not exist (or the caller may not know that it does).</summary>
public sealed class NotFoundException(string message) : DomainException(message);
