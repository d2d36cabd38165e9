namespace Clusterdeck.Core.Errors;

/// <summary>The caller is known but its roles do not allow the operation.</summary>
public sealed class AccessDeniedException(string message) : DomainException(message);
