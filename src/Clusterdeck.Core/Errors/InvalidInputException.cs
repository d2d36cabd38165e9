namespace Clusterdeck.Core.Errors;

/// <summary>The request itself is malformed: a bad name, an unknown role, a missing field.</summary>
public sealed class InvalidInputException(string message) : DomainException(message);
