namespace Clusterdeck.Core.Errors;

/// <summary>
/// A failure the caller can act on. Protocol adapters map each subclass to one status code;
/// the message is safe to show to the caller (it never carries a secret).
/// </summary>
public abstract class DomainException(string message) : Exception(message);
